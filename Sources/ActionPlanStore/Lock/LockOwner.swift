import ActionPlanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Who holds a plan's lock: host, process (with its start time) and when it took the lock.
///
/// Written into the exclusively created lock file so that anyone who finds the
/// lock taken can tell a live holder from a dead one: on the same host a
/// process that no longer exists (or whose ID now belongs to a younger
/// process) is dead; on another host only the age can tell.
struct LockOwner: Equatable {
    /// The host name.
    var host: String
    /// The process ID.
    var pid: Int32
    /// The process's start time in clock ticks since boot (Linux), to tell a reused process ID.
    var start: UInt64?
    /// Seconds since 1970 (the holder's clock) when the lock was taken.
    var time: Double

    /// This process, now.
    static func current() -> LockOwner {
        LockOwner(
            host: ProcessProbe.hostName, pid: getpid(), start: ProcessProbe.startTime(of: getpid()),
            time: LockClock.wall())
    }

    /// The lock file's contents.
    var text: String {
        "actionplan lock\nhost \(host)\npid \(pid)\nstart \(start.map(String.init) ?? "-")\ntime \(time)\n"
    }

    /// Parses a lock file's contents; nil when it is empty or not one of ours.
    init?(text: String) {
        var host: String?
        var pid: Int32?
        var start: UInt64?
        var time: Double?
        let lines = text.split(separator: "\n")
        guard lines.first == "actionplan lock" else { return nil }
        for line in lines.dropFirst() {
            guard let space = line.firstIndex(of: " ") else { continue }
            let value = String(line[line.index(after: space)...])
            switch line[..<space] {
            case "host": host = value
            case "pid": pid = Int32(value)
            case "start": start = UInt64(value)
            case "time": time = Double(value)
            default: break
            }
        }
        guard let host, let pid, let time else { return nil }
        self.init(host: host, pid: pid, start: start, time: time)
    }

    /// An owner.
    init(host: String, pid: Int32, start: UInt64?, time: Double) {
        self.host = host
        self.pid = pid
        self.start = start
        self.time = time
    }

    /// Whether this holder is certainly gone: on this host, its process no longer runs.
    var isDeadOnThisHost: Bool {
        guard host == ProcessProbe.hostName else { return false }
        return !ProcessProbe.isAlive(pid, startedAt: start)
    }
}
