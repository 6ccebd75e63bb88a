import ActionPlanCore

/// One entry of the undo or redo stack: a whole plan value, its generation number and what the edit was.
///
/// `Plan` is a value type sharing storage with its neighbours, so keeping every
/// previous plan is cheap and undo is simply putting an old value back.
public struct PlanVersion: Hashable, Sendable {
    /// The plan before (undo stack) or after (redo stack) the edit.
    public var plan: Plan
    /// Identifies this plan content, to tell whether it is the saved one.
    public var generation: Int
    /// What the edit did, e.g. `rate 1a(iii) Amber`.
    public var label: String
    /// How the older plan of the edit differs from the newer one.
    public var change: PlanChange
}
