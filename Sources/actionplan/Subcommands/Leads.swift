import ActionPlanCore
import ActionPlanStore
import ArgumentParser

/// `actionplan leads`: every lead with name, role, and the actions it leads by rating and overdue.
struct Leads: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leads",
        abstract: "List the leads: code, name, role, actions by rating, overdue, not updated since the snapshot.",
        discussion: """
            The officers register comes first, in the plan's order, then the other leads the actions name \
            (groups such as 'All HoS', names written in full, codes the register lacks). An action with joint \
            leads counts for each of them.
            """)

    @Argument(help: "The plan file (JSON).") var plan: String
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var format: ListFormatOption

    func run() throws {
        try reportingBadInput {
            let today = try asOf.day()
            let p = keptUntilExit(try PlanStore.load(plan))
            printOut(LeadListing.render(p, asOf: today, format: format.format))
        }
    }
}
