import ActionPlanCore

/// Marking actions (Space or m) and rating them together with one note: each marked action gets its own
/// history entry, and the whole is one undo step.
extension Update {
    /// Space or m: marks or unmarks the selected action; on a heading, Space folds it as Enter does.
    static func toggleMark(_ s: inout AppState) {
        guard let a = s.selectedAction else { return toggleFold(&s) }
        if s.view.marked.remove(a.id) == nil { s.view.marked.insert(a.id) }
        let n = s.view.marked.count
        s.message = StatusMessage(
            n == 0 ? "No action marked" : "\(n) marked: r rates them together, Esc in the picker keeps them marked")
        move(by: 1, &s)
    }

    /// r with marked actions: the rating picker for all of them (in plan order; IDs no longer in the plan
    /// are dropped).
    static func startMarkedRating(_ s: inout AppState) {
        let ids = s.plan.allActions.map(\.id).filter { s.view.marked.contains($0) }
        s.view.marked = Set(ids)
        guard !ids.isEmpty else { return startEdit(.rate, &s) }
        s.mode = .markedRatingPicker(ids: ids)
    }

    /// The note for rating every action of `ids` `rating`: required; each action is rated by the core's
    /// `Plan.rate` (its own history entry, dated today), all in one undo step, then the marks are cleared.
    static func submitRateMarked(
        _ text: String, ids: [String], rating: Rating, status: String, _ prompt: Prompt, _ s: inout AppState
    ) {
        guard !text.isEmpty else { return refuse(prompt, "A note is required: say why the ratings change", &s) }
        let (user, today) = (s.user, s.today)
        let label = "rate \(ids.count) marked \(status.isEmpty ? rating.name : status)"
        let done = applyEdit(label, prompt, &s) {
            for id in ids { try $0.rate(id: id, to: rating, note: text, by: user, on: today, status: status) }
            return (.unknown, nil)
        }
        if done { s.view.marked = [] }
    }
}
