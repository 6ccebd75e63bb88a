import ActionPlanCore

/// The workload screen (W): each lead's actions, overdue and not updated since the last snapshot, with one
/// lead selected (Enter lists that lead's actions).
public struct WorkloadScreen: Hashable, Sendable {
    /// The leads, most overdue first (``LeadWorkload/of(_:asOf:)``).
    public var leads: [LeadWorkload]
    /// The snapshot "not updated" counts from, as `label (date)`, or nil when the plan has none before the day.
    public var since: String?
    /// The selected lead, an index into `leads`.
    public var selected = 0

    /// The screen for `plan` as of `day`.
    public init(_ plan: Plan, asOf day: CalendarDay) {
        let (leads, snapshot) = LeadWorkload.of(plan, asOf: day)
        self.leads = leads
        since = snapshot.map { "\($0.label) (\($0.date))" }
    }
}
