import ActionPlanCore
import ActionPlanStore
import ArgumentParser

/// `actionplan summary`: counts per theme and in total.
struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Per theme and in total: counts by rating, unrated, overdue, per cent complete.")

    @Argument(help: "The plan file (JSON).") var plan: String
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var format: ListFormatOption

    func run() throws {
        try reportingBadInput {
            let today = try asOf.day()
            // Counts need no log text: the outline is read and checked as fully, and faster.
            let p = keptUntilExit(try PlanStore.loadListing(plan))
            printOut(SummaryReport.render(p, asOf: today, format: format.format))
        }
    }
}
