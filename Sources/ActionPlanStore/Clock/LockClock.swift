import ActionPlanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The clocks a lock needs: wall time to write and judge a lock's age, monotonic time to wait.
///
/// The core never reads the clock to judge deadlines ("today" is always a
/// parameter); a lock is different, because its staleness is a matter of
/// seconds of real time.
enum LockClock {
    /// Seconds since 1970.
    static func wall() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Seconds on a clock that never jumps.
    static func monotonic() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Sleeps about `seconds`, with up to 50 % random jitter so waiters do not move in step.
    static func sleep(_ seconds: Double) {
        let jitter = Double.random(in: 0.75...1.25)
        usleep(UInt32(max(0, min(seconds * jitter, 1)) * 1_000_000))
    }
}
