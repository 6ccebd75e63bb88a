#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

import ActionPlanCore

/// The last few saved versions of a plan, kept beside it: `.NAME.backups/NAME.1` (newest) to `NAME.N`.
///
/// Every locked save (``PlanStore/update(_:options:_:)``,
/// ``PlanStore/saveMerging(_:base:baseFingerprint:to:choices:options:)``,
/// ``PlanStore/replace(_:with:mustNotExist:options:)``) first copies the version it
/// is about to replace to `NAME.1`, shifting older ones up and dropping the
/// oldest, so a mistaken save, import or restore can be undone with
/// `actionplan restore PLAN --from 1`. Backups are a safety net, not a history
/// (git or the rating history is that): keeping one never stops a save, and
/// they are written without fsync (a torn one is refused on restore).
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

    /// Keeps `bytes` (the version about to be replaced) as backup 1, shifting the others and
    /// keeping at most `count`. Best effort: a backup that cannot be written is skipped.
    static func keep(_ bytes: [UInt8], of plan: String, count: Int) {
        guard count > 0 else { return }
        let dir = directory(for: plan)
        if mkdir(dir, 0o755) != 0 && errno != EEXIST { return }
        var st = stat()
        let planFound = stat(plan, &st) == 0
        let mode: mode_t = planFound ? st.st_mode & 0o777 : 0o644
        let incoming = path(for: plan, number: 0)
        TemporaryFiles.sweep(beside: incoming)
        do {
            try PlanStore.writeAtomically(bytes, to: incoming, newFileMode: mode, durable: false)
        } catch {
            return
        }
        // Keep the time the version was saved as the plan, not the time it was replaced.
        if planFound {
            #if os(Linux)
                var times = [st.st_atim, st.st_mtim]
            #else
                var times = [st.st_atimespec, st.st_mtimespec]
            #endif
            _ = utimensat(AT_FDCWD, incoming, &times, 0)
        }
        for b in list(for: plan) where b.number >= count { unlink(b.path) }
        var n = count - 1
        while n >= 1 {
            _ = rename(path(for: plan, number: n), path(for: plan, number: n + 1))
            n -= 1
        }
        _ = rename(incoming, path(for: plan, number: 1))
    }

    /// Replaces `plan` with backup `number` under the plan's lock, after checking the backup is a
    /// valid plan; the version it replaces becomes backup 1. Returns the backup restored.
    @discardableResult
    public static func restore(
        _ plan: String, from number: Int, options: PlanStore.SaveOptions = .standard
    ) throws -> Backup {
        let lock = try PlanLock.acquire(for: plan, options: options)
        defer { lock.release() }
        let all = list(for: plan)
        guard let backup = all.first(where: { $0.number == number }) else {
            let have =
                all.isEmpty
                ? "there are no backups"
                : "backups are numbered \(all.map { String($0.number) }.joined(separator: ", "))"
            throw PlanError(file: plan, path: "--from", message: "no backup \(number); \(have) (see restore --list)")
        }
        let bytes = try PlanStore.readFile(backup.path)
        _ = try PlanCodec.decode(bytes, file: backup.path)
        let current = try? PlanStore.readIfPresent(plan)
        var keepOptions = options
        keepOptions.backups = max(options.backups, 1)
        try PlanStore.writeLocked(bytes, replacing: current, to: plan, lock: lock, options: keepOptions)
        return backup
    }
}
