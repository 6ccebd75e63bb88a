import ActionPlanCore
import ActionPlanStore
import ArgumentParser

/// `actionplan recommendation add|edit|remove`: keep the plan's recommendations register by hand (an import
/// fills it from the inspection report; `link` and `L` in the terminal UI link actions to it).
struct RecommendationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommendation",
        abstract: "Add, reword or remove a recommendation of the plan's register, and save.",
        subcommands: [AddRecommendation.self, EditRecommendation.self, RemoveRecommendation.self])
}

/// `actionplan recommendation add`.
struct AddRecommendation: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a recommendation to the end of the register, and save.")

    @Argument(help: "The plan file (JSON).") var plan: String
    @Argument(help: "Its ID as the report numbers it, e.g. 3 or \"LSCB 2\" (new to the register).") var id: String
    @Option(help: "The recommendation, verbatim.") var text: String
    @Option(help: "Who made it, e.g. Ofsted.") var source = ""

    func run() throws {
        try reportingBadInput {
            try PlanStore.update(plan, options: saveOptions()) { p in
                try p.addRecommendation(id: id, text: text, source: source)
            }
            printOut("\(TerminalSafe.escape(id)): added; saved \(TerminalSafe.escape(plan))\n")
        }
    }
}

/// `actionplan recommendation edit`.
struct EditRecommendation: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Reword a recommendation or change its source, and save.")

    @Argument(help: "The plan file (JSON).") var plan: String
    @Argument(help: "The recommendation's ID.") var id: String
    @Option(help: "The new text (not empty).") var text: String?
    @Option(help: "Who made it (empty removes it).") var source: String?

    func validate() throws {
        guard text != nil || source != nil else { throw ValidationError("Give --text, --source or both.") }
    }

    func run() throws {
        try reportingBadInput {
            try PlanStore.update(plan, options: saveOptions()) { p in
                try p.editRecommendation(id: id, text: text, source: source)
            }
            printOut("\(TerminalSafe.escape(id)): changed; saved \(TerminalSafe.escape(plan))\n")
        }
    }
}

/// `actionplan recommendation remove`.
struct RemoveRecommendation: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a recommendation from the register (refused while actions link to it), and save.")

    @Argument(help: "The plan file (JSON).") var plan: String
    @Argument(help: "The recommendation's ID.") var id: String
    @Flag(help: "Remove it even though actions link to it (their links go with it).") var force = false

    func run() throws {
        try reportingBadInput {
            let linked = try PlanStore.update(plan, options: saveOptions()) { p in
                try p.removeRecommendation(id: id, force: force)
            }
            let e = { (s: String) in TerminalSafe.escape(s) }
            printOut(
                "\(e(id)): removed" + (linked.isEmpty ? "" : " (unlinked \(linked.map(e).joined(separator: ", ")))")
                    + "; saved \(e(plan))\n")
        }
    }
}
