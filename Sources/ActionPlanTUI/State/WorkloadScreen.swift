import ActionPlanCore

/// The workload screen (W): each lead's actions, overdue and not updated since the last snapshot, with one
/// lead selected (Enter lists that lead's actions).
public struct WorkloadScreen: Hashable, Sendable {
    /// The leads of at least one action, most overdue first (``LeadSummary/mostOverdueFirst``).
    public var leads: [LeadSummary.Lead]
    /// The snapshot "not updated" counts from, as `label (date)`, or nil when the plan has none before the day.
    public var since: String?
    /// The selected lead, an index into `leads`.
    public var selected = 0

    /// The screen for `plan` as of `day`.
    public init(_ plan: Plan, asOf day: CalendarDay) {
        let summary = LeadSummary(plan, asOf: day)
        leads = summary.mostOverdueFirst
        since = summary.sinceText
    }
}
