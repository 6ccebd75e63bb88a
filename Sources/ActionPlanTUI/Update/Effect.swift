import ActionPlanCore
import ActionPlanStore

/// Something the update function asks the outside world to do; ``PlanSession`` performs it.
///
/// Keeping input/output out of ``Update`` makes every key press a pure function
/// of the state, testable without files or a terminal. The session reports the
/// outcome back as an ``AppEvent``.
public enum Effect: Hashable, Sendable {
    /// Save the plan to its file, merging with what others saved meanwhile; quit afterwards when `quitAfter`.
    case save(quitAfter: Bool)
    /// Save again, merging with the file on disk and settling each clash as chosen.
    case saveWithChoices([MergeConflict.Key: MergeSide], quitAfter: Bool)
    /// Save the plan to another file, which becomes the file being edited; an existing file is replaced only
    /// when `overwrite` (the user said yes), never when it is the plan itself.
    case saveAs(path: String, quitAfter: Bool, overwrite: Bool)
    /// Read the file again, replacing the plan in memory.
    case reloadFromDisk
    /// Write the unsaved plan (and its base) to a recovery file next to the plan.
    case writeRecovery
    /// Merge the recovered edits into the plan as the file now holds it, settling clashes as chosen.
    case restoreRecovery(RecoveryFiles.Recovered, choices: [MergeConflict.Key: MergeSide])
    /// Delete the recovery file at this path (and its base).
    case deleteRecovery(path: String)
    /// End the program.
    case quit
    /// Hand the terminal to the user's editor on `text`, the text of action `id`; the result comes back as
    /// ``AppEvent/editedInEditor(id:text:)`` (or a notice when the editor failed).
    case editInEditor(id: String, text: String)
    /// Clear the terminal and draw the whole screen again (Ctrl-L).
    case redraw
    /// Write the committee report (format by extension) to `path`, as of the session's day.
    case export(path: String)
}
