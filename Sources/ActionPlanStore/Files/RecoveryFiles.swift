#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

import ActionPlanCore

/// The files an interrupted terminal UI leaves its unsaved work in, beside the plan.
///
/// Two files each: `PLAN.actionplan-recovery` holds the plan as edited (a valid plan file, which can be
/// opened on its own), and `PLAN.actionplan-recovery.base` the plan as that session last read or saved
/// it. Keeping the base lets a later session merge the recovered edits into the plan as it is by then,
/// so restoring never reverts what others saved meanwhile. A second interrupted session (another lead,
/// or another window) never overwrites the first's: it takes `PLAN.actionplan-recovery-2`, and so on.
/// Both files get the plan's permissions, so a private plan leaves no world-readable copy.
public enum RecoveryFiles {
    /// A recovery file read back.
    public struct Recovered: Sendable, Hashable {
        /// The recovery file (the edited plan).
        public var path: String
        /// The plan as the interrupted session had edited it.
        public var plan: Plan
        /// The plan as that session last read or saved it; nil when its base file is missing (a recovery
        /// file written by an older version).
        public var base: Plan?
    }

    /// The first recovery file's path for the plan at `plan` (beside the file a symbolic link names).
    public static func primaryPath(for plan: String) -> String {
        resolved(plan) + suffix
    }

    /// The base file kept with recovery file `path`.
    public static func basePath(of path: String) -> String { path + ".base" }

    private static let suffix = ".actionplan-recovery"

    private static func resolved(_ plan: String) -> String {
        (try? SaveTarget.resolve(plan).path) ?? plan
    }

    /// The recovery files waiting beside `plan`, oldest first.
    public static func find(for plan: String) -> [String] {
        let first = primaryPath(for: plan)
        let dir = PlanStore.directory(of: first)
        let name = PlanStore.fileName(of: first)
        var found: [(String, Int)] = []
        for entry in PlanStore.names(in: dir) {
            if entry == name {
                found.append((dir + "/" + entry, 1))
            } else if entry.hasPrefix(name + "-"), let n = Int(entry.dropFirst(name.count + 1)), n >= 2 {
                found.append((dir + "/" + entry, n))
            }
        }
        return found.sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// Reads recovery file `path` and its base.
    public static func read(_ path: String) throws -> Recovered {
        let plan = try PlanStore.load(path)
        let base = PlanStore.exists(basePath(of: path)) ? try PlanStore.load(basePath(of: path)) : nil
        return Recovered(path: path, plan: plan, base: base)
    }

    /// Writes `plan` (edited from `base`) as a recovery file for the plan at `planPath` and returns its path:
    /// `reuse` when given (this session's own earlier recovery file), else the first free name. The base is
    /// written first, so a recovery file never lacks its base.
    public static func write(plan: Plan, base: Plan, for planPath: String, reuse: String? = nil) throws -> String {
        var st = stat()
        let mode: mode_t = stat(resolved(planPath), &st) == 0 ? (st.st_mode & 0o777) | 0o600 : 0o600
        let path = reuse ?? freePath(for: planPath, mode: mode)
        do {
            let baseBytes = PlanCodec.encode(base)
            let bytes = PlanCodec.encode(plan)
            try PlanStore.refuseOversized(bytes, file: path)
            try PlanStore.writeAtomically(baseBytes, to: basePath(of: path), newFileMode: mode)
            try PlanStore.writeAtomically(bytes, to: path, newFileMode: mode)
        } catch {
            if reuse == nil { delete(path) }
            throw error
        }
        return path
    }

    /// The first recovery file name beside `plan` not in use, reserved by creating it empty with `mode`.
    private static func freePath(for plan: String, mode: mode_t) -> String {
        let first = primaryPath(for: plan)
        for n in 1...1000 {
            let candidate = n == 1 ? first : first + "-\(n)"
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if fd >= 0 {
                _ = fchmod(fd, mode)
                close(fd)
                return candidate
            }
        }
        return first + "-\(getpid())"
    }

    /// Deletes recovery file `path` and its base; returns the error text when the recovery file could not be
    /// deleted (a missing one is not an error).
    @discardableResult
    public static func delete(_ path: String) -> String? {
        unlink(basePath(of: path))
        if unlink(path) == 0 || errno == ENOENT { return nil }
        return PlanStore.errnoText()
    }
}
