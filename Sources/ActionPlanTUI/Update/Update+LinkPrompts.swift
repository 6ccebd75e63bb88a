import ActionPlanCore

/// Linking the selected action to the recommendations it answers (`L`): one prompt holding the whole list,
/// pre-filled with the current links so the user adds or removes IDs; the core checks every ID.
extension Update {
    /// L: opens the prompt with the action's current links, or says the register is empty.
    static func startLinking(_ s: inout AppState) {
        guard let a = requireAction(&s, "link") else { return }
        guard !s.plan.recommendations.isEmpty else {
            s.message = StatusMessage(
                "This plan has no recommendations to link to (import them, or actionplan recommendation add)",
                isError: true)
            return
        }
        let current = s.plan.recommendationIDs(linkedTo: a.id)
        s.mode = .prompt(Prompt(.linkRecommendations(id: a.id), text: current.joined(separator: ", ")))
    }

    /// The whole list of recommendation IDs `id` answers, separated by commas (IDs may hold spaces, e.g.
    /// `LSCB 2`); empty unlinks the action from every recommendation. An unknown ID keeps the prompt open
    /// with the nearest IDs named.
    static func submitLinks(_ text: String, id: String, _ prompt: Prompt, _ s: inout AppState) {
        let ids = text.split(separator: ",").map { Whitespace.collapse(String($0)) }.filter { !$0.isEmpty }
        var unique: [String] = []
        for i in ids where !unique.contains(i) { unique.append(i) }
        guard Set(unique) != Set(s.plan.recommendationIDs(linkedTo: id)) else {
            s.mode = .browse
            s.message = StatusMessage("Links of \(id) unchanged")
            return
        }
        let label =
            unique.isEmpty
            ? "unlink \(id) from every recommendation" : "link \(id) to \(unique.joined(separator: ", "))"
        editAction(label, id: id, prompt, &s) { try $0.setLinks(action: id, to: unique) }
    }
}
