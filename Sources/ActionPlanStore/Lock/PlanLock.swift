import ActionPlanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on a plan file, held only for the few milliseconds of read–merge–write.
///
/// Two locks are taken, in this order, because each fails somewhere
/// (docs/concurrency.md says what is guaranteed where):
///
/// 1. `flock` on `.NAME.lock` beside the plan. The kernel releases it when its
///    holder dies, so a crashed process never blocks anyone, and a holder that
///    still has it is alive: it is **never** taken from it, however long it
///    takes (a holder frozen by Ctrl-Z or a stalled disk makes waiters time out
///    with a message naming it, rather than have its late write overwrite a
///    newer save). The file is removed on release; a waiter that locked a
///    removed file notices (its inode is no longer the path's) and tries again.
/// 2. `.NAME.lock.owner`, created with `O_CREAT|O_EXCL` and naming host,
///    process (with its start time) and time. Network shares often ignore
///    `flock` or keep it to one client; exclusive creation works there. A lock
///    file is stale, and is taken over, when its process is dead on this host,
///    when it comes from another host and is older than ``staleAfter`` seconds
///    (the only sign there is), or when it stayed empty for two seconds (its
///    creator died before writing it). A live process on this host is never
///    stale. Taking over renames the stale file aside and checks it really was
///    the stale one.
///
/// Both files get the plan's group and a mode that lets everyone who may write
/// the plan use them, whatever the saver's umask. Every wait sleeps (a few
/// milliseconds, growing, with jitter) and ends at the timeout with a message
/// naming the file and the reason.
public final class PlanLock {
    /// The plan file the lock protects (symbolic links followed).
    public let planPath: String
    /// The `flock` file: `.NAME.lock` beside the plan.
    public let lockPath: String
    /// The exclusively created owner file: `.NAME.lock.owner` beside the plan.
    public let ownerPath: String
    /// Whether `flock` worked on this file system (else only the owner file protects).
    public private(set) var usesFlock = true
    /// The plan as the user named it, for messages.
    let shown: String
    /// The plan's attributes, given to the lock files (nil for a plan not yet created).
    let attributes: FileAttributes?
    private var fd: Int32 = -1
    private var lockedInode: (dev: UInt64, ino: UInt64)?
    private let ownerText: [UInt8]
    private var released = false

    /// The lock file names for `plan`.
    public static func paths(for plan: String) -> (lock: String, owner: String) {
        let lock = PlanStore.sidePath(of: plan, "lock")
        return (lock, lock + ".owner")
    }

    /// Takes the lock on `plan` (following a symbolic link to the file it names), waiting up to `timeout`
    /// seconds; a lock file from another host older than `staleAfter` seconds is taken over.
    public static func acquire(for plan: String, timeout: Double = 60, staleAfter: Double = 30) throws -> PlanLock {
        try acquire(for: SaveTarget.resolve(plan), timeout: timeout, staleAfter: staleAfter)
    }

    /// Takes the lock on `plan`, waiting and judging staleness as `options` say (`lockTimeout`, `staleLockAge`).
    public static func acquire(for plan: String, options: PlanStore.SaveOptions) throws -> PlanLock {
        try acquire(for: plan, timeout: options.lockTimeout, staleAfter: options.staleLockAge)
    }

    /// Takes the lock on the resolved `target`.
    static func acquire(for target: SaveTarget, options: PlanStore.SaveOptions) throws -> PlanLock {
        try acquire(for: target, timeout: options.lockTimeout, staleAfter: options.staleLockAge)
    }

    private static func acquire(for target: SaveTarget, timeout: Double, staleAfter: Double) throws -> PlanLock {
        let lock = PlanLock(target: target)
        try lock.take(timeout: timeout, staleAfter: staleAfter)
        return lock
    }

    private init(target: SaveTarget) {
        planPath = target.path
        shown = target.shown
        (lockPath, ownerPath) = PlanLock.paths(for: target.path)
        attributes = target.status().map(FileAttributes.init)
        ownerText = Array(LockOwner.current().text.utf8)
    }

    deinit { release() }

    /// Whether this process still holds the lock: the owner file still names it (another process did not
    /// take it over as stale) and, with `flock`, the lock file is still the one it locked.
    public var isStillHeld: Bool {
        guard !released, SmallFile.contents(of: ownerPath) == ownerText else { return false }
        guard usesFlock, let locked = lockedInode else { return true }
        var st = stat()
        return stat(lockPath, &st) == 0 && UInt64(st.st_dev) == locked.dev && UInt64(st.st_ino) == locked.ino
    }

