import ActionPlanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Facts about processes and this host, for judging locks and leftover temporary files.
enum ProcessProbe {
    /// This machine's host name.
    static let hostName: String = {
        var buf = [UInt8](repeating: 0, count: 256)
        let ok = buf.withUnsafeMutableBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { gethostname($0, p.count - 1) }
        }
        if ok != 0 { return "localhost" }
        return String(decoding: buf.prefix(while: { $0 != 0 }), as: UTF8.self)
    }()

    /// The host name reduced to letters, digits, `.` and `-`, for use in file names.
    static let safeHostName: String = {
        let s = String(
            String.UnicodeScalarView(
                hostName.unicodeScalars.map {
                    ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "-"))
                        ? $0 : "_"
                }))
        return s.isEmpty ? "host" : String(s.prefix(64))
    }()

    /// Whether process `pid` runs (and, when `startedAt` is known, is the same process, not a reused ID).
    static func isAlive(_ pid: Int32, startedAt: UInt64?) -> Bool {
        if pid <= 0 { return false }
        if kill(pid, 0) != 0 && errno != EPERM { return false }
        #if os(Linux)
            guard let stat = procStat(pid) else { return true }
            if stat.state == "Z" || stat.state == "X" { return false }
            if let startedAt, let s = stat.start, s != startedAt { return false }
        #endif
        return true
    }

    /// Whether process `pid` is stopped (by Ctrl-Z or SIGSTOP, or traced); false where it cannot be told.
    static func isStopped(_ pid: Int32) -> Bool {
        #if os(Linux)
            guard let state = procStat(pid)?.state else { return false }
            return state == "T" || state == "t"
        #else
            return false
        #endif
    }

    /// The start time of `pid` in clock ticks since boot (Linux only).
    static func startTime(of pid: Int32) -> UInt64? {
        #if os(Linux)
            return procStat(pid)?.start
        #else
            return nil
        #endif
    }

    /// The state letter and start time from `/proc/PID/stat`.
    private static func procStat(_ pid: Int32) -> (state: Character, start: UInt64?)? {
        guard let bytes = SmallFile.contents(of: "/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        // "pid (comm) S ppid ..." — comm may hold spaces and parentheses, so split after the last ')'.
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard let state = fields.first?.first else { return nil }
        // Field 22 (starttime) is the 20th after the state (field 3).
        let start = fields.count > 19 ? UInt64(fields[19]) : nil
        return (state, start)
    }
}
