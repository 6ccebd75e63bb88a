import ActionPlanCore
import ActionPlanStore

/// Everything the terminal UI knows: the plan, its undo history, the view, the selection and any open prompt.
///
/// A value: ``Update/update(_:_:)`` takes a state and an event and returns the
/// next state plus the ``Effect``s to perform, so the whole UI can be tested by
/// feeding keys. Derived data (the visible rows, the plan's counts) is kept in
/// the state and rebuilt only when the plan, folds, view or sort change.
public struct AppState {
    // MARK: The document

    /// The plan, its base and this user's own edits (see ``Document``: undo only ever takes back this
    /// user's edits).
    public internal(set) var document: Document
    /// The plan as edited (unsaved edits included).
    public var plan: Plan { document.plan }
    /// The plan file's path as given on the command line (changes after "save elsewhere").
    public internal(set) var filePath: String
    /// The day the UI works as of: overdue is counted from it and edits are dated with it.
    public let asOf: CalendarDay
    /// Who edits, recorded in rating changes, revisions and notes.
    public let user: String
    /// This user's own edits, oldest first.
    public var undoStack: [Document.Edit] { document.undoStack }
    /// Edits undone, most recently undone last; cleared by a new edit.
    public var redoStack: [Document.Edit] { document.redoStack }
    /// A recovery file of an interrupted session, waiting for the user's answer.
    public internal(set) var pendingRecovery: RecoveryFiles.Recovered?
    /// Fields where the user's edits clash with what someone else saved (from the last refused save).
    public internal(set) var clashes: [MergeConflict] = []
    /// The user's choice for each clash so far.
    public internal(set) var clashChoices: [MergeConflict.Key: MergeSide] = [:]

    // MARK: The view

    /// Which actions are listed.
    public internal(set) var view: ViewMode = .all
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
    /// The selected row of ``visible``.
    public internal(set) var selectedRow = 0
    /// Which pane has the focus.
    public internal(set) var focus: Pane = .plan
    /// The active search, if any.
    public internal(set) var search: TextSearch?
    /// Indexes into `visible.actions` of the actions matching ``search``, ascending; nil when the rows changed
    /// since, until they are needed again (n, N).
    public internal(set) var matches: [Int]? = []
    /// What the UI is doing (browsing or a modal step).
    public internal(set) var mode: Mode = .browse
    /// The message for the bottom line, until the next key.
    public internal(set) var message: StatusMessage?
    /// Whether mouse events are acted on.
    public var mouseEnabled = false
    /// Where the last frame put things (written back by the session after each frame).
    public internal(set) var layout = ScreenLayout()

    // MARK: Derived, cached

    /// Flat per-action data of the plan, kept in step with every edit.
    public internal(set) var index = PlanIndex()
    /// The plan's text packed for fast search: nil until the first search builds it, then kept in step with
    /// every edit (so opening a plan and editing it without searching never pays for it).
    public internal(set) var corpus: SearchCorpus?
    /// The plan pane's rows for the current plan, folds, view and sort.
    public internal(set) var visible = VisibleRows()
    /// Counts of the whole plan (not just the view) as of ``asOf``.
    public internal(set) var planCounts = RatingCounts()
    /// The widest action ID in the plan, in columns.
    public var idWidth: Int { index.idWidth }
    var planVersion = 0
    var foldVersion = 0
    private var rowsKey: RowsKey?

    private struct RowsKey: Equatable {
        var plan: Int
        var folds: Int
        var view: ViewMode
        var sort: SortOrder
    }

    /// A state browsing `plan` read from `filePath` (bytes with `fingerprint`), as of `asOf`, editing as `user`.
    public init(
        plan: Plan, filePath: String, fingerprint: UInt64? = nil, asOf: CalendarDay, user: String
    ) {
        document = Document(plan: plan, fingerprint: fingerprint)
        self.filePath = filePath
        self.asOf = asOf
        self.user = user
        index = PlanIndex(plan)
        rebuild(anchor: nil)
    }

    /// Whether there are edits not saved to the file.
    public var isModified: Bool { document.isModified }

    /// The selected row, if there are rows.
    public var selectedItem: RowItem? {
        visible.rows.indices.contains(selectedRow) ? visible.rows[selectedRow].item : nil
    }

    /// The path of the selected action, or nil when a heading (or nothing) is selected.
    public var selectedActionPath: ActionPath? {
        if case .action(let p)? = selectedItem { return p }
        return nil
    }

    /// The selected action, or nil.
    public var selectedAction: Action? { selectedActionPath.map { plan[$0] } }

    /// Copies the scroll positions and pane rectangles the last frame used.
    public mutating func remember(_ layout: ScreenLayout) {
        self.layout = layout
    }

