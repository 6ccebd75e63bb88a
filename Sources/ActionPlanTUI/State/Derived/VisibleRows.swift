import ActionPlanCore

/// The flattened list of rows the plan pane shows, built once per change of plan, folds, view or sort.
///
/// Only the rows depend on the folds: the view's actions and counts (a ``ViewActions``)
/// are reused when just the folds change.
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

    /// The view's actions, ordered and counted: everything about the rows that does not depend on folds.
    ///
    /// Filtering, counting and sorting visit every action of the plan, so they are
    /// redone only when the plan, view or sort change; folding and unfolding rebuild
    /// just the rows from this.
    public struct ViewActions: Sendable {
        /// Every action of the view in view order.
        public var actions: [ActionPath] = []
        /// The index's numbers of the view's actions, in plan order (what a new sort orders).
        var inPlanOrder: [Int] = []
        /// Counts of the view's actions by theme index.
        public var themeCounts: [Int: RatingCounts] = [:]
        /// Number of the view's actions in each titled group.
        public var groupCounts: [GroupKey: Int] = [:]
        /// Whether rows form a tree (plan order) rather than a flat sorted list.
        public var isTree = true
        /// Whether the view shows every action (so empty themes and groups keep their headings).
        var isEverything = true

        /// No actions.
        public init() {}

        /// The actions of `view` ordered by `sort`, as of `today`, from the plan's index.
        public init(index: PlanIndex, view: ViewMode, sort: SortOrder, asOf today: CalendarDay) {
            let day = today.ordinal
            let filter = index.prepare(view.filter)
            let everything = view.filter.isEmpty
            isEverything = everything
            // The view's actions in plan order, with per-theme and per-group counts.
            var inView: [Int] = []
            inView.reserveCapacity(everything ? index.count : 64)
            for ti in index.groupStart.indices {
                var counts = RatingCounts()
                for gi in index.groupStart[ti].indices {
                    let range = index.range(theme: ti, group: gi)
                    var n = 0
                    for i in range where everything || index.matches(filter, i, today: day) {
                        inView.append(i)
                        index.add(i, to: &counts, today: day)
                        n += 1
                    }
                    if index.groupTitled[ti][gi] { groupCounts[GroupKey(theme: ti, group: gi)] = n }
                }
                themeCounts[ti] = counts
            }
            inPlanOrder = inView
            isTree = sort == .plan
            actions = Self.paths(inView, sortedBy: sort, everything: everything, index: index)
        }

        /// The same actions and counts in `sort`'s order (`index` must be the one these were made from): a new
        /// sort filters and counts nothing again.
        func sorted(by sort: SortOrder, index: PlanIndex) -> ViewActions {
            var resorted = self
            resorted.isTree = sort == .plan
            resorted.actions = Self.paths(inPlanOrder, sortedBy: sort, everything: isEverything, index: index)
            return resorted
        }

        /// The paths of the index's actions `items` (in plan order) in `sort`'s order; every action of the plan
        /// in plan order is the index's own list of paths (shared, not copied: `a` at 100,000 actions).
        private static func paths(_ items: [Int], sortedBy sort: SortOrder, everything: Bool, index: PlanIndex)
            -> [ActionPath]
        {
            if everything && sort == .plan { return index.paths }
            return index.paths(of: items, sortedBy: sort)
        }
    }

    /// The view's actions and counts the rows are built from.
    public private(set) var viewActions = ViewActions()
    /// The rows, top to bottom, after folding.
    public private(set) var rows = Rows()
    /// A tree's row index of each entry of ``actions``, or -1 when folded away (a flat list stores none: its
    /// row is the action's index).
    private var treeRowOfAction: [Int] = []
    /// Every action of the view in view order, folded or not (search runs over these).
    public var actions: [ActionPath] { viewActions.actions }
    /// Counts of the view's actions by theme index.
    public var themeCounts: [Int: RatingCounts] { viewActions.themeCounts }
    /// Number of the view's actions in each titled group.
    public var groupCounts: [GroupKey: Int] { viewActions.groupCounts }
    /// Whether rows form a tree (plan order) rather than a flat sorted list.
    public var isTree: Bool { viewActions.isTree }

    /// An empty list.
    public init() {}

    /// Builds the rows for `view` and `sort` with the given folds, as of `today`, from the plan's index.
    public init(
        index: PlanIndex, view: ViewMode, sort: SortOrder, foldedThemes: Set<Int>, foldedGroups: Set<GroupKey>,
        asOf today: CalendarDay
    ) {
        self.init(
            ViewActions(index: index, view: view, sort: sort, asOf: today), index: index, foldedThemes: foldedThemes,
            foldedGroups: foldedGroups)
    }

    /// Builds the rows of `viewActions` with the given folds; `index` must be the one `viewActions` was made from.
    public init(_ viewActions: ViewActions, index: PlanIndex, foldedThemes: Set<Int>, foldedGroups: Set<GroupKey>) {
        self.viewActions = viewActions
        let actions = viewActions.actions
        if !viewActions.isTree {
            rows = Rows(.flat(actions))
            return
        }
        // A tree: theme headings, titled group headings, actions; folded parts left out.
        let everything = viewActions.isEverything
        var rows: [Row] = []
        defer { self.rows = Rows(.stored(rows)) }
        var rowOfAction = Array(repeating: -1, count: actions.count)
        defer { treeRowOfAction = rowOfAction }
        rows.reserveCapacity(actions.count + index.themeNumbers.count * 2)
        var i = 0
        for ti in index.groupStart.indices {
            let themeStart = i
            while i < actions.count, actions[i].theme == ti { i += 1 }
            if !everything && themeStart == i { continue }
            rows.append(Row(item: .theme(ti), viewIndex: themeStart))
            if foldedThemes.contains(ti) { continue }
            var j = themeStart
            for gi in index.groupStart[ti].indices {
                let groupStart = j
                while j < i, actions[j].group == gi { j += 1 }
                if index.groupTitled[ti][gi] {
                    if !everything && groupStart == j { continue }
                    rows.append(Row(item: .group(theme: ti, group: gi), viewIndex: groupStart))
                    if foldedGroups.contains(GroupKey(theme: ti, group: gi)) { continue }
                }
                for k in groupStart..<j {
                    rowOfAction[k] = rows.count
                    rows.append(Row(item: .action(actions[k]), viewIndex: k))
                }
            }
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
            guard lo < actions.count, actions[lo] == path, treeRowOfAction[lo] >= 0 else { return nil }
            return treeRowOfAction[lo]
        }
        guard let i = actions.firstIndex(of: path) else { return nil }
        return i
    }

    /// The row of the view's action at `viewIndex` (an index of ``actions``), or nil when it is folded away.
    public func row(ofViewIndex viewIndex: Int) -> Int? {
        guard isTree else { return viewIndex }
        return treeRowOfAction[viewIndex] >= 0 ? treeRowOfAction[viewIndex] : nil
    }

    /// The row index of `item`, or nil when it is not shown.
    public func row(of item: RowItem) -> Int? {
        switch item {
        case .action(let p): return row(of: p)
        default: return rows.firstIndex { $0.item == item }
        }
    }
}

extension VisibleRows {
    /// The rows of the plan pane: stored for a tree; for a flat sorted list, the view's actions themselves (row
    /// `i` is action `i`), so a sort or a view of 100,000 actions builds no rows.
    public struct Rows: RandomAccessCollection, Sendable {
        enum Storage: Sendable {
            case stored([Row])
            case flat([ActionPath])
        }

        let storage: Storage

        init(_ storage: Storage = .stored([])) { self.storage = storage }

        /// The first row's index, 0.
        public var startIndex: Int { 0 }
        /// The number of rows.
        public var endIndex: Int {
            switch storage {
            case .stored(let rows): return rows.count
            case .flat(let actions): return actions.count
            }
        }

        /// The row at `position`.
        public subscript(position: Int) -> Row {
            switch storage {
            case .stored(let rows): return rows[position]
            case .flat(let actions): return Row(item: .action(actions[position]), viewIndex: position)
            }
        }
    }
}
