import ActionPlanCore

/// Generates large, realistic plans for benchmarks and load tests.
///
/// Real plans hold tens of actions; the targets (100,000 actions under 1.5 s)
/// need plans far bigger than any document, with the same shape: six themes,
/// groups, varied dates (months, days, quarters, recurring, TBC), ratings,
/// several leads, and histories and notes. Deterministic for a given seed.
public enum SyntheticPlan {
    /// A plan of `actions` actions, the same for the same `seed`.
    public static func make(actions count: Int, seed: UInt64 = 1) -> Plan {
        var rng = SplitMix(seed)
        let codes = [
            "CM", "TMcE", "BJ", "KP", "SM", "KPop", "NH", "SL", "YP", "DS", "BT", "GL", "CS", "JH", "AD", "HM",
        ]
        var plan = Plan(
            title: "Synthetic Improvement Action Plan (\(count) actions)", organisation: "Benchmark Borough",
            version: "Generated", period: "April 2019 – March 2021",
            officers: codes.map { Officer(code: $0, name: "Officer \($0)", role: "Head of Service \($0)") })
        let themeCount = 6
        var made = 0
        for t in 0..<themeCount {
            var theme = Theme(
                number: t + 1, title: "Theme \(t + 1): improving services for children, part \(t + 1)",
                leads: ["Officer \(codes[t])"],
                narrative: [
                    NarrativeBlock(heading: "What do we need to fix?", text: "Practice is not yet consistently good."),
                    NarrativeBlock(heading: "What do we want to see?", text: "- Timely decisions\n- Children heard"),
                ])
            let share = t == themeCount - 1 ? count - made : count / themeCount
            var inTheme = 0
            var groupIndex = 0
            while inTheme < share {
                let size = min(share - inTheme, 5 + Int(rng.next() % 40))
                var group = ActionGroup(title: groupIndex == 0 && t % 2 == 1 ? nil : "Group \(t + 1).\(groupIndex + 1)")
                for _ in 0..<size {
                    made += 1
                    inTheme += 1
                    group.actions.append(action(number: made, theme: t + 1, codes: codes, rng: &rng))
                }
                theme.groups.append(group)
                groupIndex += 1
            }
            plan.themes.append(theme)
        }
        return plan
    }

    private static func action(number: Int, theme: Int, codes: [String], rng: inout SplitMix) -> Action {
        let months = CalendarDay.monthNames
        let dateKind = rng.next() % 20
        let year = 2018 + Int(rng.next() % 3)
        let date: String
        switch dateKind {
        case 0: date = "Ongoing"
        case 1: date = "Quarterly"
        case 2: date = "TBC"
        case 3: date = "Q\(1 + rng.next() % 4) \(year)/\(String((year + 1) % 100))"
        case 4, 5: date = "\(1 + rng.next() % 28)/\(1 + rng.next() % 12)/\(year)"
        default: date = "\(months[Int(rng.next() % 12)]) \(year)"
        }
        let ratings: [Rating?] = [.green, .green, .green, .amber, .blue, .red, nil, .green]
        let rating = ratings[Int(rng.next() % UInt64(ratings.count))]
        var a = Action(
            id: "\(theme).\(number)",
            crossReferences: number % 3 == 0 ? ["\(theme)a(\(number % 7))", "T\(number % 9)"] : [],
            text: "Action \(number): ensure that every child's plan is reviewed on time and that managers see the "
                + "evidence of impact, with partners across the borough (\(number))",
            leads: number % 5 == 0
                ? [codes[number % codes.count], codes[(number + 3) % codes.count]] : [codes[number % codes.count]],
            deliveryDate: date, rating: rating)
        let historyCount = Int(rng.next() % 4)
        var previous: Rating? = .green
        for h in 0..<historyCount {
            let to = h == historyCount - 1 ? rating : ratings[Int(rng.next() % UInt64(ratings.count))]
            a.history.append(
                RatingChange(
                    date: CalendarDay(year: 2018, month: 10, day: 1)!.adding(days: 30 * h + Int(rng.next() % 20)),
                    from: previous, to: to, by: codes[Int(rng.next() % UInt64(codes.count))],
                    note: "Reviewed at improvement board \(h + 1): progress as reported by the lead"))
            previous = to
        }
        if rng.next() % 3 == 0 {
            a.notes.append(
                ProgressNote(
                    date: CalendarDay(year: 2019, month: 1, day: 1 + Int(rng.next() % 28))!,
                    by: codes[number % codes.count],
                    text: "Update: workshop held with partners; next review due"))
        }
        if rng.next() % 10 == 0 {
            a.revisions.append(
                DateRevision(
                    date: "\(months[Int(rng.next() % 12)]) \(year + 1)",
                    on: CalendarDay(year: 2019, month: 1, day: 15)!,
                    by: codes[number % codes.count], reason: "Revised at board"))
        }
        return a
    }

    /// A tiny deterministic random number generator (SplitMix64), for synthetic plans and seeded tests.
    public struct SplitMix: Sendable {
        /// The generator's state; the seed to begin with.
        public var state: UInt64
        /// A generator seeded with `seed`.
        public init(_ seed: UInt64) { state = seed }
        /// The next number.
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
