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
        remember(text, in: &s.view.searchHistory)
        let matches = s.refreshMatches()
        guard let first = matches.first else {
            s.message = StatusMessage("No match for \"\(text)\" in this view", isError: true)
            return
        }
        reveal(viewIndex: first, &s)
        s.message = StatusMessage("Match 1 of \(matches.count) for \"\(text)\" (n next, N previous)")
    }

    /// Adds `text` to `history` as its newest entry (once: an earlier equal entry moves up), keeping 50.
    static func remember(_ text: String, in history: inout [String]) {
        guard !text.isEmpty else { return }
        history.removeAll { $0 == text }
        history.append(text)
        if history.count > 50 { history.removeFirst(history.count - 50) }
    }

    /// Up (`back`) or Down in the search or filter prompt: the earlier or later entry of its history; Down
    /// past the newest brings back what was typed before the first Up.
    static func stepHistory(back: Bool, _ prompt: Prompt, _ s: inout AppState) {
        let entries: [String]
        switch prompt.purpose {
        case .search: entries = s.view.searchHistory
        case .filter: entries = s.view.filterHistory
        default: return
        }
        var p = prompt
        let current = p.history?.index ?? entries.count
        let next = back ? current - 1 : current + 1
        guard next >= 0, next <= entries.count, !entries.isEmpty else { return }
        let draft = p.history?.draft ?? p.editor.text
        if next == entries.count {
            p.editor = LineEditor(draft)
            p.history = nil
        } else {
            p.editor = LineEditor(entries[next])
            p.history = (next, draft)
        }
        p.error = nil
        s.mode = .prompt(p)
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
        remember(text, in: &s.view.filterHistory)
        setView(.filtered(filter, text: text), sort: s.view.sort, &s)
        let n = s.derived.visible.actions.count
        s.message = StatusMessage(n == 0 ? "No actions match \(text) (a shows all)" : "\(n) actions match \(text)")
    }
}
