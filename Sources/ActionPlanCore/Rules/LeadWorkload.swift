/// One lead's workload on a day: how many actions they lead, how many are overdue, and how many have not been
/// updated since the last snapshot (the chase list a manager sends each lead).
public struct LeadWorkload: Hashable, Sendable {
    /// The lead as the plan writes it (a code such as `BT`, or a name or role).
    public var lead: String
    /// The officer's name from the register, when the lead is a code in it.
    public var name: String?
    /// Actions the lead leads (alone or with others).
    public var actions = 0
    /// Of those, overdue on the day.
    public var overdue = 0
    /// Of those, not Blue and not updated (no rating change, note or revision) since the snapshot.
    public var notUpdated = 0

    /// Every lead of `plan` with their workload as of `day`, most overdue first (then most not updated,
    /// then by lead), and the snapshot "not updated" is counted from: the latest taken before `day`, or nil
    /// (then nothing counts as not updated).
    public static func of(_ plan: Plan, asOf day: CalendarDay) -> (leads: [LeadWorkload], since: Snapshot?) {
        let snapshot = plan.latestSnapshot(before: day)
        var then: [String: SnapshotEntry] = [:]
        for e in snapshot?.actions ?? [] { then[e.id] = e }
        var byLead: [String: LeadWorkload] = [:]
        for a in plan.allActions {
            let late = a.daysOverdue(asOf: day) != nil
            let stale = then[a.id].map { a.isNotUpdated(since: $0) } ?? false
            for lead in Set(a.leads) {
                var w = byLead[lead] ?? LeadWorkload(lead: lead, name: plan.officers.first { $0.code == lead }?.name)
                w.actions += 1
                if late { w.overdue += 1 }
                if stale { w.notUpdated += 1 }
                byLead[lead] = w
            }
        }
        let leads = byLead.values.sorted {
            ($0.overdue, $0.notUpdated, $1.lead) > ($1.overdue, $1.notUpdated, $0.lead)
        }
        return (leads, snapshot)
    }
}

extension Action {
    /// Whether the action is not Blue and has had no rating change, note or revision since `entry` (its
    /// position in a snapshot) was taken: the one "not updated since the last report" rule.
    public func isNotUpdated(since entry: SnapshotEntry) -> Bool {
        rating != .blue && updateCount <= entry.updates
    }
}
