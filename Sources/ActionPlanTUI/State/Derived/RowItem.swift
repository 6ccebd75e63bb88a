import ActionPlanCore

/// What one row of the plan pane shows: a theme heading, a group heading or an action.
///
/// Rows are positions in the current plan value; they are rebuilt whenever the
/// plan, the folds, the view or the sort change (see ``VisibleRows``).
public enum RowItem: Hashable, Sendable {
    /// A theme, by index into `Plan.themes`.
    case theme(Int)
    /// A titled group, by theme and group index.
    case group(theme: Int, group: Int)
    /// An action, by path.
    case action(ActionPath)

    /// The theme index the row belongs to.
    public var themeIndex: Int {
        switch self {
        case .theme(let t): return t
        case .group(let t, _): return t
        case .action(let p): return p.theme
        }
    }
}

/// A group's position: its theme index and its index in that theme.
public struct GroupKey: Hashable, Sendable {
    /// Index into `Plan.themes`.
    public var theme: Int
    /// Index into `Theme.groups`.
    public var group: Int

    /// A key.
    public init(theme: Int, group: Int) {
        self.theme = theme
        self.group = group
    }
}
