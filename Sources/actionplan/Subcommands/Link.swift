import ActionPlanCore
import ActionPlanStore
import ArgumentParser

/// `actionplan link`: say which recommendations an action answers.
struct Link: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Link an action to the recommendations it answers (IDs from the plan's register), and save.")

    @Argument(help: "The plan file (JSON).") var plan: String
    @Argument(help: "The action's ID.") var action: String
    @Argument(help: "The recommendations' IDs, e.g. 3 \"LSCB 2\".") var recommendations: [String]

    func run() throws {
        try reportingBadInput {
            let linked = try PlanStore.update(plan, options: saveOptions()) { p in
                try p.link(action: action, to: recommendations)
            }
            let e = { (s: String) in TerminalSafe.escape(s) }
            printOut(
                "\(e(action)): linked to "
                    + (linked.isEmpty ? "nothing new (already linked)" : linked.map(e).joined(separator: ", "))
                    + "; saved \(e(plan))\n")
        }
    }
}
