import ActionPlanCore
import ActionPlanStore
import ArgumentParser

/// `actionplan coverage`: each recommendation and the actions that answer it.
struct Coverage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "List each recommendation with its linked actions, their ratings and overdue state; flag those "
            + "with no live action.")

    @Argument(help: "The plan file (JSON).") var plan: String
    @OptionGroup var format: ListFormatOption
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        try reportingBadInput {
            let p = keptUntilExit(try PlanStore.load(plan))
            printOut(CoverageListing.render(p, asOf: try asOf.day(), format: format.format))
        }
    }
}
