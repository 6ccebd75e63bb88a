import ActionPlanCore

/// An input to ``Update/update(_:_:)``: a key, a command, or the outcome of an ``Effect``.
///
/// Results of input/output come back as events so the state only ever changes
/// inside the pure update function.
public enum AppEvent: Hashable, Sendable {
    /// A key press (or mouse event) from the terminal.
    case key(KeyEvent)
    /// A command, as if its key was pressed in the current context.
    case command(Command)
    /// The plan was saved to `path` (the file now being edited).
    case saved(path: String, quitAfter: Bool)
    /// Saving failed; the message says why.
    case saveFailed(String)
    /// The file changed on disk since it was read and the changes clash with the user's
    /// (`conflicts` describes each field: yours vs theirs), so the save was refused.
    case fileChangedOnDisk(quitAfter: Bool, conflicts: [MergeConflict] = [])
    /// Saved to `path` after merging changes others saved meanwhile; `plan` is what the file now holds.
    case savedMerged(plan: Plan, path: String, quitAfter: Bool)
    /// The file was read again.
    case reloaded(Plan)
    /// Reading the file again failed.
    case reloadFailed(String)
    /// The program is being interrupted (SIGINT, SIGTERM, SIGHUP): keep unsaved work.
    case interrupted
    /// Something the session did that the user should hear about (e.g. a recovery file was deleted).
    case notice(String, isError: Bool)
}
