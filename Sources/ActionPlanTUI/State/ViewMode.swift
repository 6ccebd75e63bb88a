import ActionPlanCore

/// Which actions are listed: all of them, the overdue ones, those due soon, or a filter the user typed.
///
/// Every view is an ``ActionFilter`` underneath, so "overdue" and "due within
/// 30 days" mean exactly what they mean in `actionplan list` and the reports.
public enum ViewMode: Hashable, Sendable {
    /// Every action.
    case all
    /// Only overdue actions.
    case overdue
    /// Only actions not Blue due within `days` days.
    case dueSoon(days: Int)
    /// The actions the user leads: `lead` is the user's code (`--user`, `$ACTIONPLAN_USER`).
    case mine(lead: String)
    /// A filter typed after `f`, with the text it was parsed from.
    case filtered(ActionFilter, text: String)

    /// The filter behind the view.
    public var filter: ActionFilter {
        switch self {
        case .all: return ActionFilter()
        case .overdue: return ActionFilter(overdueOnly: true)
        case .dueSoon(let days): return ActionFilter(dueWithin: days)
        case .mine(let lead): return ActionFilter(lead: lead)
        case .filtered(let f, _): return f
        }
    }

    /// A short label for the status line.
    public var label: String {
        switch self {
        case .all: return "all"
        case .overdue: return "overdue"
        case .dueSoon(let days): return "due in \(days)d"
        case .mine(let lead): return "mine (" + TerminalSafe.escape(lead) + ")"
        case .filtered(_, let text): return "filter: " + TerminalSafe.escape(text)
        }
    }
}
