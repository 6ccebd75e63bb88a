import ActionPlanCore

extension SyntheticPlan {
    /// `count` measures for `plan` (about a third with three sub-measures), each with twelve monthly figures in a
    /// unit of its own, a target and a polarity, evidencing the plan's actions in turn; the same for the same `seed`.
    public static func measures(_ count: Int, for plan: Plan, seed: UInt64 = 7) -> [Measure] {
        var rng = SplitMix(seed)
        let ids = plan.allActions.map(\.id)
        let months = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]
        let units: [MeasureUnit] = [.number, .percent, .days, .weeks, .ratio]
        func figures(_ unit: MeasureUnit) -> [MeasureObservation] {
            var v = Double(10 + rng.next() % 80)
            return months.enumerated().map { i, m in
                v = max(0, v + Double(Int(rng.next() % 11) - 5) / 2)
                let period = "\(m)-\(i < 9 ? 19 : 20)"
                switch unit {
                case .number: return MeasureObservation(period: period, value: MeasureValue.plain(v))
                case .percent: return MeasureObservation(period: period, value: MeasureValue.plain(min(v, 100)) + "%")
                case .days: return MeasureObservation(period: period, value: "\(Int(v)) days")
                case .weeks: return MeasureObservation(period: period, value: MeasureValue.plain(v / 4) + " weeks")
                case .ratio: return MeasureObservation(period: period, value: "\(Int(v) / 4)/\(Int(v) / 2 + 1)")
                }
            }
        }
        return (0..<count).map { n in
            let unit = units[n % units.count]
            let obs = figures(unit)
            var m = Measure(
                id: "M\(n + 1)", title: "Synthetic measure \(n + 1) of children seen in time",
                unit: unit, polarity: n % 2 == 0 ? .higher : .lower,
                target: unit == .ratio ? nil : obs[obs.count / 2].value,
                planIDs: ids.isEmpty ? [] : [ids[n % ids.count]], observations: obs)
            if n % 3 == 0 {
                m.subMeasures = (1...3).map { s in
                    Measure(
                        id: "M\(n + 1).\(s)", title: "Team \(s)", unit: unit, polarity: m.polarity, target: m.target,
                        observations: figures(unit))
                }
            }
            return m
        }
    }
}
