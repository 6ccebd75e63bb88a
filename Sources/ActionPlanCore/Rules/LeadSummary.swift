/// Who leads what, the one per-lead rule: every lead of a plan with its counts by rating, overdue, and not
/// updated since the last snapshot (`actionplan leads`, the TUI's workload screen), and the codes a lead
/// filter can name.
///
/// The register's officers come first, in the document's order (a code the register holds twice, as
/// Barnet's `KM`, is one lead whose name reads `Name or Name`), then every other lead the actions name
/// (groups, names written in full, codes the register lacks) in the order they first appear. The plan is
/// walked once.
public struct LeadSummary: Hashable, Sendable {
    /// One lead and the actions it leads.
    public struct Lead: Hashable, Sendable {
        /// The code as the register or the actions write it (`BJ`, `All HoS`, `Head of Service`).
        public var code: String
        /// How the code resolves against the register.
        public var resolution: LeadResolution
        /// The officer's role, `Role or Role` for a shared code, empty for anything but an officer.
        public var role: String
        /// The actions it leads (joint leads count for each), by rating, and overdue on the day.
        public var counts: RatingCounts
        /// Of those, not Blue and not updated (no rating change, note or revision) since `since`
        /// (`Action.isNotUpdated(since:)`); 0 when there is no such snapshot.
        public var notUpdated: Int

        /// The name to show: the officer's, `Name or Name`, the group or name as written, `XX (unknown code)`.
        public var name: String { resolution.displayName }

        /// The register's name for the code (`Name or Name` when shared), empty for a lead it lacks.
        public var registerName: String {
            switch resolution {
            case .officer, .ambiguous: return resolution.displayName
            default: return ""
            }
        }

        /// `officer`, `shared` (several officers have the code), `group`, `name` or `unknown`.
        public var kind: String {
            switch resolution {
            case .officer: return "officer"
            case .ambiguous: return "shared"
            case .group: return "group"
            case .name: return "name"
            case .unknown: return "unknown"
            }
        }
    }

    /// The leads in the order described above.
    public var leads: [Lead]
    /// The snapshot "not updated" counts from: the latest taken before the day, or nil (then nothing counts).
    public var since: Snapshot?

    /// The leads of `plan`, counted on `today`.
    public init(_ plan: Plan, asOf today: CalendarDay) {
        since = plan.latestSnapshot(before: today)
        var then: [String: SnapshotEntry] = [:]
        for e in since?.actions ?? [] { then[e.id] = e }
        var order: [String] = []
        var counts: [String: RatingCounts] = [:]
        var notUpdated: [String: Int] = [:]
        for code in plan.officers.map(\.code) where counts[code] == nil {
            order.append(code)
            counts[code] = RatingCounts()
        }
        for theme in plan.themes {
            for group in theme.groups {
                for action in group.actions {
                    let stale = then[action.id].map { action.isNotUpdated(since: $0) } ?? false
                    var seen: Set<String> = []
                    for code in action.leads where seen.insert(code).inserted {
                        if counts[code] == nil { order.append(code) }
                        counts[code, default: RatingCounts()].add(action, asOf: today)
                        if stale { notUpdated[code, default: 0] += 1 }
                    }
                }
            }
        }
        leads = order.map { code in
            let resolution = plan.resolve(lead: code)
            let role: String
            switch resolution {
            case .officer(let o): role = o.role
            case .ambiguous(let os): role = os.map(\.role).joined(separator: " or ")
            default: role = ""
            }
            return Lead(
                code: code, resolution: resolution, role: role, counts: counts[code] ?? RatingCounts(),
                notUpdated: notUpdated[code] ?? 0)
        }
    }

    /// The leads that lead at least one action, most overdue first, then most not updated, then by code (the
    /// chase list: the workload screen's order).
    public var mostOverdueFirst: [Lead] {
        leads.filter { $0.counts.total > 0 }.sorted {
            ($0.counts.overdue, $0.notUpdated, $1.code) > ($1.counts.overdue, $1.notUpdated, $0.code)
        }
    }

    /// The snapshot "not updated" counts from as `label (date)`, or nil when there is none.
    public var sinceText: String? { since.map { "\($0.label) (\($0.date))" } }

    /// The codes of `plan`'s leads in the order above, without counting anything (what the shell completes).
    public static func codes(_ plan: Plan) -> [String] {
        var seen: Set<String> = []
        let used = plan.themes.lazy.flatMap(\.groups).flatMap(\.actions).flatMap(\.leads)
        return (plan.officers.map(\.code) + used).filter { seen.insert($0).inserted }
    }

    /// Whether a lead filter for `code` can match anything or names the register: it is one of the leads,
    /// compared without regard to case as `ActionFilter` compares them.
    public func contains(code: String) -> Bool {
        let c = code.lowercased()
        return leads.contains { $0.code.lowercased() == c }
    }

    /// The codes nearest to `code`, at most `limit`, nearest first (`ZZ` → the two-letter codes).
    public func nearest(to code: String, limit: Int = 5) -> [String] {
        NearestNames.nearest(to: code, among: leads.map(\.code), limit: limit)
    }
}
