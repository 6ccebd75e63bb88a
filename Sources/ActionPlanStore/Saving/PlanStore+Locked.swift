import ActionPlanCore

/// Saving a plan that others may be changing at the same moment (docs/concurrency.md).
///
/// Every save here is a compare-and-swap under the plan's ``PlanLock``
/// (``lockedWrite(_:lock:options:initial:encoded:_:)``): it knows what the file held
/// when it was read, checks right before the rename that the file is still
/// that, and never overwrites anything it has not seen. Commands read, change
/// and write inside the lock (``update(_:options:_:)``), so they never conflict
/// with each other; an editor that keeps a plan open for long merges its
/// changes with whatever was saved meanwhile
/// (``saveMerging(_:base:baseFingerprint:to:choices:options:)``). Each save
/// keeps the version it replaces as a backup (``PlanBackups``). A symbolic link
/// is followed to the plan it names; a read-only plan, or one with several hard
/// links, is refused (see `SaveTarget`).
extension PlanStore {
    /// Changes the plan at `path` under its lock: reads it, applies `change`, writes the result
    /// (nothing when the plan is unchanged) and returns what `change` returned.
    ///
    /// Processes doing this at the same moment queue for the lock, so none loses
    /// another's change. If the file was nevertheless written meanwhile by
    /// something that ignores the lock (an editor; another machine on a share
    /// where locks do not reach), the change is merged with it; a clash throws
    /// ``PlanConflictError`` and leaves the file as it was.
    @discardableResult
    public static func update<R>(
        _ path: String, options: SaveOptions = .standard, _ change: (inout Plan) throws -> R
    ) throws -> R {
        try readUnderLock(path, options: options) { read in try changeInFull(read, change) }
    }

    /// What a change made under the plan's lock read: where, under which lock, the bytes and their file.
    struct LockedRead {
        let path: String
        let target: SaveTarget
        let lock: PlanLock
        let options: SaveOptions
        let bytes: [UInt8]
        let identity: FileIdentity
    }

    /// Finds the plan at `path` (links followed), refuses one that cannot be replaced, takes its lock, reads
    /// it, and gives `body` what it read; the lock is released when `body` returns.
    static func readUnderLock<R>(_ path: String, options: SaveOptions, _ body: (LockedRead) throws -> R) throws -> R {
        try underLock(path, options: options) { target, lock in
            try body(readLocked(path, target, lock, options))
        }
    }

    /// Finds the plan at `path` (links followed), refuses one that cannot be replaced, takes its lock and calls
    /// `body` with them; the lock is released when `body` returns.
    static func underLock<R>(
        _ path: String, options: SaveOptions, _ body: (SaveTarget, PlanLock) throws -> R
    ) throws -> R {
        let target = try SaveTarget.resolve(path)
        guard let st = target.status() else {
            _ = try readFile(path)  // "cannot open: …", not a complaint about the lock
            throw PlanError(.fileNotFound, file: path, message: "cannot open: the file is gone")
        }
        try target.checkReplaceable(st)
        let lock = try PlanLock.acquire(for: target, options: options)
        defer { lock.release() }
        return try body(target, lock)
    }

    /// The plan at `target` (`path` as the user gave it), read under `lock`.
    static func readLocked(_ path: String, _ target: SaveTarget, _ lock: PlanLock, _ options: SaveOptions) throws
        -> LockedRead
    {
        let (bytes, identity) = try readFileAndIdentity(target.path, shown: path)
        return LockedRead(path: path, target: target, lock: lock, options: options, bytes: bytes, identity: identity)
    }

    /// ``update(_:options:_:)`` once the plan is read: decodes it in full, applies `change`, and writes the full
    /// encoding of the result (nothing when it is unchanged); if something that ignores the lock wrote the file
    /// meanwhile, merges the change with what it wrote (a clash throws ``PlanConflictError`` and writes nothing).
    static func changeInFull<R>(_ read: LockedRead, _ change: (inout Plan) throws -> R) throws -> R {
        let base = try decode(read.bytes, of: read.path)
        var plan = base
        let result = try change(&plan)
        if plan == base { return result }
        let encoded = FileBytes(PlanCodec.encode(plan))
        let initial = try FileSnapshot.given(read.bytes, identity: read.identity, target: read.target)
        try lockedWrite(read.target, lock: read.lock, options: read.options, initial: initial, encoded: true) {
            current in
            guard let current, !sameBytes(current, read.bytes) else { return encoded }
            // Written meanwhile by something that ignores the lock: merge with it.
            let merged = PlanMerge.merge(base: base, ours: plan, theirs: try decodeChanged(current, read.path))
            if !merged.isClean { throw PlanConflictError(file: read.path, conflicts: merged.conflicts) }
            let again = PlanCodec.encode(merged.plan)
            return sameBytes(again, current) ? nil : FileBytes(again)
        }
        return result
    }

