import ActionPlanCore

extension AppState {
    /// Data derived from the document and the view, kept so a key press costs the same on 100,000 actions
    /// as on 100: never changed directly, only by ``AppState/rebuild(anchor:)`` and the edits of
    /// AppState+Edits.swift.
    public struct Derived {
        /// Flat per-action data of the plan, kept in step with every edit.
        public internal(set) var index = PlanIndex()
        /// The plan's text packed for fast search: nil until the first search builds it, then kept in step
        /// with every edit (so opening a plan and editing it without searching never pays for it).
        public internal(set) var corpus: SearchCorpus?
        /// The plan pane's rows for the current plan, folds, view and sort.
        public internal(set) var visible = VisibleRows()
        /// Counts of the whole plan (not just the view) as of the state's day.
        public internal(set) var planCounts = RatingCounts()
        /// Indexes into `visible.actions` of the actions matching the view's search, ascending; nil when the
        /// rows changed since, until they are needed again (n, N).
        public internal(set) var matches: [Int]? = []
        /// The actions and counts of the view of every action, for the plan version they were made from:
        /// going back to it (`a`, Esc) sorts them again at most, and counts nothing.
        var everything: (plan: Int, actions: VisibleRows.ViewActions)?
        /// Counts changes of the plan, so the rows know when to be rebuilt.
        var planVersion = 0
        /// What the rows were last built from.
        var rowsKey: RowsKey?

        /// What the rows depend on.
        struct RowsKey: Equatable {
            var plan: Int
            var folds: Int
            var view: ViewMode
            var sort: SortOrder
        }
    }
}
