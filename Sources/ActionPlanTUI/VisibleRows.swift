import ActionPlanCore

/// The flattened list of rows the plan pane shows, built once per change of plan, folds, view or sort.
///
/// Rendering and moving only index into these arrays, so a key press costs the
/// same with 100 actions or 100,000: only the rows on screen are drawn.
public struct VisibleRows: Sendable {
    /// One plan-pane row.
    public struct Row: Hashable, Sendable {
        /// What the row shows.
        public var item: RowItem
        /// For an action row, its index in ``VisibleRows/actions``; for a heading, the index of the first
        /// action after it (so "the next match after this row" is well defined).
        public var viewIndex: Int
    }

    /// The rows, top to bottom, after folding.
    public var rows: [Row] = []
    /// Every action of the view in view order, folded or not (search runs over these).
    public var actions: [ActionPath] = []
    /// For each entry of ``actions``, its row index, or -1 when folded away.
    public var rowOfAction: [Int] = []
    /// Counts of the view's actions by theme index.
    public var themeCounts: [Int: RatingCounts] = [:]
    /// Number of the view's actions in each titled group.
    public var groupCounts: [GroupKey: Int] = [:]
    /// Whether rows form a tree (plan order) rather than a flat sorted list.
    public var isTree = true

    /// An empty list.
    public init() {}

    /// Builds the rows of `plan` for `view` and `sort` with the given folds, as of `today`.
    public init(
        plan: Plan, view: ViewMode, sort: SortOrder, foldedThemes: Set<Int>, foldedGroups: Set<GroupKey>,
        asOf today: CalendarDay, memo: DeadlineMemo
    ) {
        let filter = view.filter
        let everything = filter.isEmpty
        // 1. The view's actions in plan order, with per-theme and per-group counts.
        var inView: [ActionPath] = []
        for (ti, t) in plan.themes.enumerated() {
            var counts = RatingCounts()
            for (gi, g) in t.groups.enumerated() {
                var n = 0
                for (ai, a) in g.actions.enumerated()
                where everything || memo.matches(filter, a, themeNumber: t.number, asOf: today) {
                    inView.append(ActionPath(theme: ti, group: gi, action: ai))
                    memo.add(a, to: &counts, asOf: today)
                    n += 1
                }
                if g.title != nil { groupCounts[GroupKey(theme: ti, group: gi)] = n }
            }
            themeCounts[ti] = counts
        }
        isTree = sort == .plan
        if !isTree {
            actions = VisibleRows.sorted(inView, of: plan, by: sort, memo: memo)
            rows = actions.indices.map { Row(item: .action(actions[$0]), viewIndex: $0) }
            rowOfAction = Array(actions.indices)
            return
        }
        // 2. A tree: theme headings, titled group headings, actions; folded parts left out.
        actions = inView
        rowOfAction = Array(repeating: -1, count: inView.count)
        rows.reserveCapacity(inView.count + plan.themes.count * 2)
        var i = 0
        for (ti, t) in plan.themes.enumerated() {
            let themeStart = i
            while i < inView.count, inView[i].theme == ti { i += 1 }
            if !everything && themeStart == i { continue }
            rows.append(Row(item: .theme(ti), viewIndex: themeStart))
            if foldedThemes.contains(ti) { continue }
            var j = themeStart
            for (gi, g) in t.groups.enumerated() {
                let groupStart = j
                while j < i, inView[j].group == gi { j += 1 }
                if g.title != nil {
                    if !everything && groupStart == j { continue }
                    rows.append(Row(item: .group(theme: ti, group: gi), viewIndex: groupStart))
                    if foldedGroups.contains(GroupKey(theme: ti, group: gi)) { continue }
                }
                for k in groupStart..<j {
                    rowOfAction[k] = rows.count
                    rows.append(Row(item: .action(inView[k]), viewIndex: k))
                }
            }
        }
    }

    /// `paths` sorted by `sort`, ties in plan order.
    static func sorted(_ paths: [ActionPath], of plan: Plan, by sort: SortOrder, memo: DeadlineMemo) -> [ActionPath] {
        let order = Array(paths.indices)
        switch sort {
        case .plan:
            return paths
        case .deadline:
            let keys = paths.map { memo.deadline(of: plan[$0]).map(\.ordinal) ?? Int.max }
            return order.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }.map { paths[$0] }
        case .severity:
            let keys = paths.map { p -> Int in plan[p].rating.map { 3 - $0.severity } ?? 4 }
            return order.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }.map { paths[$0] }
        case .lead:
            let keys = paths.map { plan[$0].leads.first?.lowercased() }
            return order.sorted { a, b in
                switch (keys[a], keys[b]) {
                case let (x?, y?): return x != y ? x < y : a < b
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return a < b
                }
            }.map { paths[$0] }
        }
    }

    /// The row index of the action at `path`, or nil when it is not shown.
    public func row(of path: ActionPath) -> Int? {
        if isTree {
            // Actions are in plan order: binary search.
            var lo = 0
            var hi = actions.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if actions[mid] < path { lo = mid + 1 } else { hi = mid }
            }
            guard lo < actions.count, actions[lo] == path, rowOfAction[lo] >= 0 else { return nil }
            return rowOfAction[lo]
        }
        guard let i = actions.firstIndex(of: path) else { return nil }
        return i
    }

    /// The row index of `item`, or nil when it is not shown.
    public func row(of item: RowItem) -> Int? {
        switch item {
        case .action(let p): return row(of: p)
        default: return rows.firstIndex { $0.item == item }
        }
    }
}
