import ActionPlanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporary file a save writes before renaming it into place, and the leftovers of saves that were killed.
///
/// Named `DIR/.NAME.tmp-HOST-PID-N` beside the file it will replace, so the rename stays within one file
/// system and a later save can tell whose it is: one whose process on this host is gone is removed (a
/// day later when left by another host).
enum TemporaryFiles {
    /// The path of this process's temporary file number `attempt` for saving `path`: `DIR/.NAME.tmp-HOST-PID-N`.
    static func path(for path: String, attempt: Int) -> String {
        PlanStore.directory(of: path) + "/" + namePrefix(for: path)
            + "\(ProcessProbe.safeHostName)-\(getpid())-\(attempt)"
    }

    /// What the names of temporary files for saving `path` start with: `.NAME.tmp-`.
    private static func namePrefix(for path: String) -> String { "." + PlanStore.fileName(of: path) + ".tmp-" }

    /// Writes `bytes` to a new temporary file beside `path` and returns its path: created private, filled,
    /// given `attributes` (the file it will replace: owner, group, mode) or else `newFileMode`, and, when
    /// `durable`, flushed to disk. On failure nothing is left behind; `shown` names the file in messages.
    static func write(
        _ bytes: [UInt8], beside path: String, shown: String, attributes: FileAttributes?, newFileMode: mode_t,
        durable: Bool
    ) throws -> String {
        try write(
            FileBytes(bytes), beside: path, shown: shown, attributes: attributes, newFileMode: newFileMode,
            durable: durable)
    }

    /// ``write(_:beside:shown:attributes:newFileMode:durable:)`` of bytes in runs.
    static func write(
        _ bytes: FileBytes, beside path: String, shown: String, attributes: FileAttributes?, newFileMode: mode_t,
        durable: Bool
    ) throws -> String {
        try write(beside: path, shown: shown, attributes: attributes, newFileMode: newFileMode, durable: durable) {
            PlanStore.writeAll($0, bytes)
        }
    }

    /// ``write(_:beside:shown:attributes:newFileMode:durable:)`` of the bytes `fill` writes to the descriptor it is
    /// given (false, with `errno` set, when it could not).
    static func write(
        beside path: String, shown: String, attributes: FileAttributes?, newFileMode: mode_t, durable: Bool,
        _ fill: (Int32) -> Bool
    ) throws -> String {
        var tmp = ""
        var fd: Int32 = -1
        for attempt in 0..<100 {
            tmp = self.path(for: path, attempt: attempt)
            fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if fd >= 0 || errno != EEXIST { break }
        }
        if fd < 0 {
            throw PlanError(
                .notSaved,
                file: shown,
                message: "cannot save: cannot create files in \(PlanStore.directory(of: path)) "
                    + "(\(PlanStore.errnoText())); the previous file is unchanged")
        }
        var done = false
        defer {
            if !done {
                if fd >= 0 { close(fd) }
                unlink(tmp)
            }
        }
        func failed() -> PlanError {
            PlanError(
                .notSaved, file: shown, message: "cannot save: \(PlanStore.errnoText()); the previous file is unchanged"
            )
        }
        if !fill(fd) { throw failed() }
        if let attributes {
            try attributes.apply(to: fd, file: shown)
        } else if fchmod(fd, newFileMode) != 0 {
            throw failed()
        }
        if durable && fsync(fd) != 0 { throw failed() }
        let closed = close(fd)
        fd = -1
        if closed != 0 { throw failed() }
        done = true
        return tmp
    }

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
                if pid != getpid() && !ProcessProbe.isAlive(pid, startedAt: nil) { unlink(full) }
            } else if let id = FileIdentity.of(full), LockClock.wall() - Double(id.modified) > 86_400 {
                unlink(full)
            }
        }
    }
}
