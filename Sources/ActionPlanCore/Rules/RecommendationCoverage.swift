/// How the plan covers one recommendation: the actions linked to it (`actionplan link`) with their ratings and
/// how overdue they are. A recommendation with no live action — none linked, or only IDs no longer in the
/// plan — is uncovered (`actionplan coverage`, `check`, the report's Recommendations section).
public struct RecommendationCoverage: Sendable {
    /// One linked action as it stands.
    public struct Linked: Sendable {
        /// The action.
        public var action: Action
        /// Days past its deadline on the day judged, or nil.
        public var daysOverdue: Int?
    }

    /// The recommendation.
    public var recommendation: Recommendation
    /// The linked actions found in the plan, in link order.
    public var actions: [Linked]
    /// Linked IDs that are not in the plan.
    public var missing: [String]

    /// Whether no live action answers it.
    public var isUncovered: Bool { actions.isEmpty }

    /// The coverage of every recommendation of `plan`, in the register's order, judged on `today`.
    public static func of(_ plan: Plan, asOf today: CalendarDay) -> [RecommendationCoverage] {
        guard !plan.recommendations.isEmpty else { return [] }
        var byID: [String: Action] = [:]
        for a in plan.allActions where byID[a.id] == nil { byID[a.id] = a }
        return plan.recommendations.map { r in
            RecommendationCoverage(
                recommendation: r,
                actions: r.actions.compactMap { id in
                    byID[id].map { Linked(action: $0, daysOverdue: $0.daysOverdue(asOf: today)) }
                },
                missing: r.actions.filter { byID[$0] == nil })
        }
    }

    /// `1a(i) G, 2b(iii) A overdue 40 days`, or `none`.
    public var actionsText: String {
        if actions.isEmpty {
            return missing.isEmpty ? "none" : "none (not in the plan: \(missing.joined(separator: ", ")))"
        }
        return actions.map { l in
            "\(l.action.id) \(l.action.rating.badgeLetter)" + (l.daysOverdue.map { " overdue \($0) days" } ?? "")
        }.joined(separator: ", ")
    }
}
