import ActionPlanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files an interrupted terminal UI leaves its unsaved work in, beside the plan.
///
/// Two files each: `PLAN.actionplan-recovery` holds the plan as edited (a valid plan file, which can be
/// opened on its own), and `PLAN.actionplan-recovery.base` the plan as that session last read or saved
/// it. Keeping the base lets a later session merge the recovered edits into the plan as it is by then,
/// so restoring never reverts what others saved meanwhile. A second interrupted session (another lead,
/// or another window) never overwrites the first's: it takes `PLAN.actionplan-recovery-2`, and so on.
/// Both files get the plan's permissions, so a private plan leaves no world-readable copy. When the plan's
/// directory cannot be written, they go to `~/.actionplan/recovery/` (private), where the next session
/// finds them too.
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
        Place.besidePlan(plan).path(1)
    }

    /// The base file kept with recovery file `path`.
    public static func basePath(of path: String) -> String { path + ".base" }

    /// Where recovery files for one plan are kept: a directory and a name, numbered from the second on.
    struct Place {
        var directory: String
        var name: String

        /// The recovery file number `n` here (`NAME`, then `NAME-2`, …).
        func path(_ n: Int) -> String {
            (directory == "." ? "" : directory + "/") + name + (n == 1 ? "" : "-\(n)")
        }

        /// Beside the plan (symbolic links followed): `PLAN.actionplan-recovery`.
        static func besidePlan(_ plan: String) -> Place {
            let real = (try? SaveTarget.resolve(plan).path) ?? plan
            return Place(
                directory: PlanStore.directory(of: real), name: PlanStore.fileName(of: real) + ".actionplan-recovery")
        }

        /// In the user's home, for when the plan's directory cannot be written:
        /// `~/.actionplan/recovery/PLAN-HASH.actionplan-recovery`, the hash naming the plan's full path.
        static func inHome(_ plan: String) -> Place? {
            guard let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty else { return nil }
            var real = (try? SaveTarget.resolve(plan).path) ?? plan
            if !real.hasPrefix("/") {
                var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                if getcwd(&buf, buf.count) != nil {
                    let cwd = buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
                    real = String(decoding: cwd, as: UTF8.self) + "/" + real
                }
            }
            let hash = String(ContentHash.fnv1a(Array(real.utf8)), radix: 16)
            return Place(
                directory: home + "/.actionplan/recovery",
                name: PlanStore.fileName(of: real) + "-" + hash + ".actionplan-recovery")
        }

        /// The recovery files here, oldest (lowest number) first.
        func existing() -> [String] {
            var found: [(String, Int)] = []
            for entry in PlanStore.names(in: directory) {
                if entry == name {
                    found.append((path(1), 1))
                } else if entry.hasPrefix(name + "-"), let n = Int(entry.dropFirst(name.count + 1)), n >= 2 {
                    found.append((path(n), n))
                }
            }
            return found.sorted { $0.1 < $1.1 }.map(\.0)
        }

        /// The first name here not in use, reserved by creating it empty with `mode`; nil when none can be made.
        func reserve(mode: mode_t) -> String? {
            for n in 1...1000 {
                let candidate = path(n)
                let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
                if fd >= 0 {
                    _ = fchmod(fd, mode)
                    close(fd)
                    return candidate
                }
                if errno != EEXIST { return nil }
            }
            return nil
        }
    }

    /// The recovery files waiting for `plan`, oldest first: beside it, then any kept in the home directory
    /// because the plan's directory could not be written.
    public static func find(for plan: String) -> [String] {
        Place.besidePlan(plan).existing() + (Place.inHome(plan)?.existing() ?? [])
    }

    /// Reads recovery file `path` and its base.
    public static func read(_ path: String) throws -> Recovered {
        let plan = try PlanStore.load(path)
        let base = PlanStore.exists(basePath(of: path)) ? try PlanStore.load(basePath(of: path)) : nil
        return Recovered(path: path, plan: plan, base: base)
    }

    /// Writes `plan` (edited from `base`) as a recovery file for the plan at `planPath` and returns its path:
    /// `reuse` when given (this session's own earlier recovery file), else the first free name beside the
    /// plan — or, when the plan's directory cannot be written, in `~/.actionplan/recovery/`, so the work
    /// is not lost. The base is written first, so a recovery file never lacks its base.
    public static func write(plan: Plan, base: Plan, for planPath: String, reuse: String? = nil) throws -> String {
        var st = stat()
        let real = (try? SaveTarget.resolve(planPath).path) ?? planPath
        let mode: mode_t = stat(real, &st) == 0 ? (st.st_mode & 0o777) | 0o600 : 0o600
        let baseBytes = PlanCodec.encode(base)
        let bytes = PlanCodec.encode(plan)
        try PlanStore.refuseOversized(bytes, file: planPath)
        func attempt(_ path: String, reserved: Bool) throws {
            do {
                try PlanStore.writeAtomically(baseBytes, to: basePath(of: path), newFileMode: mode)
                try PlanStore.writeAtomically(bytes, to: path, newFileMode: mode)
            } catch {
                if reserved { delete(path) }
                throw error
            }
        }
        if let reuse {
            try attempt(reuse, reserved: false)
            return reuse
        }
        var firstError: Error?
        if let path = Place.besidePlan(planPath).reserve(mode: mode) {
            do {
                try attempt(path, reserved: true)
                return path
            } catch { firstError = error }
        }
        let why =
            firstError.map { "\($0)" }
            ?? "cannot create files in \(PlanStore.directory(of: real)) (\(PlanStore.errnoText()))"
        guard let home = Place.inHome(planPath) else { throw PlanError(.notSaved, file: planPath, message: why) }
        mkdir(PlanStore.directory(of: home.directory), 0o700)
        mkdir(home.directory, 0o700)
        guard let path = home.reserve(mode: 0o600) else {
            throw PlanError(
                .notSaved, file: planPath, message: "\(why); nor in \(home.directory) (\(PlanStore.errnoText()))")
        }
        try attempt(path, reserved: true)
        return path
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
