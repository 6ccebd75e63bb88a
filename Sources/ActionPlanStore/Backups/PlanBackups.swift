import ActionPlanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The last few saved versions of a plan, kept beside it: `.NAME.backups/NAME.1` (newest) to `NAME.N`.
///
/// Every locked save (``PlanStore/update(_:options:_:)``,
/// ``PlanStore/saveMerging(_:base:baseFingerprint:to:choices:options:)``,
/// ``PlanStore/replace(_:with:mustNotExist:options:)``) keeps the version it
/// is about to replace as `NAME.0` (a hard link to it, else a copy), and once its new version is in place makes
/// that `NAME.1`, shifting older ones up and dropping the oldest, so a mistaken
/// save, import or restore can be undone with `actionplan restore PLAN --from
/// 1`, and a save that fails never pushes a real backup out. Backups are a
/// safety net, not a history (git or the rating history is that): keeping one
/// never stops a save (one that cannot be kept is reported through
/// `SaveOptions.warn`), and they are written without fsync (a torn one is
/// refused on restore).
public enum PlanBackups {
    /// One kept version.
    public struct Backup: Sendable, Equatable {
        /// 1 for the newest.
        public var number: Int
        /// Its path.
        public var path: String
        /// Its size in bytes.
        public var size: Int
        /// When this version was saved as the plan (not when it was replaced): seconds since 1970.
        public var modified: Double
    }

    /// The backups directory of `plan`: `.NAME.backups` beside it.
    public static func directory(for plan: String) -> String { PlanStore.sidePath(of: plan, "backups") }

    /// The path of backup `number` of `plan`.
    public static func path(for plan: String, number: Int) -> String {
        directory(for: plan) + "/" + PlanStore.fileName(of: plan) + ".\(number)"
    }

