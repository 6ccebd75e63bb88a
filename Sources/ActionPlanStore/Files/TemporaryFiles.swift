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

    /// ``write(_:beside:shown:attributes:newFileMode:durable:over:_:)`` of bytes in runs.
    static func write(
        _ bytes: FileBytes, beside path: String, shown: String, attributes: FileAttributes?, newFileMode: mode_t,
        durable: Bool, over taken: Taken? = nil
    ) throws -> String {
        try write(
            beside: path, shown: shown, attributes: attributes, newFileMode: newFileMode, durable: durable, over: taken
        ) { PlanStore.writeAll($0, bytes) }
    }

    /// ``write(_:beside:shown:attributes:newFileMode:durable:)`` of the bytes `fill` writes to the descriptor it is
    /// given (false, with `errno` set, when it could not) — into `taken` when given (``take(_:beside:)``), written
    /// over from its start and cut to what was written, else into a new file.
    static func write(
        beside path: String, shown: String, attributes: FileAttributes?, newFileMode: mode_t, durable: Bool,
        over taken: Taken? = nil, _ fill: (Int32) -> Bool
    ) throws -> String {
        var tmp = taken?.path ?? ""
        var fd: Int32 = taken?.fd ?? -1
        for attempt in 0..<100 where taken == nil {
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
        let end = lseek(fd, 0, SEEK_CUR)  // a file taken to be written over may have been longer
        if end < 0 || ftruncate(fd, end) != 0 { throw failed() }
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

    /// A file given a temporary file's name and opened to be written over (``take(_:beside:)``).
    struct Taken {
        /// Its temporary name.
        let path: String
        /// Open for writing, at its start.
        let fd: Int32
    }

    /// `file` — a backup an earlier save pushed out (`PlanBackups.takeDropped(of:)`) — given this process's next
    /// free temporary name beside `path` and opened to be written over, made private first (0600); or nil, with
    /// `file` removed, unless only this save could change it: a regular file this user owns, with no other name
    /// (a hard link to it elsewhere would have its contents changed under it). Writing into a file's pages costs
    /// far less than writing into new ones on a virtual machine (docs/performance.md). Never replaces a file:
    /// the new name is made with `link`, which fails on an existing name.
    static func take(_ file: String, beside path: String) -> Taken? {
        var tmp = ""
        var linked = false
        for attempt in 0..<100 {
            tmp = self.path(for: path, attempt: attempt)
            if link(file, tmp) == 0 {
                linked = true
                break
            }
            if errno != EEXIST { break }
        }
        unlink(file)
        guard linked else { return nil }
        let fd = open(tmp, O_WRONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        var st = stat()
        guard fd >= 0, fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_nlink == 1,
            st.st_uid == geteuid(), fchmod(fd, 0o600) == 0, fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) == 0
        else {
            if fd >= 0 { close(fd) }
            unlink(tmp)
            return nil
        }
        return Taken(path: tmp, fd: fd)
    }

    /// Removes what saves of `plan` that died left behind, before a save under its lock writes its own: their
    /// temporary files beside the plan and beside its incoming backup (a copy being made where links cannot be).
    static func sweepSaves(of plan: String) {
        sweep(beside: plan)
        sweep(beside: PlanBackups.path(for: plan, number: 0))
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
