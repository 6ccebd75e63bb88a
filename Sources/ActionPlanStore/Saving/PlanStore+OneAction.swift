import ActionPlanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Changing one action of a plan (a rating, a note, a revised date) without reading and writing the whole plan.
extension PlanStore {
    /// Changes the action with `id` in the plan at `path` under its lock, as ``update(_:options:_:)`` does:
    /// `change` gets the plan's ``Plan/header`` (its rating scale, officers and the rest of what comes before
    /// its themes, but no actions) and the action, and what it returns is returned.
    ///
    /// When the file is one this store wrote and no one has changed since (its `EncodingStamp` matches), the
    /// header and the action are read from its bytes and the new action's encoding replaces the old one's
    /// (``replacingOneAction(_:_:shown:id:options:_:)``): the file written is byte for byte the full encoding of the
    /// changed plan, without reading or encoding the other actions, which were checked when the file was written.
    /// Any other file — and any change this cannot place exactly — is read, checked and written in full, and so
    /// is a file written meanwhile by a program that ignores the lock: `change` is then applied again, to the
    /// action as that file has it (so it must not do more than change the action). An `id` not in the plan is
    /// refused as ``update(_:options:_:)`` refuses it.
    @discardableResult
    public static func updateAction<R>(
        _ path: String, id: String, options: SaveOptions = .standard,
        _ change: (_ header: Plan, _ action: inout Action) throws -> R
    ) throws -> R {
        try underLock(path, options: options) { target, lock in
            if case .done(let result) = try replacingOneAction(
                target, lock, shown: path, id: id, options: options, change)
            {
                return result
            }
            return try changeInFull(readLocked(path, target, lock, options)) { plan in
                let at = try plan.requirePath(id)
                return try change(plan.header, &plan[at])
            }
        }
    }

    /// What ``replacingOneAction(_:_:shown:id:options:_:)`` did: saved (or found nothing to change), or left the
    /// change to be made in full.
    enum OneAction<R> {
        case done(R)
        case inFull
    }

    /// Changes the action with `id` in place in a file this store wrote (see ``updateAction(_:id:options:_:)``),
    /// or says it is to be done in full.
    ///
    /// A file of ``FileSnapshot/rereadBelow`` bytes or more is mapped, not copied (`MappedFile`: most of what
    /// reading 27 MB cost, docs/performance.md), and its new version written from the mapping around the new
    /// action's bytes. Its stamp's hash is checked on one processor while the action is searched for on the other,
    /// and the new version is written as ``lockedWrite(_:lock:options:initial:encoded:_:)`` writes one (over the
    /// backup the previous save pushed out) while the hash for its stamp is taken on the other. A mapping shows writes made into
    /// the file meanwhile, which only programs that ignore the lock make, and which change its identity: right
    /// before the rename the file must still be the one opened (as for every save), and a file that changed — or
    /// was cut short, so the new version could not be written from it — is done in full, afresh.
    static func replacingOneAction<R>(
        _ target: SaveTarget, _ lock: PlanLock, shown path: String, id: String, options: SaveOptions,
        _ change: (_ header: Plan, _ action: inout Action) throws -> R
    ) throws -> OneAction<R> {
        let (fd, st) = try openForReading(target.path, shown: path)
        defer { close(fd) }
        return try MappedFile.withContents(of: fd, st, shown: path, mapFrom: FileSnapshot.rereadBelow) {
            bytes, mapped in
            guard let view = EncodedPlan.View(bytes: bytes) else { return .inFull }
            let large = bytes.count >= Concurrently.worthASecondThread
            let (ours, place) = try Concurrently.both(
                { EncodingStamp.isEncoding(bytes, of: target.path) }, { view.place(of: id) }, inParallel: large)
            guard ours, let place else { return .inFull }
            let header = try view.header(file: path)
            let old = try view.action(at: place, file: path)
            var action = old
            let result = try change(header, &action)
            if action == old { return .done(result) }
            guard let splice = view.splice(place, old: old, with: action, header: header) else { return .inFull }
            options.stage?(.replacingOneAction)
            try refuseOversized(count: splice.newSize(from: bytes.count), file: target.shown)
            TemporaryFiles.sweepSaves(of: target.path)
            let snapshot = FileSnapshot.opened(st, bytes: mapped ? nil : Array(bytes), target: target)
            let written: (tmp: String, mark: EncodingStamp.Mark)
            do {
                written = try write(
                    splice, of: bytes, beside: target, snapshot: snapshot, lock: lock, inParallel: large)
            } catch is PlanError where mapped && !snapshot.isCurrent() {
                // Cut short under the mapping: the new version could not be written from it.
                options.stage?(.changedMeanwhile(attempt: 1))
                return .inFull
            }
            options.stage?(.readyToRename(temporary: written.tmp))
            let renamed = try renameIntoPlace(
                written.tmp, over: snapshot, lock: lock, options: options, stamp: { written.mark },
                old: { snapshot.bytes ?? Array(bytes) })
            guard renamed else {
                options.stage?(.changedMeanwhile(attempt: 1))
                return .inFull
            }
            return .done(result)
        }
    }

    /// Writes the plan that `splice` makes of `bytes` to a temporary file beside `target` — over the backup the
    /// previous save pushed out, when it can be taken (`PlanBackups.takeDropped(of:)`) — and, meanwhile, takes
    /// the hash for its stamp and removes any other pushed-out backups; returns the file and the stamp's mark.
    private static func write(
        _ splice: EncodedPlan.Splice, of bytes: UnsafeBufferPointer<UInt8>, beside target: SaveTarget,
        snapshot: FileSnapshot, lock: PlanLock, inParallel: Bool
    ) throws -> (tmp: String, mark: EncodingStamp.Mark) {
        let dropped = PlanBackups.takeDropped(of: target.path)
        return try Concurrently.both(
            {
                try TemporaryFiles.write(
                    beside: target.path, shown: target.shown, attributes: snapshot.attributes,
                    newFileMode: lock.attributes?.mode ?? 0o644, durable: true, over: dropped.taken
                ) { fd in splice.forEachRun(of: bytes) { writeAll(fd, $0) } }
            },
            {
                var hash = ContentHash.Words()
                _ = splice.forEachRun(of: bytes) { run in
                    hash.add(run)
                    return true
                }
                dropped.removeOthers()
                return EncodingStamp.Mark(count: splice.newSize(from: bytes.count), hash: hash.value)
            }, inParallel: inParallel)
    }
}
