import ActionPlanCore

extension SyntheticPlan {
    /// The plan of ``make(actions:seed:)`` with every deadline an ISO day within a year either side of `today`
    /// (no date revisions), so that a program that reads the clock (Taskwarrior, in the benchmark's side-by-side
    /// run) and `actionplan overdue` judge the same deadlines on the same day.
    public static func aroundToday(actions count: Int, today: CalendarDay, seed: UInt64 = 1) -> Plan {
        var plan = make(actions: count, seed: seed)
        var rng = SplitMix(seed ^ 0x5EED)
        for t in plan.themes.indices {
            for g in plan.themes[t].groups.indices {
                for a in plan.themes[t].groups[g].actions.indices {
                    let offset = Int(rng.next() % 731) - 365
                    plan.themes[t].groups[g].actions[a].revisions = []
                    plan.themes[t].groups[g].actions[a].deliveryDate = today.adding(days: offset).description
                }
            }
        }
        return plan
    }
}
