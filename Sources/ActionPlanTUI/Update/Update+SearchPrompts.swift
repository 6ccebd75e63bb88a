import ActionPlanCore

/// Enter in the search prompt (`/`) and the filter prompt (`f`).
extension Update {
    /// Searches the view for `text` and goes to the first match; an empty search clears it.
    static func submitSearch(_ text: String, _ s: inout AppState) {
        s.mode = .browse
        guard !text.isEmpty else {
            s.view.search = nil
            s.derived.matches = []
            s.message = StatusMessage("Search cleared")
            return
        }
        s.view.search = TextSearch(text)
        let matches = s.refreshMatches()
        guard let first = matches.first else {
            s.message = StatusMessage("No match for \"\(text)\" in this view", isError: true)
            return
        }
        reveal(viewIndex: first, &s)
        s.message = StatusMessage("Match 1 of \(matches.count) for \"\(text)\" (n next, N previous)")
    }

    /// Shows the actions the filter `text` (``FilterParser``) selects, in the current sort.
    static func submitFilter(_ text: String, _ prompt: Prompt, _ s: inout AppState) {
        let filter: ActionFilter
        do {
            filter = try FilterParser.parse(text)
        } catch {
            return refuse(prompt, describe(error), &s)
        }
        s.mode = .browse
        setView(.filtered(filter, text: text), sort: s.view.sort, &s)
        let n = s.derived.visible.actions.count
        s.message = StatusMessage(n == 0 ? "No actions match \(text) (a shows all)" : "\(n) actions match \(text)")
    }
}
