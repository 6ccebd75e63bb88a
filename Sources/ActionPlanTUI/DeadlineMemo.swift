import ActionPlanCore

/// Remembers the deadline each delivery-date text parses to, so views over 100,000 actions stay fast.
///
/// `Action.deadline` parses its text every time; plans repeat a few dozen date
/// texts (`March 2019`, `Ongoing`), so looking them up by text is far cheaper.
/// The memo only caches a pure function, so sharing it between state values
/// does not make ``Update`` impure.
public final class DeadlineMemo: @unchecked Sendable {
    private var cache: [String: CalendarDay?] = [:]

    /// An empty memo.
    public init() {}

    /// The deadline of `action`: that of its latest revision's date, else of its delivery date.
    ///
    /// Equal to `action.deadline`.
    public func deadline(of action: Action) -> CalendarDay? {
        let text = action.revisions.last?.date ?? action.deliveryDate
        if let hit = cache[text] { return hit }
        let d = DeliveryDate.parse(text).deadline
        if cache.count > 100_000 { cache.removeAll() }
        cache[text] = d
        return d
    }

    /// Days overdue on `today`, exactly as `Action.daysOverdue(asOf:)`.
    public func daysOverdue(_ action: Action, asOf today: CalendarDay) -> Int? {
        guard action.rating != .blue, let d = deadline(of: action), d < today else { return nil }
        return d.days(until: today)
    }
}
