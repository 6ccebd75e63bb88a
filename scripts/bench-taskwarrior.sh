#!/bin/sh
# Side by side with Taskwarrior (issue 13): `actionplan overdue` against `task +OVERDUE count`, and one rating
# changed and saved (`actionplan rate`) against `task 1 annotate`, on the same tasks, alternating, best of 5,
# with the ratio of each pair and each command's peak memory against the plan file's size.
#
#   scripts/bench-taskwarrior.sh [ACTIONS]      # default 100000
#
# Installs Taskwarrior with apt-get when it is missing (and apt-get is there); without it, prints actionplan's
# figures alone and says so. Builds the release binaries first (swift build -c release --static-swift-stdlib
# --scratch-path .build-release, as docs/performance.md says to build actionplan).
set -eu
cd "$(dirname "$0")/.."
actions="${1:-100000}"
if ! command -v task >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        echo "Taskwarrior is missing: installing it (apt-get install -y taskwarrior)"
        apt-get install -y taskwarrior >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y taskwarrior >/dev/null 2>&1) ||
            echo "could not install Taskwarrior: actionplan's figures only"
    else
        echo "Taskwarrior is missing and apt-get is not available: actionplan's figures only"
    fi
fi
swift build -c release --static-swift-stdlib --scratch-path .build-release >/dev/null
exec .build-release/release/actionplan-bench --taskwarrior "$actions"
