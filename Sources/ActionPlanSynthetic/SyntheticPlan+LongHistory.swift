import ActionPlanCore

extension SyntheticPlan {
    /// A plan of `actions` actions with `years` years of monthly updates: each month, every action gets a
    /// rating-history entry and a progress note (500 actions over ten years: 60,000 of each). Real plans grow
    /// this way — by their history, not by their number of actions.
    public static func longHistory(actions count: Int, years: Int, seed: UInt64 = 1) -> Plan {
        var plan = make(actions: count, seed: seed)
        var rng = SplitMix(seed ^ 0x4157)
        let ratings: [Rating?] = [.green, .green, .amber, .red, .green]
        let start = CalendarDay(year: 2009, month: 1, day: 1)!
        for t in plan.themes.indices {
            for g in plan.themes[t].groups.indices {
                for a in plan.themes[t].groups[g].actions.indices {
                    var action = plan.themes[t].groups[g].actions[a]
                    var history: [RatingChange] = []
                    var notes: [ProgressNote] = []
                    var previous: Rating? = nil
                    for month in 0..<(years * 12) {
                        let day = CalendarDay(
                            year: start.year + month / 12, month: 1 + month % 12, day: 1 + Int(rng.next() % 28))!
                        let to = month == years * 12 - 1 ? action.rating : ratings[Int(rng.next() % 5)]
                        history.append(
                            RatingChange(
                                date: day, from: previous, to: to, by: "CM",
                                note: "Monthly review \(month + 1): reported by the lead at the improvement board"))
                        notes.append(
                            ProgressNote(
                                date: day, by: "CM", text: "Month \(month + 1): evidence gathered, next steps agreed"))
                        previous = to
                    }
                    action.history = history
                    action.notes = notes
                    plan.themes[t].groups[g].actions[a] = action
                }
            }
        }
        return plan
    }
}
