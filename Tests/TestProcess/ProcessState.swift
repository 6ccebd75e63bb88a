import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether a process that is not the test's own child (one a tmux pane started) is still running.
///
/// A process that ended but whose parent has not reaped it yet is a zombie: it still answers
/// `kill(pid, 0)`, but it runs no code and holds no terminal, so it counts as ended. That matters
/// in containers whose PID 1 does not reap orphans, where such zombies stay for ever.
public enum ProcessState {
    /// True while `pid` exists and is not a zombie.
    public static func isRunning(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        return state(of: pid).map { $0 != "Z" && $0 != "X" } ?? true
    }

    /// The one-letter state from `/proc/PID/stat` (`R` running, `S` sleeping, `Z` zombie…), or nil
    /// where there is no `/proc` or the process is gone.
    public static func state(of pid: pid_t) -> Character? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // "PID (COMMAND) STATE …": the command may hold spaces and parentheses, so read after the last ")".
        return stat[stat.index(after: close)...].first { $0 != " " }
    }

    /// The CPU time `pid` has used so far, in clock ticks (user + system, from `/proc/PID/stat`), or nil.
    public static func cpuTicks(of pid: pid_t) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // After the command: state is field 3 of the whole line; utime and stime are fields 14 and 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    /// Waits until `pid` has ended (see ``isRunning(_:)``); returns false if it still runs after `timeout` seconds.
    @discardableResult
    public static func waitUntilGone(_ pid: pid_t, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while isRunning(pid) {
            if Date() >= deadline { return false }
            usleep(20_000)
        }
        return true
    }
}
