/// The outcome of a three-way merge: the merged plan and the conflicts left for a person to decide.
///
/// Every conflict not settled by a choice is listed, and the plan holds our
/// value in each such field, so nothing is decided silently: a caller that
/// finds conflicts must not save without asking (the CLI exits 3, the terminal
/// UI shows both values and lets the user choose).
public struct MergeResult: Sendable {
    /// The merged plan; each conflicting field holds the chosen side's value, or ours when no choice was given.
    public var plan: Plan
    /// The conflicts no choice settled, in plan order.
    public var conflicts: [MergeConflict]

    /// A result.
    public init(plan: Plan, conflicts: [MergeConflict]) {
        self.plan = plan
        self.conflicts = conflicts
    }

    /// Whether the merge needs no decision.
    public var isClean: Bool { conflicts.isEmpty }
}
