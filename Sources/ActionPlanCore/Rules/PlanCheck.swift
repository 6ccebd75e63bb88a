/// Lints a plan against the rules a committee will apply to it.
///
/// Finds unknown or ambiguous lead codes (a lead written as a name or role is not a code and is not
/// reported), missing or unparseable deadlines,
/// Green actions that are overdue (the rating should have moved), Blue actions
/// with no history entry recording their completion, duplicate IDs, and recommendations no live action answers.
public enum PlanCheck {
    /// One problem found.
    public struct Finding: Hashable, Sendable, CustomStringConvertible {
        /// The action concerned, or empty for plan-level findings.
        public var id: String
        /// A short category, e.g. `unknown-lead`.
        public var rule: String
        /// What is wrong.
        public var message: String

        /// `ID: rule: message`.
        public var description: String { (id.isEmpty ? "" : id + ": ") + rule + ": " + message }
    }

    /// Every finding for `plan` on `today`, in plan order.
    public static func run(_ plan: Plan, asOf today: CalendarDay) -> [Finding] {
        var out: [Finding] = []
        var codeCount: [String: Int] = [:]
        for o in plan.officers { codeCount[o.code, default: 0] += 1 }
        var seen: Set<String> = []
        for t in plan.themes {
            for a in t.actions {
                if seen.contains(a.id) {
                    out.append(
                        Finding(id: a.id, rule: "duplicate-id", message: "ID \(a.id) is used by more than one action"))
                }
                seen.insert(a.id)
                if a.leads.isEmpty {
                    out.append(Finding(id: a.id, rule: "no-lead", message: "no lead"))
                }
                for l in a.leads {
                    switch plan.resolve(lead: l) {
                    case .unknown:
                        out.append(
                            Finding(
                                id: a.id, rule: "unknown-lead",
                                message: "lead code \(l) is not in the officers register"))
                    case .ambiguous(let os):
                        out.append(
                            Finding(
                                id: a.id, rule: "ambiguous-lead",
                                message:
                                    "lead code \(l) matches \(os.count) officers: \(os.map(\.name).joined(separator: ", "))"
                            ))
                    case .officer, .group, .name: break
                    }
                }
                switch a.currentDelivery {
                case .notSet:
                    out.append(
                        Finding(id: a.id, rule: "no-deadline", message: "no delivery date yet (\"\(a.deliveryDate)\")"))
                case .unrecognised(let why):
                    let text = a.revisions.last?.date ?? a.deliveryDate
                    out.append(
                        Finding(id: a.id, rule: "bad-date", message: "delivery date \"\(text)\" not understood: \(why)")
                    )
                default: break
                }
                if a.rating == .green, let days = a.daysOverdue(asOf: today) {
                    out.append(
                        Finding(
                            id: a.id, rule: "green-overdue",
                            message:
                                "rated Green but \(days) days past its deadline \(a.deadline!) — review the rating or revise the date"
                        ))
                }
                if let last = a.history.last, last.to != a.rating {
                    out.append(
                        Finding(
                            id: a.id, rule: "history-disagrees",
                            message:
                                "rated \(a.rating?.name ?? "unrated") but its last history entry (\(last.date), \(last.by)) "
                                + "changes it to \(last.to?.name ?? "unrated") — rate it again with a note"))
                }
                if a.rating == .blue, !a.history.contains(where: { $0.to == .blue }) {
                    out.append(
                        Finding(
                            id: a.id, rule: "blue-unrecorded",
                            message: "rated Blue with no history entry recording its completion"))
                }
            }
        }
        for (code, n) in codeCount.sorted(by: { $0.key < $1.key }) where n > 1 {
            out.append(Finding(id: "", rule: "duplicate-officer", message: "officer code \(code) is listed \(n) times"))
        }
        for c in RecommendationCoverage.of(plan, asOf: today) {
            if c.isUncovered {
                out.append(
                    Finding(
                        id: "", rule: "uncovered-recommendation",
                        message: "recommendation \(c.recommendation.id) (\(c.recommendation.source)) has no live action"
                            + " — link one with `actionplan link PLAN ACTION \"\(c.recommendation.id)\"`"))
            }
            for id in c.missing {
                out.append(
                    Finding(
                        id: "", rule: "stale-link",
                        message:
                            "recommendation \(c.recommendation.id) is linked to action \(id), which is not in the plan")
                )
            }
        }
        return out
    }
}
