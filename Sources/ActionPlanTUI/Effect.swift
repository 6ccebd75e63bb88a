import ActionPlanCore

/// Something the update function asks the outside world to do; ``PlanSession`` performs it.
///
/// Keeping input/output out of ``Update`` makes every key press a pure function
/// of the state, testable without files or a terminal. The session reports the
/// outcome back as an ``AppEvent``.
public enum Effect: Hashable, Sendable {
    /// Save the plan to its file (refusing if it changed on disk); quit afterwards when `quitAfter`.
    case save(quitAfter: Bool)
    /// Save the plan to another file, which becomes the file being edited.
    case saveAs(path: String, quitAfter: Bool)
    /// Read the file again, replacing the plan in memory.
    case reloadFromDisk
    /// Write the unsaved plan to the recovery file next to the plan.
    case writeRecovery
    /// Delete the recovery file.
    case deleteRecovery
    /// End the program.
    case quit
    /// Save again, merging with the file on disk and settling each clash as chosen.
    case saveWithChoices([MergeConflict.Key: MergeSide], quitAfter: Bool)
    /// Write the committee report (format by extension) to `path`, as of the session's day.
    case export(path: String)
}
