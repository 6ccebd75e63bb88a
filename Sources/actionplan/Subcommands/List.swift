import ActionPlanCore
import ActionPlanStore
import ArgumentParser

/// `actionplan list`: actions filtered by theme, lead, rating, overdue or due soon.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List actions, optionally filtered.")

    @Argument(help: "The plan file (JSON).") var plan: String
    @Option(help: "Only this theme number.") var theme: Int?
    @Option(help: "Only actions with this lead code.") var lead: String?
    @Option(help: "Only these ratings, comma-separated: B,G,A,R (or colour names; 'none' for unrated).")
    var rating: String?
    @Flag(help: "Only overdue actions.") var overdue = false
    @Option(name: .customLong("due-within"), help: "Only actions due within this many days.") var dueWithin: Int?
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var format: ListFormatOption

    func run() throws {
        try reportingBadInput {
            let today = try asOf.day()
            // A list shows no log text: the outline is read and checked as fully, and faster.
            let p = try PlanStore.loadOutline(plan).plan
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
            let rows = ActionListing.rows(f.apply(to: p, asOf: today), in: p, asOf: today)
            printOut(ActionListing.render(rows, format: format.format))
        }
    }
}

/// `actionplan overdue`: overdue actions, most overdue first.
struct Overdue: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List overdue actions, most overdue first.")

    @Argument(help: "The plan file (JSON).") var plan: String
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var format: ListFormatOption

    func run() throws {
        try reportingBadInput {
            let today = try asOf.day()
            // A list shows no log text: the outline is read and checked as fully, and faster.
            let p = try PlanStore.loadOutline(plan).plan
            let rows = ActionListing.rows(ActionFilter.overdue(in: p, asOf: today), in: p, asOf: today)
            printOut(ActionListing.render(rows, format: format.format))
        }
    }
}