    /// Releases the lock: removes the owner file (if still ours) and the `flock` file (if still the one
    /// locked). Safe to call twice.
    public func release() {
        if released { return }
        released = true
        if SmallFile.contents(of: ownerPath) == ownerText { unlink(ownerPath) }
        if fd >= 0 {
            var st = stat()
            if usesFlock, let locked = lockedInode, stat(lockPath, &st) == 0, UInt64(st.st_dev) == locked.dev,
                UInt64(st.st_ino) == locked.ino
            {
                unlink(lockPath)
            }
            close(fd)
            fd = -1
        }
    }

    // MARK: - Taking the lock

    private func take(timeout: Double, staleAfter: Double) throws {
        var wait = LockWait(timeout: timeout)
        try takeFlock(&wait, timeout: timeout)
        do {
            try takeOwnerFile(&wait, timeout: timeout, staleAfter: staleAfter)
        } catch {
            release()
            throw error
        }
    }

    private func takeFlock(_ wait: inout LockWait, timeout: Double) throws {
        while true {
            fd = open(lockPath, O_RDONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, attributes?.sideFileMode ?? 0o644)
            if fd < 0 {
                let e = errno
                if e == EACCES, PlanStore.exists(lockPath) {
                    // Someone else's lock file we may not open (left by an older version, or another umask):
                    // it goes when its holder releases it.
                    let why =
                        "cannot open the lock file \(lockPath) (\(PlanStore.errnoText(e)); "
                        + "\(ownerDescription(lockPath))); ask its owner to delete it if no save is running"
                    try wait.pause(orFail: lockError(why))
                    continue
                }
                throw cannotUse(lockPath, e)
            }
            var held = stat()
            if fstat(fd, &held) == 0 { attributes?.applyToSideFile(fd: fd, mode: attributes!.sideFileMode) }
            while flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let e = errno
                if e == EINTR { continue }
                if e != EWOULDBLOCK && e != EAGAIN {
                    // ENOLCK, EOPNOTSUPP, EINVAL…: this file system has no flock; the owner file alone protects.
                    usesFlock = false
                    return
                }
                // Held: by a process that is alive (the kernel drops the lock of a dead one). Never taken from it.
                try wait.pause(orFail: timedOut(timeout, flockHeld: true))
            }
            // The holder before us removes the file on release: make sure we locked the one at the path.
            var now = stat()
            if fstat(fd, &held) == 0, stat(lockPath, &now) == 0, held.st_ino == now.st_ino, held.st_dev == now.st_dev {
                lockedInode = (UInt64(held.st_dev), UInt64(held.st_ino))
                return
            }
            close(fd)
            fd = -1
        }
    }

    private func takeOwnerFile(_ wait: inout LockWait, timeout: Double, staleAfter: Double) throws {
        var watched: (text: [UInt8], since: Double)?
        while true {
            let mode = attributes?.sideFileMode ?? 0o644
            let ofd = open(ownerPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
            if ofd >= 0 {
                defer { close(ofd) }
                attributes?.applyToSideFile(fd: ofd, mode: mode)
                if !PlanStore.writeAll(ofd, ownerText) {
                    let why = PlanStore.errnoText()
                    unlink(ownerPath)
                    throw PlanError(
                        .notSaved,
                        file: shown, message: "cannot save: cannot write \(ownerPath): \(why); the plan is unchanged")
                }
                return
            }
            let e = errno
            if e == EINTR { continue }
            if e != EEXIST { throw cannotUse(ownerPath, e) }
            let existing: [UInt8]
            switch OwnerFileRead(ownerPath) {
            case .gone:
                try wait.pause(orFail: timedOut(timeout, flockHeld: false))
                continue
            case .directory:
                throw lockError(
                    "\(ownerPath) is a directory, where actionplan keeps the name of the lock's holder; remove it")
            case .unreadable(let code):
                try wait.pause(
                    orFail: lockError(
                        "cannot read the lock file \(ownerPath) (\(PlanStore.errnoText(code)); "
                            + "\(ownerDescription(ownerPath))), so cannot tell who holds the lock; ask its owner to "
                            + "delete it if no save is running"))
                continue
            case .text(let bytes):
                existing = bytes
            }
            let now = LockClock.monotonic()
            if watched?.text != existing { watched = (existing, now) }
            let watchedFor = now - (watched?.since ?? now)
            if isStale(existing, watchedFor: watchedFor, staleAfter: staleAfter) {
                if let refusal = takeOver(existing) {
                    try wait.pause(orFail: lockError(refusal))
                }
                continue
            }
            try wait.pause(orFail: timedOut(timeout, flockHeld: false))
        }
    }

    /// Whether an owner file with `text`, unchanged for `watchedFor` seconds, is left by a dead holder.
    private func isStale(_ text: [UInt8], watchedFor: Double, staleAfter: Double) -> Bool {
        guard let owner = LockOwner(text: String(decoding: text, as: UTF8.self)) else {
            return watchedFor >= min(2, staleAfter)  // empty or garbage: its creator died before writing it
        }
        if owner.host == ProcessProbe.hostName { return owner.isDeadOnThisHost }  // alive here: never stale
        // Another host: only age can tell. By the holder's clock, or by how long we have watched it (immune to
        // clock skew between hosts).
        return LockClock.wall() - owner.time >= staleAfter || watchedFor >= staleAfter
    }

    /// Removes a stale owner file, making sure it is the one judged stale (a waiter on another machine may
    /// have replaced it meanwhile); returns why it could not be removed, or nil.
    private func takeOver(_ stale: [UInt8]) -> String? {
        let aside = ownerPath + ".stale-\(ProcessProbe.safeHostName)-\(getpid())"
        if rename(ownerPath, aside) != 0 {
            let e = errno
            if e == ENOENT { return nil }  // released meanwhile
            let holder =
                LockOwner(text: String(decoding: stale, as: UTF8.self)).map {
                    "left by process \($0.pid) on \($0.host), which has ended"
                } ?? "left empty by a save that died"
            return "the lock file \(ownerPath) (\(holder)) cannot be removed: \(PlanStore.errnoText(e)) "
                + "(\(ownerDescription(ownerPath)); in a directory with the sticky bit only the file's owner may "
                + "remove it); ask its owner or an administrator to delete it"
        }
        if SmallFile.contents(of: aside) != stale {
            _ = link(aside, ownerPath)  // a live lock: put it back unless someone already holds a new one
        }
        unlink(aside)
        return nil
    }

    // MARK: - Errors

    /// `owned by alice:leads 0600`, for a file in a message.
    private func ownerDescription(_ path: String) -> String {
        var st = stat()
        guard lstat(path, &st) == 0 else { return "gone now" }
        return "owned by \(FileAttributes(st).description)"
    }

    private func lockError(_ why: String) -> PlanError {
        PlanError(.locked, file: shown, message: "cannot save: \(why); the plan is unchanged")
    }

    private func cannotUse(_ path: String, _ code: Int32) -> PlanError {
        var st = stat()
        if lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            return lockError("\(path) is a directory, where actionplan keeps its lock file; remove it")
        }
        if lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK {
            return lockError("\(path) is a symbolic link, where actionplan keeps its lock file; remove it")
        }
        let dir = PlanStore.directory(of: path)
        return PlanError(
            .notSaved,
            file: shown,
            message: "cannot save: cannot create files in \(dir) (\(PlanStore.errnoText(code))); the plan is unchanged")
    }

    private func timedOut(_ timeout: Double, flockHeld: Bool) -> PlanError {
        var who = "another save"
        var hint = ""
        if let bytes = SmallFile.contents(of: ownerPath),
            let o = LockOwner(text: String(decoding: bytes, as: UTF8.self))
        {
            let age = Int(LockClock.wall() - o.time)
            who = "process \(o.pid) on \(o.host) (for \(age) s)"
            if o.host == ProcessProbe.hostName && !o.isDeadOnThisHost {
                let stopped = ProcessProbe.isStopped(o.pid) ? ", stopped (Ctrl-Z?)" : ""
                hint =
                    ". That process is still running on this machine\(stopped); its save goes on when it resumes. "
                    + "If it is stuck, end it (kill \(o.pid))"
            } else {
                hint = ". If no actionplan is running there, delete \(ownerPath)"
            }
        } else if flockHeld {
            hint = ". A process on this machine holds \(lockPath); it is still running"
        }
        return PlanError(
            .locked,
            file: shown,
            message: "cannot save: the plan is locked by \(who); gave up after \(Int(timeout)) s\(hint)")
    }
}
