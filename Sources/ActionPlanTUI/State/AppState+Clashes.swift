import ActionPlanCore
import ActionPlanStore

extension AppState {
    /// What others' work (or an interrupted session's) asks the user to decide: the fields that clash, the
    /// choices made so far, and a recovery file waiting for an answer.
    public struct Clashes {
        /// Fields where the user's edits clash with what someone else saved (from the last refused save, or
        /// from a recovery file being restored).
        public internal(set) var conflicts: [MergeConflict] = []
        /// The user's choice for each clash so far.
        public internal(set) var choices: [MergeConflict.Key: MergeSide] = [:]
        /// A recovery file of an interrupted session, waiting for the user's answer.
        public internal(set) var pendingRecovery: RecoveryFiles.Recovered?

        /// Starts choosing afresh among `conflicts`.
        mutating func start(_ conflicts: [MergeConflict]) {
            self.conflicts = conflicts
            choices = [:]
        }
    }
}
