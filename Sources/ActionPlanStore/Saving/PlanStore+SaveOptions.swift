import ActionPlanCore

extension PlanStore {
    /// How a locked save behaves: backups kept, how long to wait for the lock, when a lock is stale, and
    /// where warnings go.
    ///
    /// The defaults suit a plan on a local disk or a shared drive: a save holds
    /// the lock for milliseconds, so a minute of waiting only runs out when
    /// something is wrong, and a lock from another machine older than 30 seconds
    /// is left by a dead or frozen process. The CLI reads overrides from the
    /// environment.
    public struct SaveOptions: Sendable, Equatable {
        /// How many earlier versions to keep in `.NAME.backups/` beside the plan (0: none).
        public var backups: Int
        /// Seconds to wait for the lock before giving up.
        public var lockTimeout: Double
        /// Seconds after which a lock file left by another machine is stale and is taken over.
        public var staleLockAge: Double
        /// Told about what a save could not do but that did not stop it (a backup that could not be kept),
        /// so nothing is skipped silently. The CLI prints it on stderr; the terminal UI on its status line.
        public var warn: (@Sendable (String) -> Void)?
        /// For tests: called at each stage of a locked save, on the saving thread.
        var stage: (@Sendable (SaveStage) -> Void)?

        /// Options.
        public init(
            backups: Int = 5, lockTimeout: Double = 60, staleLockAge: Double = 30,
            warn: (@Sendable (String) -> Void)? = nil
        ) {
            self.backups = backups
            self.lockTimeout = lockTimeout
            self.staleLockAge = staleLockAge
            self.warn = warn
        }

        /// The defaults: 5 backups, 60 s wait, stale after 30 s, warnings dropped.
        public static let standard = SaveOptions()

        /// The defaults, overridden by `ACTIONPLAN_BACKUPS`, `ACTIONPLAN_LOCK_TIMEOUT` and
        /// `ACTIONPLAN_LOCK_STALE` (seconds) when they hold a number of 0 or more.
        public init(environment: [String: String], warn: (@Sendable (String) -> Void)? = nil) {
            self.init(warn: warn)
            if let n = environment["ACTIONPLAN_BACKUPS"].flatMap({ Int($0) }), n >= 0 { backups = min(n, 1000) }
            if let t = environment["ACTIONPLAN_LOCK_TIMEOUT"].flatMap({ Double($0) }), t >= 0 { lockTimeout = t }
            if let s = environment["ACTIONPLAN_LOCK_STALE"].flatMap({ Double($0) }), s > 0 { staleLockAge = s }
        }

        /// Equal when the settings are (the callbacks are not compared).
        public static func == (a: SaveOptions, b: SaveOptions) -> Bool {
            a.backups == b.backups && a.lockTimeout == b.lockTimeout && a.staleLockAge == b.staleLockAge
        }
    }

    /// The stages of a locked save, reported to ``SaveOptions/stage`` (for tests that act between them).
    enum SaveStage: Sendable {
        /// The new version is written and flushed to `temporary`; next come the last checks (the lock is still
        /// ours, the file is still the one read), the backup and the rename.
        case readyToRename(temporary: String)
        /// The file changed since it was read; the save reads it again and merges (`attempt` from 1).
        case changedMeanwhile(attempt: Int)
        /// ``updateAction(_:id:options:_:)`` replaces one action's bytes of a file it stamped as its own
        /// encoding, without reading the others.
        case replacingOneAction
    }
}
