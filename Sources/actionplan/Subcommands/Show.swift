import ActionPlanCore
import ActionPlanStore
import ArgumentParser

/// `actionplan show`: everything about one action.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one action with its history and notes.")

    /// `table` or `json` (show prints one record, so no TSV).
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Argument(help: "The plan file (JSON).") var plan: String
    @Argument(help: "The action's ID, e.g. 5(xii).", completion: .actionIDs) var id: String
    @Option(help: "Output format: table or json.") var format: Format = .table
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        try reportingBadInput {
            let today = try asOf.day()
            // One action in full; of the others only what the listing holds (nothing of theirs is shown).
            let (p, path) = try PlanStore.loadListing(plan, withAllOf: id)
            printOut(
                format == .json ? ActionDetail.json(p, path, asOf: today) : ActionDetail.text(p, path, asOf: today))
        }
    }
}
