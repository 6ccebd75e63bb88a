/// Which actions a list shows: by theme, lead, rating, overdue or due soon.
///
/// One filter type serves `actionplan list`, the terminal UI's views and the
/// reports, so "overdue" and "due within 30 days" mean the same everywhere.
public struct ActionFilter: Hashable, Sendable {
    /// Only this theme number.
    public var theme: Int?
    /// Only actions with this lead code (case-insensitive).
    public var lead: String?
    /// Only these ratings; `includeUnrated` adds unrated actions.
    public var ratings: Set<Rating>?
    /// With `ratings`, also keep unrated actions.
    public var includeUnrated = false
    /// Only overdue actions.
    public var overdueOnly = false
    /// Only actions not Blue whose deadline is between today and today + N days.
    public var dueWithin: Int?

    /// A filter; all nil means every action.
    public init(
        theme: Int? = nil, lead: String? = nil, ratings: Set<Rating>? = nil, overdueOnly: Bool = false,
        dueWithin: Int? = nil
    ) {
        self.theme = theme
        self.lead = lead
        self.ratings = ratings
        self.overdueOnly = overdueOnly
        self.dueWithin = dueWithin
    }

    /// Whether this filter keeps everything.
    public var isEmpty: Bool {
        theme == nil && lead == nil && ratings == nil && !overdueOnly && dueWithin == nil
    }

    /// Whether `action` of theme number `themeNumber` passes on `today`.
    public func matches(_ action: Action, themeNumber: Int, asOf today: CalendarDay) -> Bool {
        if let theme, theme != themeNumber { return false }
        if let lead {
            let l = lead.lowercased()
            if !action.leads.contains(where: { $0.lowercased() == l }) { return false }
        }
        if let ratings {
            if let r = action.rating {
                if !ratings.contains(r) { return false }
            } else if !includeUnrated {
                return false
            }
        }
        if overdueOnly && action.daysOverdue(asOf: today) == nil { return false }
        if let dueWithin {
            guard action.rating != .blue, let d = action.deadline, d >= today, today.days(until: d) <= dueWithin
            else { return false }
        }
        return true
    }

    /// The matching actions of `plan` in plan order.
    public func apply(to plan: Plan, asOf today: CalendarDay) -> [LocatedAction] {
        var out: [LocatedAction] = []
        for (ti, t) in plan.themes.enumerated() {
            for (gi, g) in t.groups.enumerated() {
                for (ai, a) in g.actions.enumerated() where matches(a, themeNumber: t.number, asOf: today) {
                    out.append(LocatedAction(action: a, path: ActionPath(theme: ti, group: gi, action: ai)))
                }
            }
        }
        return out
    }

    /// Overdue actions of `plan` on `today`, most overdue first, ties in plan order.
    public static func overdue(in plan: Plan, asOf today: CalendarDay) -> [LocatedAction] {
        overduePaths(in: plan, asOf: today).map { LocatedAction(action: plan[$0], path: $0) }
    }

    /// Where the overdue actions of `plan` are on `today`, most overdue first, ties in plan order: only each
    /// overdue action's deadline and place are gathered and sorted (no action is copied).
    public static func overduePaths(in plan: Plan, asOf today: CalendarDay) -> [ActionPath] {
        var found: [(deadline: Int, path: ActionPath)] = []
        for ti in plan.themes.indices {
            for gi in plan.themes[ti].groups.indices {
                for ai in plan.themes[ti].groups[gi].actions.indices {
                    let deadline = plan.themes[ti].groups[gi].actions[ai].deadline
                    let rating = plan.themes[ti].groups[gi].actions[ai].rating
                    guard Action.isOverdue(deadline: deadline, rating: rating, asOf: today), let d = deadline else {
                        continue
                    }
                    found.append((d.ordinal, ActionPath(theme: ti, group: gi, action: ai)))
                }
            }
        }
        // Most overdue is earliest deadline; `sort` is stable, so ties keep plan order.
        found.sort { $0.deadline < $1.deadline }
        return found.map(\.path)
    }
}
