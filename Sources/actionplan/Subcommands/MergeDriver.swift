import ActionPlanCore
import ActionPlanStore
import ArgumentParser

/// `actionplan merge-driver BASE OURS THEIRS [PATH]`: a git merge driver that merges plans action by action.
struct MergeDriver: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Git merge driver: merge two branches' versions of a plan action by action and field by field.",
        discussion: """
            Set up once per repository (see docs/concurrency.md):
              git config merge.actionplan.driver "actionplan merge-driver %O %A %B %P"
              echo '*.json merge=actionplan' >> .gitattributes
            Writes the merge to OURS and exits 0. When both branches changed the same field of the same action \
            to different values, OURS gets git conflict markers around those lines only (ours, then theirs), the \
            conflicts are listed on stderr, and the exit status is 3, so git reports a conflict. A version that \
            is not a valid plan leaves OURS as it was, with exit status 2.
            """)

    @Argument(help: "The common ancestor's version (git's %O; empty when there is none).") var base: String
    @Argument(help: "Our version (git's %A); the result is written here.") var ours: String
    @Argument(help: "Their version (git's %B).") var theirs: String
    @Argument(help: "The file's path in the repository, for messages (git's %P).") var path: String?
    @Option(name: .customLong("marker-size"), help: "Length of conflict markers (git's %L).") var markerSize = 7

    func run() throws {
        let name = path ?? ours
        let conflicts = try reportingBadInput { () -> [MergeConflict] in
            let baseBytes = try PlanStore.readFile(base)
            let b: Plan? =
                baseBytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
                ? nil : try PlanCodec.decode(baseBytes, file: "\(name) (common ancestor)")
            let o = try PlanCodec.decode(try PlanStore.readFile(ours), file: "\(name) (ours)")
            let t = try PlanCodec.decode(try PlanStore.readFile(theirs), file: "\(name) (theirs)")
            let merged = PlanMerge.merge(base: b, ours: o, theirs: t)
            if merged.isClean {
                try PlanStore.writeAtomically(PlanCodec.encode(merged.plan), to: ours)
                return []
            }
            var allTheirs: [MergeConflict.Key: MergeSide] = [:]
            for c in merged.conflicts { allTheirs[c.key] = .theirs }
            let theirsSide = PlanMerge.merge(base: b, ours: o, theirs: t, choices: allTheirs).plan
            let marked = ConflictMarkers.render(
                ours: PlanCodec.encode(merged.plan), theirs: PlanCodec.encode(theirsSide), oursLabel: "ours",
                theirsLabel: "theirs", markerSize: max(markerSize, 1))
            try PlanStore.writeAtomically(marked, to: ours)
            return merged.conflicts
        }
        if conflicts.isEmpty { return }
        let n = conflicts.count
        printError(
            "actionplan merge-driver: \(TerminalSafe.escape(name)): \(n) conflict\(n == 1 ? "" : "s") "
                + "(marked in the file; keep one side of each, then git add):")
        for c in conflicts { printError("  " + TerminalSafe.escape(c.description)) }
        throw ExitCode(3)
    }
}
