import ActionPlanCore

/// How one plan value differs from the next, so derived data can be updated instead of rebuilt.
///
/// Every edit the UI makes touches one action in place, inserts one or removes
/// one; knowing which keeps a key press cheap on a 100,000-action plan. Undo
/// applies the ``inverse``. `unknown` (a reload, a restored recovery file)
/// rebuilds everything.
public enum PlanChange: Hashable, Sendable {
    /// Only the action at this path changed (same ID, same place).
    case action(ActionPath)
    /// The newer plan has an action inserted at this path.
    case inserted(ActionPath)
    /// The action at this path in the older plan is gone from the newer one.
    case removed(ActionPath)
    /// Anything else.
    case unknown

    /// The change that goes back from the newer plan to the older one.
    public var inverse: PlanChange {
        switch self {
        case .action(let p): return .action(p)
        case .inserted(let p): return .removed(p)
        case .removed(let p): return .inserted(p)
        case .unknown: return .unknown
        }
    }
}