    /// Saves `plan`, edited from `base` (read from bytes with `baseFingerprint`), to `path`,
    /// merging in whatever others saved there meanwhile; for editors that keep a plan open.
    ///
    /// Under the lock: if the file still has `baseFingerprint` (or is gone),
    /// `plan` is written as it is. Otherwise (a nil `baseFingerprint` means "not
    /// known": always) the file is merged three-way with `plan` (base = `base`):
    /// others' changes survive, and if any field clashes nothing is written and
    /// the conflicts are returned for the user to decide; pass the decisions as
    /// `choices` and call again (the file is merged afresh, since it may have
    /// changed again). Throws a `PlanError` when the file cannot be read or
    /// written, or is no longer a valid plan.
    public static func saveMerging(
        _ plan: Plan, base: Plan, baseFingerprint: UInt64?, to path: String,
        choices: [MergeConflict.Key: MergeSide] = [:], options: SaveOptions = .standard
    ) throws -> MergedSave {
        let target = try SaveTarget.resolve(path)
        if let st = target.status() { try target.checkReplaceable(st) }
        let lock = try PlanLock.acquire(for: target, options: options)
        defer { lock.release() }
        var outcome = MergedSave(plan: plan, conflicts: [], fingerprint: nil, mergedOthersChanges: false)
        try lockedWrite(target, lock: lock, options: options, encoded: true) { current in
            var toWrite = plan
            var merged = false
            if let current, baseFingerprint == nil || fingerprint(of: current) != baseFingerprint {
                let m = PlanMerge.merge(
                    base: base, ours: plan, theirs: try decodeChanged(current, path), choices: choices,
                    recordingChoices: true)
                if !m.isClean {
                    outcome = MergedSave(
                        plan: m.plan, conflicts: m.conflicts, fingerprint: nil, mergedOthersChanges: true)
                    return nil
                }
                toWrite = m.plan
                merged = toWrite != plan
            }
            let bytes = PlanCodec.encode(toWrite)
            outcome = MergedSave(
                plan: toWrite, conflicts: [], fingerprint: fingerprint(of: bytes), mergedOthersChanges: merged)
            return sameBytes(current, bytes) ? nil : FileBytes(bytes)
        }
        return outcome
    }

    /// Writes `bytes` as the file at `path` under its lock, keeping the version it replaces
    /// as a backup (for `import --force`, `restore` and "save elsewhere"); with `mustNotExist`, refuses to
    /// replace a file.
    public static func replace(
        _ path: String, with bytes: [UInt8], mustNotExist: Bool = false, options: SaveOptions = .standard
    ) throws {
        let target = try SaveTarget.resolve(path)
        if let st = target.status() {
            if mustNotExist { throw PlanError(.alreadyExists, file: path, message: "already exists; not overwritten") }
            try target.checkReplaceable(st)
        }
        let lock = try PlanLock.acquire(for: target, options: options)
        defer { lock.release() }
        try lockedWrite(target, lock: lock, options: options) { current in
            if mustNotExist && current != nil {
                throw PlanError(.alreadyExists, file: path, message: "already exists; not overwritten")
            }
            return sameBytes(current, bytes) ? nil : FileBytes(bytes)
        }
    }

    /// The plan in bytes someone else wrote meanwhile, or an error saying nothing was saved.
    static func decodeChanged(_ bytes: [UInt8], _ path: String) throws -> Plan {
        do {
            return try PlanCodec.decode(bytes, file: path)
        } catch var e as PlanError {
            e.message =
                "the file was changed meanwhile and is no longer a valid plan: \(e.message); not saved "
                + "(save to another file, or fix the file and save again)"
            throw e
        }
    }
}
