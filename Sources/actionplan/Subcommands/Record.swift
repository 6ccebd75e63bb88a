import ActionPlanCore
import ActionPlanStore
import ArgumentParser

/// `actionplan record`: add one figure to a measure.
struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a measure's figure for a period (e.g. 13.3, 68%, 7/ 50.0%, 9/20, 20 days), and save.")

    @Argument(help: "The plan file (JSON).") var plan: String
    @Argument(help: "The measure's ID (M4, M4.2) or its exact title.") var measure: String
    @Argument(help: "The figure as written, e.g. 13.3, 68%, \"7/ 50.0%\", 9/20, \"20 days\".") var value: String
    @Option(help: "The period as written, e.g. Apr-18.") var period: String

    func run() throws {
        try reportingBadInput {
            let id = try PlanStore.update(plan, options: saveOptions()) { p in
                try p.record(measure: measure, value: value, period: period)
            }
            printOut(
                "\(TerminalSafe.escape(id)): \(TerminalSafe.escape(period)) = \(TerminalSafe.escape(value)); "
                    + "saved \(TerminalSafe.escape(plan))\n")
        }
    }
}
