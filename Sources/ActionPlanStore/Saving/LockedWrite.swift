import ActionPlanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension PlanStore {
    /// How many times a save reads the file again when it keeps changing under it before giving up.
    static let maxSaveAttempts = 5

    /// The one way a plan file is replaced under its lock: a compare-and-swap whose compare sits right
    /// before the swap.
    ///
    /// 1. Read the file (or take `initial`, bytes already read under this lock).
    /// 2. `decide` what to write given what is there (merging, refusing a clash, or nil: nothing to write).
    /// 3. Refuse a result larger than the loader reads; write it to a temporary file beside the plan with the
    ///    plan's owner, group and mode, and flush it — written over a backup an earlier save pushed out, when
    ///    there is one (`PlanBackups.takeDropped(of:)`); meanwhile, remove any others
    ///    (`PlanBackups.Dropped.removeOthers()`).
    /// 4. Last checks, immediately before the rename: the lock is still ours (a save frozen past the stale age
    ///    on a share where `flock` does not reach writes nothing), and the file is still the one read. When it
    ///    changed (a program that ignores the lock wrote it) the temporary file is discarded and the save
    ///    starts again from 1, so `decide` merges with the new contents.
    /// 5. Keep the version being replaced as the incoming backup: a second name (hard link) for the file
    ///    about to be replaced, so nothing is copied; where links cannot be made, a copy of the bytes read.
    /// 6. Rename, flush the directory, and only then rotate the backups (a failed save never pushes a real
    ///    backup out); when `encoded` (the bytes are `PlanCodec.encode`'s), stamp the file (`EncodingStamp`).
    static func lockedWrite(
        _ target: SaveTarget, lock: PlanLock, options: SaveOptions, initial: FileSnapshot? = nil,
        encoded: Bool = false, _ decide: (_ current: [UInt8]?) throws -> FileBytes?
    ) throws {
        TemporaryFiles.sweepSaves(of: target.path)
        var snapshot = try initial ?? FileSnapshot.read(target)
        for attempt in 1...maxSaveAttempts {
            guard let bytes = try decide(snapshot.bytes) else { return }
            try refuseOversized(count: bytes.count, file: target.shown)
            let dropped = PlanBackups.takeDropped(of: target.path)
            let (tmp, _) = try Concurrently.both(
                {
                    try TemporaryFiles.write(
                        bytes, beside: target.path, shown: target.shown, attributes: snapshot.attributes,
                        newFileMode: lock.attributes?.mode ?? 0o644, durable: true, over: dropped.taken)
                }, { dropped.removeOthers() },
                inParallel: bytes.count >= Concurrently.worthASecondThread)
            options.stage?(.readyToRename(temporary: tmp))
            let stamp = { encoded ? EncodingStamp.Mark(count: bytes.count, hash: bytes.hash) : nil }
            if try renameIntoPlace(
                tmp, over: snapshot, lock: lock, options: options, stamp: stamp, old: { snapshot.bytes })
            {
                return
            }
            options.stage?(.changedMeanwhile(attempt: attempt))
            snapshot = try FileSnapshot.read(target)
        }
        throw PlanError(
            .notSaved,
            file: target.shown,
            message: "cannot save: the file kept changing while this save was being made (\(maxSaveAttempts) tries); "
                + "another program is writing it without the lock. Nothing was written; try again")
    }

    /// Steps 4 to 6 of ``lockedWrite(_:lock:options:initial:encoded:_:)`` for a new version written and flushed to
    /// `tmp`: the last checks (the lock is still ours — else throws, writing nothing — and the file is still the
    /// one `snapshot` read — else returns false with `tmp` removed), the backup of the version replaced (a second
    /// name for it, else a copy of `old()`, its bytes), the rename, and the stamp `stamp()` gives, if any.
    static func renameIntoPlace(
        _ tmp: String, over snapshot: FileSnapshot, lock: PlanLock, options: SaveOptions,
        stamp: () -> EncodingStamp.Mark?, old: () -> [UInt8]?
    ) throws -> Bool {
        let target = snapshot.target
        guard lock.isStillHeld else {
            unlink(tmp)
            throw PlanError(
                .locked,
                file: target.shown,
                message: "cannot save: this save was held up for longer than \(Int(options.staleLockAge)) s and "
                    + "its lock was taken over by another process; nothing was written, try again")
        }
        guard snapshot.isCurrent() else {
            unlink(tmp)
            return false
        }
        var backup: PlanBackups.Incoming?
        if snapshot.identity != nil, options.backups > 0 {
            backup = PlanBackups.prepare(old, of: target, attributes: snapshot.attributes, options: options)
        }
        if rename(tmp, target.path) != 0 {
            let why = errnoText()
            unlink(tmp)
            backup?.discard()
            throw PlanError(
                .notSaved, file: target.shown, message: "cannot save: \(why); the previous file is unchanged")
        }
        syncDirectory(target.directory)
        backup?.rotate()
        if let mark = stamp() { EncodingStamp.record(mark, for: target.path) }
        return true
    }
}
