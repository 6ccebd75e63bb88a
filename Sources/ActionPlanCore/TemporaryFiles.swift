#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Leftover temporary files of saves that were killed: removed when their process is gone.
enum TemporaryFiles {
    /// Removes `.NAME.tmp-HOST-PID-N` files beside `path` whose process on this host is dead,
    /// and any left by another host more than a day ago.
    static func sweep(beside path: String) {
        let dir = PlanStore.directory(of: path)
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let prefix = "." + base + ".tmp-"
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
