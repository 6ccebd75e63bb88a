#!/usr/bin/env bash
# Fuzz the plan loader, the importer, the three-way merge and the source reader with libFuzzer, each for a
# bounded time.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     SECONDS per target (default 60); TARGET: loader importer merge reader
#
# Builds the fuzz targets (declared in Package.swift only when ACTIONPLAN_FUZZ=1) in release mode with
# libFuzzer and AddressSanitizer into .build-fuzz/, so the normal .build is untouched. Seeds come from
# Tests/FuzzCorpus/TARGET (read only); inputs found interesting are kept in .build-fuzz/corpus/TARGET and
# reused by the next run; crashes, timeouts and out-of-memory inputs go to .build-fuzz/artifacts/TARGET/.
# Exits non-zero if any target found a problem. Record runs in docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(loader importer merge reader)

export ACTIONPLAN_FUZZ=1
export SWIFT_BACKTRACE=enable=no   # let libFuzzer/ASan report crashes, not the Swift backtracer
build=(swift build -c release --scratch-path .build-fuzz --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address)
for t in "${targets[@]}"; do
    "${build[@]}" --product "fuzz-$t"
done
bin="$("${build[@]}" --show-bin-path)"

# The importer reads documents line by line: shorter inputs mutate faster and reach the same states.
max_len() { if [ "$1" = importer ]; then echo 16384; else echo 65536; fi; }

status=0
for t in "${targets[@]}"; do
    corpus=".build-fuzz/corpus/$t"
    artifacts=".build-fuzz/artifacts/$t/"
    mkdir -p "$corpus" "$artifacts"
    echo "== fuzz-$t for ${seconds}s (seeds: Tests/FuzzCorpus/$t, corpus: $corpus)"
    set +e
    ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" "$bin/fuzz-$t" "$corpus" "Tests/FuzzCorpus/$t" \
        -dict="Tests/FuzzCorpus/$t.dict" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
        -max_len="$(max_len "$t")" -artifact_prefix="$artifacts" -print_final_stats=1 > ".build-fuzz/fuzz-$t.log" 2>&1
    result=$?
    set -e
    grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::(number_of_executed_units|peak_rss_mb)|ERROR|SUMMARY|Test unit" \
        ".build-fuzz/fuzz-$t.log" || true
    if [ "$result" != 0 ] || [ -n "$(ls -A "$artifacts")" ]; then
        echo "fuzz-$t: FOUND A PROBLEM (exit $result): see .build-fuzz/fuzz-$t.log and $artifacts"
        status=1
    fi
done
exit $status
