import ActionPlanCore

/// Rating an action: the required note, then for Amber an optional revised date (`Plan.rate` in the core).
extension Update {
    /// The note for rating `id` `rating` (`status`: the level of the plan's own scale, or empty): required;
    /// Amber asks next for a revised date, other ratings are applied.
    static func submitRateNote(
        _ text: String, id: String, rating: Rating, status: String, _ prompt: Prompt, _ s: inout AppState
    ) {
        guard !text.isEmpty else { return refuse(prompt, "A note is required: say why the rating changes", &s) }
        if rating == .amber {
            s.mode = .prompt(Prompt(.rateRevisedDate(id: id, rating: rating, note: text, status: status)))
            return
        }
        let (user, today) = (s.user, s.today)
        editAction(rateLabel(id, rating, status), id: id, prompt, &s) {
            try $0.rate(id: id, to: rating, note: text, by: user, on: today, status: status)
        }
    }

    /// The optional revised date of an Amber rating (empty: keep the date); then the rating is applied.
    static func submitRateRevisedDate(
        _ text: String, id: String, rating: Rating, note: String, status: String, _ prompt: Prompt,
        _ s: inout AppState
    ) {
        if !text.isEmpty {
            guard checkDate(text, field: "revised date", prompt, &s) else { return }
        }
        let label = rateLabel(id, rating, status) + (text.isEmpty ? "" : ", revised to \(text)")
        let (user, today) = (s.user, s.today)
        editAction(label, id: id, prompt, &s) {
            try $0.rate(
                id: id, to: rating, note: note, by: user, on: today, revisedDate: text.isEmpty ? nil : text,
                status: status)
        }
    }

    /// `rate 1a(i) Amber`, or the plan's own level's name (`rate 1a(i) Yellow`): the undo step's name.
    static func rateLabel(_ id: String, _ rating: Rating, _ status: String) -> String {
        "rate \(id) \(status.isEmpty ? rating.name : status)"
    }
}
