/// The order actions are listed in: the plan's own order (a folding tree) or one of three flat sorts.
///
/// `S` cycles through them. Every sort breaks ties by plan order, so a list is
/// always the same for the same plan and day.
public enum SortOrder: String, CaseIterable, Hashable, Sendable {
    /// Themes, groups and actions as the plan lists them, shown as a tree.
    case plan
    /// Earliest deadline first (most overdue first); actions without a deadline last.
    case deadline
    /// Red, Amber, Green, Blue, then unrated.
    case severity
    /// By first lead code, alphabetically (ignoring case); actions without a lead last.
    case lead

    /// The next order in the cycle.
    public var next: SortOrder {
        let all = SortOrder.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// A short label for the status line.
    public var label: String {
        switch self {
        case .plan: return "plan order"
        case .deadline: return "deadline"
        case .severity: return "rating"
        case .lead: return "lead"
        }
    }
}
