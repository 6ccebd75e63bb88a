import ActionPlanCore
import ActionPlanStore
import ArgumentParser

/// `actionplan list`: actions filtered by theme, lead, rating, overdue or due soon.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List actions, optionally filtered.")

    @Argument(help: "The plan file (JSON).") var plan: String
    @Option(help: "Only this theme number.") var theme: Int?
    @Option(help: "Only actions with this lead code (see 'actionplan leads').", completion: .leadCodes)
    var lead: String?
    @Option(
        help: "Only these ratings, comma-separated: B,G,A,R (or colour names; 'none' for unrated).",
        completion: .ratingList)
    var rating: String?
    @Flag(help: "Only overdue actions.") var overdue = false
    @Option(name: .customLong("due-within"), help: "Only actions due within this many days.") var dueWithin: Int?
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var format: ListFormatOption

    func run() throws {
        try reportingBadInput {
            let today = try asOf.day()
            // A list shows no log text: the outline is read and checked as fully, and faster.
            let p = keptUntilExit(try PlanStore.loadListing(plan))
            var f = ActionFilter(theme: theme, lead: lead, overdueOnly: overdue, dueWithin: dueWithin)
            if let rating {
                let list = try Rating.parseList(rating, path: "--rating")
                f.ratings = list.ratings
                f.includeUnrated = list.includeUnrated
            }
            if let dueWithin, dueWithin < 0 {
                throw PlanError(
                    .invalidValue,
                    path: "--due-within", message: "expected a number of days of 0 or more, got \(dueWithin)")
            }
            if let lead { warnIfUnknown(lead: lead, in: p, asOf: today) }
            let rows = ActionListing.rows(f.apply(to: p, asOf: today), in: p, asOf: today)
            printOut(ActionListing.render(rows, format: format.format))
        }
    }

    /// Warns on stderr when no officer or action has `lead`, naming the nearest codes, so a mistyped
    /// code is not read as "this lead has no actions".
    private func warnIfUnknown(lead: String, in p: Plan, asOf today: CalendarDay) {
        let leads = LeadSummary(p, asOf: today)
        if leads.contains(code: lead) { return }
        let nearest = leads.nearest(to: lead).map { TerminalSafe.escape($0) }
        var msg = "actionplan: warning: at --lead: '\(TerminalSafe.escape(lead))' is not a lead of this plan"
        msg += nearest.isEmpty ? " (it has no leads)" : "; nearest codes: " + nearest.joined(separator: ", ")
        printError(msg + " ('actionplan leads \(TerminalSafe.escape(plan))' lists them all)")
    }
}

/// `actionplan overdue`: overdue actions, most overdue first.
struct Overdue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue", abstract: "List overdue actions, most overdue first.")

    @Argument(help: "The plan file (JSON).") var plan: String
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var format: ListFormatOption

    func run() throws {
        try reportingBadInput {
            let today = try asOf.day()
            // A list shows no log text (`loadListing`); of a file the store wrote, only overdue actions are read.
            let p = keptUntilExit(
                try PlanStore.loadListing(plan) { Action.isOverdue(deadline: $0, rating: $1, asOf: today) })
            let rows = ActionListing.overdueRows(in: p, asOf: today)
            printOut(ActionListing.render(rows, format: format.format))
        }
    }
}
