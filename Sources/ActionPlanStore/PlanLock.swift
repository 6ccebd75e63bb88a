#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

import ActionPlanCore

/// An exclusive lock on a plan file, held only for the few milliseconds of read–merge–write.
///
/// Two locks are taken, in this order, because each fails somewhere
/// (docs/concurrency.md says what is guaranteed where):
///
/// 1. `flock` on `.NAME.lock` beside the plan. The kernel releases it when its
///    holder dies, so a crashed process never blocks anyone, and waiters on one
///    machine queue without racing. The file is removed on release; a waiter
///    that locked a removed file notices (its inode is no longer the path's)
///    and tries again.
/// 2. `.NAME.lock.owner`, created with `O_CREAT|O_EXCL` and naming host,
///    process (with its start time) and time. Network shares often ignore
///    `flock` or keep it to one client; exclusive creation works there. A lock
///    file is stale, and is taken over, when its process is dead on this host,
///    when it is older than ``staleAfter`` seconds, or when it stayed empty for
///    two seconds (its creator died before writing it). Taking over renames the
///    stale file aside and checks it really was the stale one.
///
/// Waiting polls every few milliseconds (with jitter) up to a timeout, then
/// fails with a message naming the holder.
public final class PlanLock {
    /// The plan file the lock protects.
    public let planPath: String
    /// The `flock` file: `.NAME.lock` beside the plan.
    public let lockPath: String
    /// The exclusively created owner file: `.NAME.lock.owner` beside the plan.
    public let ownerPath: String
    /// Whether `flock` worked on this file system (else only the owner file protects).
    public private(set) var usesFlock = true
    private var fd: Int32 = -1
    private let ownerText: [UInt8]
    private var released = false

    /// The lock file names for `plan`.
    public static func paths(for plan: String) -> (lock: String, owner: String) {
        let lock = PlanStore.sidePath(of: plan, "lock")
        return (lock, lock + ".owner")
    }

    /// Takes the lock on `plan`, waiting up to `timeout` seconds; a lock file
    /// older than `staleAfter` seconds is taken over.
    public static func acquire(for plan: String, timeout: Double = 60, staleAfter: Double = 30) throws -> PlanLock {
        let lock = PlanLock(plan: plan)
        try lock.take(timeout: timeout, staleAfter: staleAfter)
        return lock
    }

    /// Takes the lock on `plan`, waiting and judging staleness as `options` say
    /// (`lockTimeout`, `staleLockAge`).
    public static func acquire(for plan: String, options: PlanStore.SaveOptions) throws -> PlanLock {
        try acquire(for: plan, timeout: options.lockTimeout, staleAfter: options.staleLockAge)
    }

    private init(plan: String) {
        planPath = plan
        (lockPath, ownerPath) = PlanLock.paths(for: plan)
        ownerText = Array(LockOwner.current().text.utf8)
    }

    deinit { release() }

    /// Whether the owner file still names this lock (false when another process took it over as stale).
    public var isStillHeld: Bool {
        !released && SmallFile.contents(of: ownerPath) == ownerText
    }

    /// Releases the lock: removes the owner file (if still ours) and the `flock` file. Safe to call twice.
    public func release() {
        if released { return }
        released = true
        if SmallFile.contents(of: ownerPath) == ownerText { unlink(ownerPath) }
        if fd >= 0 {
            if usesFlock { unlink(lockPath) }
            close(fd)
            fd = -1
        }
    }

    // MARK: - Taking the lock

    private func take(timeout: Double, staleAfter: Double) throws {
        let deadline = LockClock.monotonic() + timeout
        try takeFlock(deadline: deadline, timeout: timeout, staleAfter: staleAfter)
        do {
            try takeOwnerFile(deadline: deadline, timeout: timeout, staleAfter: staleAfter)
        } catch {
            release()
            throw error
        }
    }

