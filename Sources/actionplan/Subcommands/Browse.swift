import ActionPlanCore
import ArgumentParser

/// `actionplan browse` (the default): the full-screen terminal UI.
struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the plan in the terminal UI (the default command).")

    @Argument(help: "The plan file (JSON).") var plan: String
    @Option(help: "Who is making changes (default: $ACTIONPLAN_USER, else $USER).") var user: String?
    @Flag(name: .customLong("no-color"), help: "No colours (also when NO_COLOR is set).") var noColor = false
    @Flag(help: "Enable the mouse: click selects, wheel scrolls.") var mouse = false
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        try reportingBadInput {
            _ = try asOf.day()
            _ = try PlanStore.load(plan)
            throw PlanError(message: "the terminal UI is not built yet")
        }
    }
}
