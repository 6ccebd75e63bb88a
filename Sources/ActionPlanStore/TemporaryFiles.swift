#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

import ActionPlanCore

/// Leftover temporary files of saves that were killed: removed when their process is gone.
enum TemporaryFiles {
    /// The path of this process's temporary file number `attempt` for saving `path`: `DIR/.NAME.tmp-HOST-PID-N`.
    static func path(for path: String, attempt: Int) -> String {
        PlanStore.directory(of: path) + "/" + namePrefix(for: path)
            + "\(ProcessProbe.safeHostName)-\(getpid())-\(attempt)"
    }

    /// What the names of temporary files for saving `path` start with: `.NAME.tmp-`.
    private static func namePrefix(for path: String) -> String { "." + PlanStore.fileName(of: path) + ".tmp-" }

    /// Removes `.NAME.tmp-HOST-PID-N` files beside `path` whose process on this host is dead,
    /// and any left by another host more than a day ago.
    static func sweep(beside path: String) {
        let dir = PlanStore.directory(of: path)
        let prefix = namePrefix(for: path)
        for name in PlanStore.names(in: dir) where name.hasPrefix(prefix) {
            let parts = name.dropFirst(prefix.count).split(separator: "-")
            guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]) else { continue }
            let host = parts.dropLast(2).joined(separator: "-")
            let full = dir + "/" + name
            if host == ProcessProbe.safeHostName {
                if !ProcessProbe.isAlive(pid, startedAt: nil) { unlink(full) }
            } else if let id = FileIdentity.of(full), LockClock.wall() - Double(id.modified) > 86_400 {
                unlink(full)
            }
        }
    }
}
