import ActionPlanCore
import ActionPlanStore

/// Everything the terminal UI knows, in five parts: the document, the clashes waiting for a choice, the view,
/// what the UI is doing, and data derived from the rest.
///
/// A value: ``Update/update(_:_:)`` takes a state and an event and returns the
/// next state plus the ``Effect``s to perform, so the whole UI can be tested by
/// feeding keys. Derived data (``Derived``: the visible rows, the plan's counts)
/// is rebuilt only when the plan, folds, view or sort change
/// (AppState+Rebuild.swift); edits, saves, undo and redo go through
/// AppState+Edits.swift, which keeps it in step.
public struct AppState {
    // MARK: The document: what is edited, as of which day, by whom

    /// The plan, its base and this user's own edits (see ``Document``: undo only ever takes back this
    /// user's edits).
    public internal(set) var document: Document
    /// The plan file's path as given on the command line (changes after "save elsewhere").
    public internal(set) var filePath: String
    /// The day the UI judges the plan as of (`--as-of`): overdue and due soon are counted from it.
    public let asOf: CalendarDay
    /// The real day, as the session's clock last said (with each key): edits are dated with it, never with
    /// ``asOf``. Starts as ``asOf`` until the first key that carries the day.
    public internal(set) var today: CalendarDay
    /// Who edits, recorded in rating changes, revisions and notes.
    public let user: String

    // MARK: Clashes with what others saved, and a recovery file, waiting for the user's choice

    /// The clashes of the last refused save or recovery, the choices made so far, and a pending recovery file.
    public internal(set) var clashes = Clashes()

    // MARK: The view: which actions, in what order, folded how, the selection, the search, the focus

    /// What the plan pane shows and where the user is in it.
    public internal(set) var view = View()

    // MARK: What the UI is doing

    /// Browsing, or one of the modal steps (pickers, questions, prompts).
    public internal(set) var mode: Mode = .browse
    /// The message for the bottom line, until the next key.
    public internal(set) var message: StatusMessage?
    /// Whether mouse events are acted on.
    public var mouseEnabled = false
    /// Where the last frame put things (written back by the session after each frame).
    public internal(set) var layout = ScreenLayout()

    // MARK: Derived from the rest, cached

    /// The plan's index, search corpus, visible rows, counts and search matches.
    public internal(set) var derived = Derived()

    /// A state browsing `plan` read from `filePath` (bytes with `fingerprint`), as of `asOf`, editing as `user`.
    public init(plan: Plan, filePath: String, fingerprint: UInt64? = nil, asOf: CalendarDay, user: String) {
        document = Document(plan: plan, fingerprint: fingerprint)
        self.filePath = filePath
        self.asOf = asOf
        self.today = asOf
        self.user = user
        derived.index = PlanIndex(plan)
        rebuild(anchor: nil)
    }

    // MARK: Reading the document

    /// The plan as edited (unsaved edits included).
    public var plan: Plan { document.plan }
    /// This user's own edits, oldest first.
    public var undoStack: [Document.Edit] { document.undoStack }
    /// Edits undone, most recently undone last; cleared by a new edit.
    public var redoStack: [Document.Edit] { document.redoStack }
    /// Whether there are edits not saved to the file.
    public var isModified: Bool { document.isModified }

    // MARK: The selection

    /// The selected row, if there are rows.
    public var selectedItem: RowItem? {
        let rows = derived.visible.rows
        return rows.indices.contains(view.selectedRow) ? rows[view.selectedRow].item : nil
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
}
