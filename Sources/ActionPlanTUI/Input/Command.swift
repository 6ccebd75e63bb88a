import ActionPlanCore

/// A named thing the user can ask the terminal UI to do, independent of the key that asks for it.
///
/// Keys are bound to commands in one place, ``KeyTable``, so the same table drives
/// dispatch, the `?` help screen and docs/keys.md; ``Update`` only ever sees commands
/// (plus the characters typed into a prompt).
public enum Command: String, CaseIterable, Hashable, Sendable {
    // Moving around the plan (or scrolling the detail pane when it has the focus).
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case toggleFold, foldAll, unfoldAll, switchPane
    case foldOrParent, unfoldOrChild, zoom, redraw
    // Finding actions.
    case search, nextMatch, previousMatch
    case viewOverdue, viewDueSoon, filter, viewAll, cycleSort, viewMine, viewWorkload
    // Changing the plan.
    case rate, edit, addNote, addAction, deleteAction, undo, redo, toggleMark, editInEditor, linkRecommendations
    // The file and the program.
    case save, export, quit, quitNow, back, help
    // The measures of impact (a page of its own, scrolled and closed like the help).
    case showMeasures
    // Inside the rating picker.
    case pickBlue, pickGreen, pickAmber, pickRed
    // Inside the edit-field picker.
    case editText, editLeads, editDeliveryDate, reviseDate
    // Inside the "file changed on disk" choice.
    case reload, saveElsewhere, chooseEach
    // Inside the clash-by-clash choice.
    case keepMine, takeTheirs
    // Inside a yes/no question.
    case yes, no
    // Inside a line editor (prompt).
    case confirm, cancel
    case historyPrevious, historyNext
    case cursorLeft, cursorRight, cursorHome, cursorEnd
    case deleteBackward, deleteForward, deleteToStart, deleteToEnd
    // Help screen.
    case closeHelp

    /// The rating a picker command chooses, or nil for other commands.
    public var pickedRating: Rating? {
        switch self {
        case .pickBlue: return .blue
        case .pickGreen: return .green
        case .pickAmber: return .amber
        case .pickRed: return .red
        default: return nil
        }
    }
}
