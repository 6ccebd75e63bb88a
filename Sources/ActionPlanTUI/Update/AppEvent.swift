import ActionPlanCore
import ActionPlanStore

/// An input to ``Update/update(_:_:)``: a key, a command, or the outcome of an ``Effect``.
///
/// Results of input/output come back as events so the state only ever changes
/// inside the pure update function.
public enum AppEvent: Hashable, Sendable {
    /// A key press (or mouse event) from the terminal.
    case key(KeyEvent)
    /// A key press read on the real day `today` (the session reads the clock with each key, so an edit is dated
    /// with the day it was made, whatever `--as-of` says).
    case keyOn(KeyEvent, today: CalendarDay)
    /// A command, as if its key was pressed in the current context.
    case command(Command)
    /// Saved to `path` (now the file being edited), which holds `plan` (bytes with `fingerprint`); `merged`
    /// when changes others saved meanwhile came in; `warnings` say what the save could not do (a backup).
    case saved(path: String, plan: Plan, fingerprint: UInt64, merged: Bool, warnings: [String] = [], quitAfter: Bool)
    /// Saving failed; the message says why.
    case saveFailed(String)
    /// The file changed on disk since it was read and the changes clash with the user's
    /// (`conflicts` describes each field: yours vs theirs), so the save was refused.
    case fileChangedOnDisk(quitAfter: Bool, conflicts: [MergeConflict] = [])
    /// "Save elsewhere" found a file at `path`: ask before replacing it.
    case saveAsExists(path: String, quitAfter: Bool)
    /// The file was read again: it holds `plan` (bytes with `fingerprint`).
    case reloaded(Plan, fingerprint: UInt64)
    /// Reading the file again failed.
    case reloadFailed(String)
    /// The recovered edits were merged into the plan as the file holds it (`base`, bytes with `fingerprint`),
    /// giving `plan`.
    case recoveryRestored(plan: Plan, base: Plan, fingerprint: UInt64)
    /// The recovered edits clash with changes saved since the interrupted session read the plan.
    case recoveryClashes([MergeConflict])
    /// The editor started by E saved `text` for action `id`.
    case editedInEditor(id: String, text: String)
    /// The program is being interrupted (SIGINT, SIGTERM, SIGHUP): keep unsaved work.
    case interrupted
    /// Something the session did that the user should hear about (e.g. a recovery file was deleted).
    case notice(String, isError: Bool)
}
