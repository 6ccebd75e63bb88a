import ActionPlanCore

/// Keeping ``AppState/Derived`` current: the rows are rebuilt when the plan, folds, view or sort change, and
/// the selection is carried across by an ``Anchor``.
extension AppState {
    /// What the selection is, in terms that survive a rebuild (paths shift when actions are deleted).
    enum Anchor: Equatable {
        case theme(Int)
        case group(GroupKey)
        /// An action by ID, with where it was (checked first, to avoid searching the plan).
        case action(String, at: ActionPath?)
    }

    /// The selection as an anchor.
    var anchor: Anchor? {
        switch selectedItem {
        case .theme(let t)?: return .theme(t)
        case .group(let t, let g)?: return .group(GroupKey(theme: t, group: g))
        case .action(let p)?: return .action(plan[p].id, at: p)
        case nil: return nil
        }
    }

    /// Rebuilds the rows if the plan, folds, view or sort changed, then selects `anchor` (or keeps the row index).
    ///
    /// The index must already match the plan (see ``commit(_:label:change:select:)``).
    mutating func rebuild(anchor: Anchor?) {
        let key = Derived.RowsKey(
            plan: derived.planVersion, folds: view.foldVersion, view: view.mode, sort: view.sort)
        guard key != derived.rowsKey else { return }
        let old = derived.rowsKey
        if old?.plan != key.plan {
            var counts = RatingCounts()
            let today = asOf.ordinal
            for i in 0..<derived.index.count { derived.index.add(i, to: &counts, today: today) }
            derived.planCounts = counts
        }
        // Only the rows depend on the folds: when just they changed, keep the view's filtered, counted, sorted
        // actions; when just the sort changed, only sort them again (and the view of every action, when it is
        // shown again on the same plan).
        let viewActions: VisibleRows.ViewActions
        if let old, old.plan == key.plan, old.view == key.view, old.sort == key.sort {
            viewActions = derived.visible.viewActions
        } else if let old, old.plan == key.plan, old.view == key.view {
            viewActions = derived.visible.viewActions.sorted(by: view.sort, index: derived.index)
        } else if view.mode.filter.isEmpty, let kept = derived.everything, kept.plan == key.plan {
            viewActions = kept.actions.sorted(by: view.sort, index: derived.index)
        } else {
            viewActions = VisibleRows.ViewActions(index: derived.index, view: view.mode, sort: view.sort, asOf: asOf)
        }
        if view.mode.filter.isEmpty { derived.everything = (key.plan, viewActions) }
        derived.rowsKey = key
        derived.visible = VisibleRows(
            viewActions, index: derived.index, foldedThemes: view.foldedThemes, foldedGroups: view.foldedGroups)
        select(anchor)
        derived.matches = view.search == nil ? [] : nil
    }

    /// Selects `anchor`'s row (an action folded away or filtered out: the nearest visible heading above it),
    /// or keeps the row index; then keeps the selection within the rows.
    private mutating func select(_ anchor: Anchor?) {
        let visible = derived.visible
        if case .action(let id, let hint)? = anchor {
            if let p = path(of: id, hint: hint) {
                view.selectedRow =
                    visible.row(of: p) ?? visible.row(of: .group(theme: p.theme, group: p.group))
                    ?? visible.row(of: .theme(p.theme)) ?? view.selectedRow
            }
        } else if let anchor, let row = row(of: anchor) {
            view.selectedRow = row
        }
        view.selectedRow = max(0, min(view.selectedRow, visible.rows.count - 1))
    }

    /// Where the action with `id` is: at `hint` when it is still there, else found by searching.
    func path(of id: String, hint: ActionPath?) -> ActionPath? {
        if let p = hint, p.theme < plan.themes.count, p.group < plan.themes[p.theme].groups.count,
            p.action < plan.themes[p.theme].groups[p.group].actions.count, plan[p].id == id
        {
            return p
        }
        return plan.path(of: id)
    }

    /// The row an anchor is on now, if shown.
    func row(of anchor: Anchor) -> Int? {
        let visible = derived.visible
        switch anchor {
        case .theme(let t): return visible.row(of: .theme(t))
        case .group(let k): return visible.row(of: .group(theme: k.theme, group: k.group))
        case .action(let id, let hint): return path(of: id, hint: hint).flatMap { visible.row(of: $0) }
        }
    }

    /// Recomputes the matches of the view's search over the view's actions, and returns them.
    @discardableResult
    mutating func refreshMatches() -> [Int] {
        guard let search = view.search, !search.isEmpty else {
            derived.matches = []
            return []
        }
        let corpus = derived.corpus ?? SearchCorpus(plan)
        derived.corpus = corpus
        let mask = search.matchMask(plan, corpus: corpus, count: derived.index.count)
        var out: [Int] = []
        for (i, p) in derived.visible.actions.enumerated() where mask[derived.index.index(of: p)] { out.append(i) }
        derived.matches = out
        return out
    }

    /// Brings the index and (if built) the search corpus to the plan, which differs from the last one as
    /// `change` says.
    mutating func planChanged(_ change: PlanChange) {
        derived.planVersion &+= 1
        let plan = document.plan
        derived.index.apply(change, newPlan: plan)
        derived.corpus?.apply(change, newPlan: plan)
    }
}
