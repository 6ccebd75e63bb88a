#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

import ActionPlanCore

/// Saving a plan that others may be changing at the same moment (docs/concurrency.md).
///
/// Every save here is a compare-and-swap under the plan's ``PlanLock``: it
/// knows what the file held when it was read and never overwrites anything it
/// has not seen. Commands read, change and write inside the lock
/// (``update(_:options:_:)``), so they never conflict with each other; an
/// editor that keeps a plan open for long merges its changes with whatever was
/// saved meanwhile (``saveMerging(_:base:baseFingerprint:to:choices:options:)``).
/// Each save keeps the version it replaces as a backup (``PlanBackups``).
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
        if !exists(path) { _ = try readFile(path) }  // "cannot open: …", not a complaint about the lock
        let lock = try PlanLock.acquire(for: path, options: options)
        defer { lock.release() }
        let (bytes, identity) = try readFileAndIdentity(path)
        let base = try PlanCodec.decode(bytes, file: path)
        var plan = base
        let result = try change(&plan)
        if plan == base { return result }
        var toWrite = plan
        var replaced = bytes
        // Written meanwhile by something that ignores the lock? A changed identity says so; a small file is
        // also re-read, in case a writer in place kept its size and (coarse) modification time.
        let suspect = bytes.count < 4 << 20 || FileIdentity.of(path) != identity
        if suspect, let now = try? readFile(path), now != bytes {
            let merged = PlanMerge.merge(base: base, ours: plan, theirs: try decodeChanged(now, path))
            if !merged.isClean { throw PlanConflictError(file: path, conflicts: merged.conflicts) }
            toWrite = merged.plan
            replaced = now
        }
        try writeLocked(PlanCodec.encode(toWrite), replacing: replaced, to: path, lock: lock, options: options)
        return result
    }

    /// Saves `plan`, edited from `base` (read from bytes with `baseFingerprint`), to `path`,
    /// merging in whatever others saved there meanwhile; for editors that keep a plan open.
    ///
    /// Under the lock: if the file still has `baseFingerprint` (or is gone),
    /// `plan` is written as it is. Otherwise the file is merged three-way with
    /// `plan` (base = `base`): others' changes survive, and if any field clashes
    /// nothing is written and the conflicts are returned for the user to decide;
    /// pass the decisions as `choices` and call again (the file is merged afresh,
    /// since it may have changed again). Throws a `PlanError` when the file
    /// cannot be read or written, or is no longer a valid plan.
    public static func saveMerging(
        _ plan: Plan, base: Plan, baseFingerprint: UInt64?, to path: String,
        choices: [MergeConflict.Key: MergeSide] = [:], options: SaveOptions = .standard
    ) throws -> MergedSave {
        let lock = try PlanLock.acquire(for: path, options: options)
        defer { lock.release() }
        let current = try readIfPresent(path)
        var toWrite = plan
        var merged = false
        if let current, fingerprint(of: current) != baseFingerprint {
            let m = PlanMerge.merge(base: base, ours: plan, theirs: try decodeChanged(current, path), choices: choices)
            if !m.isClean {
                return MergedSave(plan: m.plan, conflicts: m.conflicts, fingerprint: nil, mergedOthersChanges: true)
            }
            toWrite = m.plan
            merged = true
        }
        let bytes = PlanCodec.encode(toWrite)
        if current != bytes {
            try writeLocked(bytes, replacing: current, to: path, lock: lock, options: options)
        }
        return MergedSave(
            plan: toWrite, conflicts: [], fingerprint: fingerprint(of: bytes), mergedOthersChanges: merged)
    }

    /// Writes `bytes` as the file at `path` under its lock, keeping the version it replaces
    /// as a backup (for `import --force` and `restore`); with `mustNotExist`, refuses to replace a file.
    public static func replace(
        _ path: String, with bytes: [UInt8], mustNotExist: Bool = false, options: SaveOptions = .standard
    ) throws {
        let lock = try PlanLock.acquire(for: path, options: options)
        defer { lock.release() }
        if mustNotExist && exists(path) {
            throw PlanError(file: path, message: "already exists; not overwritten")
        }
        let current = try? readIfPresent(path)
        try writeLocked(bytes, replacing: current, to: path, lock: lock, options: options)
    }

    // MARK: - Inside the lock

    /// Keeps a backup of `old`, checks the lock is still ours, then writes `bytes` atomically.
    static func writeLocked(
        _ bytes: [UInt8], replacing old: [UInt8]?, to path: String, lock: PlanLock, options: SaveOptions
    ) throws {
        TemporaryFiles.sweep(beside: path)
        if let old, options.backups > 0 { PlanBackups.keep(old, of: path, count: options.backups) }
        guard lock.isStillHeld else {
            throw PlanError(
                file: path,
                message:
                    "cannot save: this save took longer than \(Int(options.staleLockAge)) s and its lock was taken "
                    + "over by another process; the plan is unchanged, try again")
        }
        try writeAtomically(bytes, to: path)
    }

    /// The file's bytes, or nil when there is no file.
    static func readIfPresent(_ path: String) throws -> [UInt8]? {
        do {
            return try readFile(path)
        } catch let e as PlanError {
            if !exists(path) { return nil }
            throw e
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
