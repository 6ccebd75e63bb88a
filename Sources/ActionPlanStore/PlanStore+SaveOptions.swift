import ActionPlanCore

extension PlanStore {
    /// How a locked save behaves: backups kept, how long to wait for the lock, when a lock is stale.
    ///
    /// The defaults suit a plan on a local disk or a shared drive: a save holds
    /// the lock for milliseconds, so a minute of waiting only runs out when
    /// something is wrong, and a lock older than 30 seconds is left by a dead or
    /// frozen process. The CLI reads overrides from the environment.
    public struct SaveOptions: Sendable, Equatable {
        /// How many earlier versions to keep in `.NAME.backups/` beside the plan (0: none).
        public var backups: Int
        /// Seconds to wait for the lock before giving up.
        public var lockTimeout: Double
        /// Seconds after which a lock file is stale and is taken over.
        public var staleLockAge: Double

        /// Options.
        public init(backups: Int = 5, lockTimeout: Double = 60, staleLockAge: Double = 30) {
            self.backups = backups
            self.lockTimeout = lockTimeout
            self.staleLockAge = staleLockAge
        }

        /// The defaults: 5 backups, 60 s wait, stale after 30 s.
        public static let standard = SaveOptions()

        /// The defaults, overridden by `ACTIONPLAN_BACKUPS`, `ACTIONPLAN_LOCK_TIMEOUT` and
        /// `ACTIONPLAN_LOCK_STALE` (seconds) when they hold a number of 0 or more.
        public init(environment: [String: String]) {
            self.init()
            if let n = environment["ACTIONPLAN_BACKUPS"].flatMap({ Int($0) }), n >= 0 { backups = min(n, 1000) }
            if let t = environment["ACTIONPLAN_LOCK_TIMEOUT"].flatMap({ Double($0) }), t >= 0 { lockTimeout = t }
            if let s = environment["ACTIONPLAN_LOCK_STALE"].flatMap({ Double($0) }), s > 0 { staleLockAge = s }
        }
    }
}
