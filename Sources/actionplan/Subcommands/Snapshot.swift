import ActionPlanCore
import ActionPlanStore
import ArgumentParser

/// `actionplan snapshot`: freeze the current position for the next report to compare with.
struct TakeSnapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Freeze every action's rating, deadline and latest note under a label (a reporting cycle), and save.")

    @Argument(help: "The plan file (JSON).") var plan: String
    @Option(help: "A unique label, e.g. \"November 2018 committee\".") var label: String
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        try reportingBadInput {
            let today = try asOf.day()
            // Inside the plan's lock: read, snapshot, write (with a backup), like `rate`.
            let s = try PlanStore.update(plan, options: saveOptions()) { p in
                try p.takeSnapshot(label: label, asOf: today)
            }
            printOut(
                "Snapshot \"\(TerminalSafe.escape(s.label))\" of \(s.actions.count) actions as at \(s.date); "
                    + "saved \(TerminalSafe.escape(plan))\n")
        }
    }
}

/// `actionplan snapshots`: list the plan's snapshots, oldest first.
struct ListSnapshots: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshots", abstract: "List the plan's snapshots (reporting cycles), oldest first.")

    @Argument(help: "The plan file (JSON).") var plan: String
    @OptionGroup var format: ListFormatOption

    func run() throws {
        try reportingBadInput {
            // Only the snapshots are listed: of a file the store wrote, the themes are not read.
            printOut(SnapshotListing.render(try PlanStore.loadOutsideThemes(plan), format: format.format))
        }
    }
}
