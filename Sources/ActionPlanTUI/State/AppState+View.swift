extension AppState {
    /// The view: which actions the plan pane lists and in what order, what is folded, which row is
    /// selected, the search and which pane has the focus.
    ///
    /// Changing the listed actions, the order or the folds calls for
    /// ``AppState/rebuild(anchor:)``, which brings the rows (``Derived``) after them.
    public struct View {
        /// Which actions are listed.
        public internal(set) var mode: ViewMode = .all
        /// How they are ordered.
        public internal(set) var sort: SortOrder = .plan
        /// Folded themes, by index.
        public internal(set) var foldedThemes: Set<Int> = [] {
            didSet { foldVersion &+= 1 }
        }
        /// Folded titled groups.
        public internal(set) var foldedGroups: Set<GroupKey> = [] {
            didSet { foldVersion &+= 1 }
        }
        /// Counts changes of the folds (even to the same value), so the rows know when to be rebuilt.
        private(set) var foldVersion = 0
        /// The selected row of the visible rows.
        public internal(set) var selectedRow = 0
        /// The IDs of the marked actions (Space or m), rated together by r.
        public internal(set) var marked: Set<String> = []
        /// Whether the list has the whole screen (z), the detail pane hidden.
        public internal(set) var zoomed = false
        /// Which pane has the focus.
        public internal(set) var focus: Pane = .plan
        /// The active search, if any.
        public internal(set) var search: TextSearch?
        /// Searches made, oldest first (Up in the search prompt brings them back).
        public internal(set) var searchHistory: [String] = []
        /// Filters applied, oldest first (Up in the filter prompt brings them back).
        public internal(set) var filterHistory: [String] = []
    }
}