    private func takeFlock(deadline: Double, timeout: Double, staleAfter: Double) throws {
        let started = LockClock.monotonic()
        var delay = 0.001
        while true {
            fd = open(lockPath, O_RDONLY | O_CREAT | O_CLOEXEC, 0o644)
            if fd < 0 { throw cannotCreate(lockPath) }
            while flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let e = errno
                if e == EINTR { continue }
                if e != EWOULDBLOCK && e != EAGAIN {
                    // ENOLCK, EOPNOTSUPP, EINVAL…: this file system has no flock; the owner file alone protects.
                    usesFlock = false
                    return
                }
                let now = LockClock.monotonic()
                if now - started >= staleAfter {
                    // A holder alive but frozen this long: go on to the owner file, which can be taken over;
                    // if the holder wakes, it finds its owner file gone and does not write.
                    close(fd)
                    fd = -1
                    usesFlock = false
                    return
                }
                if now > deadline {
                    close(fd)
                    fd = -1
                    throw timedOut(timeout)
                }
                LockClock.sleep(delay)
                delay = min(delay * 1.5, 0.02)
            }
            // The holder before us removes the file on release: make sure we locked the one at the path.
            var held = stat()
            var now = stat()
            if fstat(fd, &held) == 0, stat(lockPath, &now) == 0, held.st_ino == now.st_ino, held.st_dev == now.st_dev {
                return
            }
            close(fd)
            fd = -1
        }
    }

    private func takeOwnerFile(deadline: Double, timeout: Double, staleAfter: Double) throws {
        var watched: (text: [UInt8], since: Double)?
        var delay = 0.001
        while true {
            let ofd = open(ownerPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if ofd >= 0 {
                defer { close(ofd) }
                if !PlanStore.writeAll(ofd, ownerText) {
                    let why = PlanStore.errnoText()
                    unlink(ownerPath)
                    throw PlanError(
                        file: planPath, message: "cannot save: cannot write \(ownerPath): \(why); the plan is unchanged"
                    )
                }
                return
            }
            let e = errno
            if e == EINTR { continue }
            if e != EEXIST { throw cannotCreate(ownerPath) }
            guard let existing = SmallFile.contents(of: ownerPath) else { continue }  // released meanwhile
            let now = LockClock.monotonic()
            if watched?.text != existing { watched = (existing, now) }
            let watchedFor = now - (watched?.since ?? now)
            if isStale(existing, watchedFor: watchedFor, staleAfter: staleAfter) {
                takeOver(existing)
                continue
            }
            if now > deadline { throw timedOut(timeout) }
            LockClock.sleep(delay)
            delay = min(delay * 1.5, 0.05)
        }
    }

    /// Whether an owner file with `text`, unchanged for `watchedFor` seconds, is left by a dead holder.
    private func isStale(_ text: [UInt8], watchedFor: Double, staleAfter: Double) -> Bool {
        guard let owner = LockOwner(text: String(decoding: text, as: UTF8.self)) else {
            return watchedFor >= min(2, staleAfter)  // empty or garbage: its creator died before writing it
        }
        if owner.isDeadOnThisHost { return true }
        // Age by the holder's clock, or by how long we have watched it (immune to clock skew between hosts).
        return LockClock.wall() - owner.time >= staleAfter || watchedFor >= staleAfter
    }

    /// Removes a stale owner file, making sure it is the one judged stale (a waiter on another
    /// machine may have replaced it meanwhile).
    private func takeOver(_ stale: [UInt8]) {
        let aside = ownerPath + ".stale-\(ProcessProbe.safeHostName)-\(getpid())"
        if rename(ownerPath, aside) != 0 { return }
        if SmallFile.contents(of: aside) != stale {
            _ = link(aside, ownerPath)  // a live lock: put it back unless someone already holds a new one
        }
        unlink(aside)
    }

    // MARK: - Errors

    private func cannotCreate(_ path: String) -> PlanError {
        let why = PlanStore.errnoText()
        let dir = PlanStore.directory(of: path)
        return PlanError(
            file: planPath, message: "cannot save: cannot create files in \(dir) (\(why)); the plan is unchanged")
    }

    private func timedOut(_ timeout: Double) -> PlanError {
        var who = "another save"
        if let bytes = SmallFile.contents(of: ownerPath),
            let o = LockOwner(text: String(decoding: bytes, as: UTF8.self))
        {
            let age = Int(LockClock.wall() - o.time)
            who = "process \(o.pid) on \(o.host) (for \(age) s)"
        }
        return PlanError(
            file: planPath,
            message: "cannot save: the plan is locked by \(who); gave up after \(Int(timeout)) s. If no actionplan "
                + "is running there, delete \(ownerPath)")
    }
}