    /// The backups of `plan`, newest (1) first.
    public static func list(for plan: String) -> [Backup] {
        let dir = directory(for: plan)
        let base = PlanStore.fileName(of: plan)
        var out: [Backup] = []
        for name in PlanStore.names(in: dir) {
            guard name.hasPrefix(base + "."), let n = Int(name.dropFirst(base.count + 1)), n >= 1 else { continue }
            var st = stat()
            guard stat(dir + "/" + name, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            let id = FileIdentity(st)
            out.append(
                Backup(
                    number: n, path: dir + "/" + name, size: Int(st.st_size),
                    modified: Double(id.modified) + Double(id.modifiedNanos) / 1e9))
        }
        return out.sorted { $0.number < $1.number }
    }

    /// The version a save is about to replace, kept as `NAME.0` beside the numbered backups and moved
    /// to `NAME.1` (the others shifting up) only once the save has renamed its new version into place.
    struct Incoming {
        /// The plan it is a backup of (symbolic links followed).
        let plan: String
        /// How many backups to keep.
        let count: Int

        /// Shifts the numbered backups up (dropping those beyond `count`) and makes this one number 1.
        func rotate() {
            PlanBackups.rotate(plan, count: count)
        }

        /// Removes it: the save did not happen.
        func discard() {
            unlink(PlanBackups.path(for: plan, number: 0))
        }
    }

    /// Keeps the version about to be replaced (the file at `target`, whose contents `bytes()` gives) as the incoming
    /// backup of `target` — a hard link to it, else a copy of `bytes()` — in a backups directory with the plan's
    /// group and a mode that lets everyone who may write the plan use it. Called right before the rename.
    /// Best effort: a backup that cannot be written is reported through `options.warn` and skipped (nil).
    static func prepare(
        _ bytes: () -> [UInt8]?, of target: SaveTarget, attributes: FileAttributes?, options: PlanStore.SaveOptions
    ) -> Incoming? {
        let plan = target.path
        let dir = directory(for: plan)
        func skip(_ why: String) -> Incoming? {
            options.warn?("\(target.shown): no backup kept of the version replaced: \(why)")
            return nil
        }
        if mkdir(dir, attributes?.directoryMode ?? 0o755) != 0 && errno != EEXIST {
            return skip("cannot create \(dir) (\(PlanStore.errnoText()))")
        }
        if let attributes {
            let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
            if dfd >= 0 {
                attributes.applyToSideFile(fd: dfd, mode: attributes.directoryMode)
                close(dfd)
            }
        }
        let incoming = path(for: plan, number: 0)
        if PlanStore.exists(incoming) {
            if PlanStore.isSameFile(incoming, plan) {
                // Left by a save that died between making it and renaming its new version: the plan itself.
                unlink(incoming)
            } else {
                // Left by a save that died after renaming its new version: keep it as number 1.
                rotate(plan, count: options.backups)
            }
        }
        // A second name for the version about to be replaced: nothing is copied, and once the new version is
        // renamed into place this is the old one's only name. Where links cannot be made, a copy.
        if link(plan, incoming) == 0 { return Incoming(plan: plan, count: options.backups) }
        TemporaryFiles.sweep(beside: incoming)
        guard let bytes = bytes() else { return skip("its bytes were not read") }
        do {
            let tmp = try TemporaryFiles.write(
                bytes, beside: incoming, shown: incoming, attributes: nil, newFileMode: attributes?.mode ?? 0o644,
                durable: false)
            if let attributes {
                let fd = open(tmp, O_RDONLY | O_CLOEXEC)
                if fd >= 0 {
                    attributes.applyToSideFile(fd: fd, mode: attributes.mode)
                    close(fd)
                }
            }
            if rename(tmp, incoming) != 0 {
                let why = PlanStore.errnoText()
                unlink(tmp)
                return skip("cannot write \(incoming) (\(why))")
            }
        } catch let e as PlanError {
            return skip(e.message)
        } catch {
            return skip("\(error)")
        }
        // Keep the time the version was saved as the plan, not the time it was replaced.
        var st = stat()
        if stat(plan, &st) == 0 {
            #if os(Linux)
                var times = [st.st_atim, st.st_mtim]
            #else
                var times = [st.st_atimespec, st.st_mtimespec]
            #endif
            _ = utimensat(AT_FDCWD, incoming, &times, 0)
        }
        return Incoming(plan: plan, count: options.backups)
    }

    /// Whether the file with status `st` is also the incoming backup of `plan` (a save between its backup's
    /// link and its rename, or one that died there): that second name does not make it a file with several
    /// names to refuse.
    static func isIncoming(_ st: stat, of plan: String) -> Bool {
        var b = stat()
        return stat(path(for: plan, number: 0), &b) == 0 && b.st_dev == st.st_dev && b.st_ino == st.st_ino
    }

    /// Shifts the backups of `plan` up by one, keeping at most `count`, and makes the incoming one number 1. Those
    /// pushed out wait under another name for the next save to take or remove (``takeDropped(of:)``).
    static func rotate(_ plan: String, count: Int) {
        for b in list(for: plan) where b.number >= count {
            if rename(b.path, droppedPath(for: plan, number: b.number)) != 0 { unlink(b.path) }
        }
        var n = count - 1
        while n >= 1 {
            _ = rename(path(for: plan, number: n), path(for: plan, number: n + 1))
            n -= 1
        }
        _ = rename(path(for: plan, number: 0), path(for: plan, number: 1))
    }

    /// Where backup `number` of `plan`, pushed out by a save, waits to be removed: `NAME.dropped-N`, which is not
    /// a backup's name.
    static func droppedPath(for plan: String, number: Int) -> String {
        directory(for: plan) + "/" + PlanStore.fileName(of: plan) + ".dropped-\(number)"
    }

    /// The backups of `plan` that earlier saves pushed out (`NAME.dropped-N`), found once per save: the one it
    /// writes its new version into, and the others, which it removes meanwhile.
    struct Dropped {
        /// Taken to be written over as the save's temporary file (`TemporaryFiles.take(_:beside:)`): its pages are
        /// in memory, and writing into them instead of new ones took a save of 95 MiB 67–72 ms rather than
        /// 96–383 (docs/performance.md). It is no longer a backup, so nothing kept is lost if the save fails
        /// half-way. Nil when there is none that can be.
        let taken: TemporaryFiles.Taken?
        /// The others' paths.
        let others: [String]

        /// Removes the others. Each save does this beside writing its new version (`PlanStore.lockedWrite`):
        /// deleting a large file frees its pages, which takes a third as long as writing it, and a save that did
        /// it after its rename kept its user waiting for that (docs/performance.md). So one version more than
        /// the backups kept is on disk between saves.
        func removeOthers() {
            for path in others { unlink(path) }
        }
    }

    /// The backups of `plan` that earlier saves pushed out, the first that can be taken taken (called under the
    /// plan's lock, so no save pushes another out meanwhile).
    static func takeDropped(of plan: String) -> Dropped {
        let dir = directory(for: plan)
        let prefix = PlanStore.fileName(of: plan) + ".dropped-"
        var taken: TemporaryFiles.Taken?
        var others: [String] = []
        for name in PlanStore.names(in: dir) where name.hasPrefix(prefix) {
            let path = dir + "/" + name
            if taken == nil, let t = TemporaryFiles.take(path, beside: plan) {
                taken = t
            } else {
                // Not taken: removed, whether or not `take` already gave it another name and let it go.
                others.append(path)
            }
        }
        return Dropped(taken: taken, others: others)
    }

    /// Replaces `plan` with backup `number` under the plan's lock, after checking the backup is a
    /// valid plan; the version it replaces becomes backup 1. Returns the backup restored.
    @discardableResult
    public static func restore(
        _ plan: String, from number: Int, options: PlanStore.SaveOptions = .standard
    ) throws -> Backup {
        let target = try SaveTarget.resolve(plan)
        if let st = target.status() { try target.checkReplaceable(st) }
        let lock = try PlanLock.acquire(for: target, options: options)
        defer { lock.release() }
        let all = list(for: target.path)
        guard let backup = all.first(where: { $0.number == number }) else {
            let have =
                all.isEmpty
                ? "there are no backups"
                : "backups are numbered \(all.map { String($0.number) }.joined(separator: ", "))"
            throw PlanError(
                .notFound, file: plan, path: "--from", message: "no backup \(number); \(have) (see restore --list)")
        }
        let bytes = try PlanStore.readFile(backup.path)
        _ = try PlanCodec.decode(bytes, file: backup.path)
        var keepOptions = options
        keepOptions.backups = max(options.backups, 1)
        try PlanStore.lockedWrite(target, lock: lock, options: keepOptions) { current in
            PlanStore.sameBytes(current, bytes) ? nil : FileBytes(bytes)
        }
        return backup
    }
}