    // MARK: Keeping derived data current

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
        let key = RowsKey(plan: planVersion, folds: foldVersion, view: view, sort: sort)
        guard key != rowsKey else { return }
        if rowsKey?.plan != planVersion {
            var counts = RatingCounts()
            let today = asOf.ordinal
            for i in 0..<index.count { index.add(i, to: &counts, today: today) }
            planCounts = counts
        }
        // Only the rows depend on the folds: when just they changed, keep the view's filtered, counted, sorted actions.
        let viewActions: VisibleRows.ViewActions
        if let old = rowsKey, old.plan == key.plan, old.view == key.view, old.sort == key.sort {
            viewActions = visible.viewActions
        } else {
            viewActions = VisibleRows.ViewActions(index: index, view: view, sort: sort, asOf: asOf)
        }
        rowsKey = key
        visible = VisibleRows(viewActions, index: index, foldedThemes: foldedThemes, foldedGroups: foldedGroups)
        if case .action(let id, let hint)? = anchor {
            if let p = path(of: id, hint: hint) {
                // Its row; when folded away or filtered out, the nearest visible heading above it.
                selectedRow =
                    visible.row(of: p) ?? visible.row(of: .group(theme: p.theme, group: p.group))
                    ?? visible.row(of: .theme(p.theme)) ?? selectedRow
            }
        } else if let anchor, let row = row(of: anchor) {
            selectedRow = row
        }
        selectedRow = max(0, min(selectedRow, visible.rows.count - 1))
        matches = search == nil ? [] : nil
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
        switch anchor {
        case .theme(let t): return visible.row(of: .theme(t))
        case .group(let k): return visible.row(of: .group(theme: k.theme, group: k.group))
        case .action(let id, let hint): return path(of: id, hint: hint).flatMap { visible.row(of: $0) }
        }
    }

    /// Recomputes ``matches`` for the current search over the view's actions, and returns them.
    @discardableResult
    mutating func refreshMatches() -> [Int] {
        guard let search, !search.isEmpty else {
            matches = []
            return []
        }
        let corpus = self.corpus ?? SearchCorpus(plan)
        self.corpus = corpus
        let mask = search.matchMask(plan, corpus: corpus, count: index.count)
        var out: [Int] = []
        for (i, p) in visible.actions.enumerated() where mask[index.index(of: p)] { out.append(i) }
        matches = out
        return out
    }

    // MARK: Edits and history

    /// Records this user's edit that made `newPlan`, and selects `select` (or keeps the selection).
    ///
    /// `change` says how the new plan differs, so the index is updated rather than rebuilt.
    mutating func commit(_ newPlan: Plan, label: String, change: PlanChange, select: Anchor? = nil) {
        let keep = select ?? anchor
        document.edit(newPlan, label: label, change: change)
        planChanged(change)
        rebuild(anchor: keep)
    }

    /// Records that the file now holds `filePlan` with `fingerprint` (after a save), keeping the selection.
    mutating func saved(_ filePlan: Plan, fingerprint: UInt64?) {
        let keep = anchor
        let same = filePlan == plan
        document.saved(filePlan, fingerprint: fingerprint)
        if !same {
            planChanged(.unknown)
            rebuild(anchor: keep)
        }
    }

    /// Replaces the plan and its base (a reload, a restored recovery file) as one undoable step.
    mutating func replaceDocument(plan newPlan: Plan, base: Plan, fingerprint: UInt64?, saved: Bool, label: String) {
        let keep = anchor
        document.replace(plan: newPlan, base: base, fingerprint: fingerprint, saved: saved, label: label)
        planChanged(.unknown)
        rebuild(anchor: keep)
    }

    /// Brings the index and (if built) the search corpus to the plan, which differs from the last one as
    /// `change` says.
    private mutating func planChanged(_ change: PlanChange) {
        planVersion &+= 1
        let plan = document.plan
        index.apply(change, newPlan: plan)
        corpus?.apply(change, newPlan: plan)
    }

    /// Takes back this user's last edit (see ``Document/undo()``).
    mutating func undo() -> Document.Outcome {
        step { $0.undo() }
    }

    /// Applies again the edit last undone.
    mutating func redo() -> Document.Outcome {
        step { $0.redo() }
    }

    /// Runs an undo or redo on the document and brings derived data and the selection after it.
    private mutating func step(_ body: (inout Document) -> Document.Outcome) -> Document.Outcome {
        let keep = anchor
        let outcome = body(&document)
        if case .done(_, let change) = outcome {
            planChanged(change)
            rebuild(anchor: keep)
        }
        return outcome
    }
}
