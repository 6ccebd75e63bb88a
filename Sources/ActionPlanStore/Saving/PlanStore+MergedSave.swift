import ActionPlanCore

extension PlanStore {
    /// The outcome of ``PlanStore/saveMerging(_:base:baseFingerprint:to:choices:options:)``.
    ///
    /// Either the plan was saved — possibly merged with changes others saved
    /// meanwhile, which the editor should now show — or there are conflicts and
    /// nothing was written: the editor shows both values of each, lets the user
    /// choose, and saves again passing the choices.
    public struct MergedSave: Sendable {
        /// When saved: the plan now in the file (yours merged with others' changes): the new base.
        /// When not: the merge so far, with your value in each conflicting field.
        public var plan: Plan
        /// Fields you and someone else changed to different values (ours = yours, theirs = the
        /// file on disk); when not empty, nothing was written.
        public var conflicts: [MergeConflict]
        /// The fingerprint of the file as saved: pass it as `baseFingerprint` next time. Nil when not saved.
        public var fingerprint: UInt64?
        /// Whether the file had changed since `base` was read, so others' changes were merged in.
        public var mergedOthersChanges: Bool

        /// A result.
        public init(plan: Plan, conflicts: [MergeConflict], fingerprint: UInt64?, mergedOthersChanges: Bool) {
            self.plan = plan
            self.conflicts = conflicts
            self.fingerprint = fingerprint
            self.mergedOthersChanges = mergedOthersChanges
        }

        /// Whether the plan was written.
        public var saved: Bool { fingerprint != nil }
    }
}
