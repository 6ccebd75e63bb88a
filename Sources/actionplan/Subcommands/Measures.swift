import ActionPlanCore
import ActionPlanStore
import ArgumentParser

/// `actionplan measures`: the plan's measures of impact with their latest figures against target.
struct Measures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measures",
        abstract: "List the plan's measures: previous and latest figures, change, target, on or off target, trend.")

    @Argument(help: "The plan file (JSON).") var plan: String
    @OptionGroup var format: ListFormatOption

    func run() throws {
        try reportingBadInput {
            printOut(MeasureListing.render(try PlanStore.loadOutsideThemes(plan), format: format.format))
        }
    }
}
