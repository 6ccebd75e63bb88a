import ActionPlanStore
import Foundation

/// The whole plan, read and checked on a thread of its own while the first frame of a large plan is drawn
/// from its listing (``PlanSession/init(path:asOf:user:mouse:saveOptions:clock:listingFirstFrom:)``).
///
/// The thread only reads: it shares nothing with the session but this box, and the session takes the
/// result before it handles any key, so every edit is made on the plan as read in full.
final class PlanReading: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<PlanStore.Loaded, any Error>?

    /// Starts reading the plan at `path` (``PlanStore/loadWithFingerprint(_:)``: every check, as any open).
    init(path: String) {
        let thread = Thread { [self] in
            let read = Result { try PlanStore.loadWithFingerprint(path) }
            condition.lock()
            result = read
            condition.broadcast()
            condition.unlock()
        }
        // The reader recurses once per level of a hostile file's nesting, as on the main thread's stack.
        thread.stackSize = 16 << 20
        thread.name = "actionplan: reading the plan"
        thread.start()
    }

    /// The result once the reading ended, or nil while it goes on.
    var finished: Result<PlanStore.Loaded, any Error>? {
        condition.lock()
        defer { condition.unlock() }
        return result
    }

    /// Waits for the reading to end and returns its result.
    func wait() -> Result<PlanStore.Loaded, any Error> {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }
}
