import ActionPlanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The waiting of one lock acquisition: a deadline, and pauses that grow from 1 ms to 50 ms (with jitter,
/// so waiters do not move in step).
///
/// Every path that finds the lock busy goes through ``pause(orFail:)``, so none can spin: each either
/// sleeps or, past the deadline, fails with the reason it was waiting for.
struct LockWait {
    private let deadline: Double
    private var delay = 0.001

    /// A wait of `timeout` seconds from now.
    init(timeout: Double) {
        deadline = LockClock.monotonic() + timeout
    }

    /// Sleeps a little, or throws `error` when the deadline has passed.
    mutating func pause(orFail error: @autoclosure () -> PlanError) throws {
        if LockClock.monotonic() >= deadline { throw error() }
        LockClock.sleep(delay)
        delay = min(delay * 1.5, 0.05)
    }
}

/// What reading a lock's owner file found.
enum OwnerFileRead {
    /// Its contents.
    case text([UInt8])
    /// It was removed meanwhile (released).
    case gone
    /// A directory sits at its path.
    case directory
    /// It cannot be read (the error number).
    case unreadable(Int32)

    /// Reads the owner file at `path`.
    init(_ path: String) {
        if let bytes = SmallFile.contents(of: path) {
            self = .text(bytes)
            return
        }
        let code = errno
        switch code {
        case ENOENT: self = .gone
        case EISDIR: self = .directory
        default: self = .unreadable(code)
        }
    }
}
