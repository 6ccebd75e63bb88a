import ActionPlanCore
import ActionPlanStore
import ArgumentParser

/// `actionplan rate`: change a rating with a note, optionally revising the date.
struct Rate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate",
        abstract: "Rate an action (B, G, A, R or a colour name) with a required note, and save.",
        discussion: """
            The change is recorded as made today, or on the day --as-of gives: a rating agreed at an earlier \
            meeting can be entered with that meeting's day (the message names the day recorded), but not a day \
            before the action's latest rating change, nor one after today.
            """)

    @Argument(help: "The plan file (JSON).") var plan: String
    @Argument(help: "The action's ID.", completion: .actionIDs) var id: String
    @Argument(help: "The new rating: B, G, A, R, blue, green, amber or red.", completion: .rating)
    var rating: String
    @Option(help: "Why the rating changed (required).") var note: String
    @Option(help: "Who is making the change (default: $ACTIONPLAN_USER, else $USER, else your login name).")
    var by: String?
    @Option(name: .customLong("revised-date"), help: "A revised date of delivery, e.g. 'June 2019' or 30/06/2019.")
    var revisedDate: String?
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        try reportingBadInput {
            let today = try asOf.day()
            let realToday = SystemDay.today()
            if asOf.asOf != nil, today > realToday {
                throw PlanError(
                    .invalidValue, path: "--as-of",
                    message: "\(today) is after today (\(realToday)); a rating change cannot be recorded in the future")
            }
            if let revisedDate, !revisedDate.trimmingCharacters(in: .whitespaces).isEmpty {
                do {
                    try Plan.validateDeliveryDate(revisedDate, field: "revised date")
                } catch var e as PlanError {
                    e.path = "--revised-date"
                    throw e
                }
            }
            let user = currentUser(by)
            // Read, change and write under the plan's lock: leads rating at the same moment never lose a change.
            let (before, level, deadline) = try PlanStore.updateAction(plan, id: id, options: saveOptions()) {
                header, action in
                let before = header.level(of: action)?.letter ?? action.rating.badgeLetter
                let level = try Rate.level(rating, in: header)
                do {
                    try action.rate(
                        to: level.rating, note: note, by: user, on: today, revisedDate: revisedDate,
                        status: header.scale == nil ? "" : level.name)
                } catch var e as PlanError where e.path == "date" && asOf.asOf != nil {
                    e.path = "--as-of"
                    throw e
                }
                return (before, level, action.deadline)
            }
            let r = level
            var msg = "\(TerminalSafe.escape(id)): \(before) → \(r.letter) (\(r.name)) on \(today) by "
            msg += TerminalSafe.escape(user)
            if let deadline, revisedDate != nil { msg += "; deadline now \(deadline)" }
            printOut(msg + "; saved \(TerminalSafe.escape(plan))\n")
        }
    }
}

extension Rate {
    /// The level of `plan`'s scale that `text` names (a letter or a name; for BRAG also `complete`), or an
    /// error listing the plan's levels.
    static func level(_ text: String, in plan: Plan) throws -> RatingScale.Level {
        let scale = plan.ratingScale
        if let l = scale.level(named: text) { return l }
        if plan.scale == nil, let r = Rating(parsing: text), let l = scale.levels.first(where: { $0.rating == r }) {
            return l
        }
        let expected =
            plan.scale == nil
            ? "B, G, A, R, blue, green, amber or red"
            : scale.levels.map { "\($0.letter) (\($0.name))" }.joined(separator: ", ")
        throw PlanError(
            .invalidValue, path: "RATING", message: "\"\(text)\" is not a rating of this plan; expected \(expected)")
    }
}
