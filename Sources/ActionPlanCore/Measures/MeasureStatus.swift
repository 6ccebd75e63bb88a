/// What a measure's figures say, derived from its observations, polarity and target (never stored): the
/// latest and previous values, the change, the direction of travel and the rating against the target.
public struct MeasureStatus: Sendable {
    /// Whether the latest value meets the target.
    public enum TargetStatus: String, Hashable, Sendable {
        /// Meets or beats it (Green).
        case onTarget = "on target"
        /// Misses it by no more than a tenth of the target (Amber).
        case nearTarget = "near target"
        /// Misses it by more (Red).
        case offTarget = "off target"
        /// A target and a figure, but no polarity to say which side of the target is better.
        case noPolarity = "no polarity"
        /// No target or no figure.
        case unknown = "no target"

        /// The rating the status reads as (nil when unknown).
        public var rating: Rating? {
            switch self {
            case .onTarget: return .green
            case .nearTarget: return .amber
            case .offTarget: return .red
            case .unknown, .noPolarity: return nil
            }
        }
    }

    /// Which way the latest figure moved from the previous one.
    public enum Direction: String, Hashable, Sendable {
        /// Rose.
        case up
        /// Fell.
        case down
        /// Did not move.
        case flat
        /// Fewer than two figures.
        case none

        /// `↑`, `↓`, `↔` or empty.
        public var arrow: String {
            switch self {
            case .up: return "↑"
            case .down: return "↓"
            case .flat: return "↔"
            case .none: return ""
            }
        }
    }

    /// The observations whose values read as figures, oldest first, with the figure.
    public var figures: [(observation: MeasureObservation, value: MeasureValue)]
    /// The latest figure.
    public var latest: (observation: MeasureObservation, value: MeasureValue)? { figures.last }
    /// The figure before it.
    public var previous: (observation: MeasureObservation, value: MeasureValue)? {
        figures.count > 1 ? figures[figures.count - 2] : nil
    }
    /// The target read as a figure.
    public var target: MeasureValue?
    /// Latest minus previous.
    public var change: Double? {
        guard let l = latest, let p = previous else { return nil }
        return l.value.number - p.value.number
    }
    /// The direction of travel.
    public var direction: Direction {
        guard let c = change else { return .none }
        return c > 0 ? .up : c < 0 ? .down : .flat
    }
    /// Whether the movement is for the better (nil: no movement, or no polarity).
    public var improving: Bool?
    /// The latest figure against the target.
    public var targetStatus: TargetStatus
    /// The unit figures are shown in: the measure's, else what its values show.
    public var unit: MeasureUnit

    /// The status of `m`.
    public init(_ m: Measure) {
        figures = m.observations.compactMap { o in MeasureValue(o.value).map { (o, $0) } }
        target = m.target.flatMap(MeasureValue.init)
        unit = m.unit
        improving = nil
        targetStatus = .unknown
        if m.polarity == nil && target != nil && latest != nil { targetStatus = .noPolarity }
        if let polarity = m.polarity {
            if let c = change, c != 0 { improving = (c > 0) == (polarity == .higher) }
            if let t = target, let l = latest {
                let gap = polarity == .higher ? t.number - l.value.number : l.value.number - t.number
                if gap <= 0 {
                    targetStatus = .onTarget
                } else {
                    targetStatus = gap <= abs(t.number) / 10 ? .nearTarget : .offTarget
                }
            }
        }
    }

    /// A figure in the measure's unit: `13.3`, `68%`.
    public func show(_ v: MeasureValue?) -> String {
        guard let v else { return "" }
        return MeasureValue.format(v.number, unit: v.unit == .number ? unit : v.unit)
    }

    /// The change with its sign: `+1.8`, `-5`, or empty.
    public var changeText: String {
        guard let c = change else { return "" }
        let u = latest.map { $0.value.unit == .number ? unit : $0.value.unit } ?? unit
        return (c > 0 ? "+" : "") + MeasureValue.format(c, unit: u)
    }

    /// A sparkline of the figures, one of `▁▂▃▄▅▆▇` each, scaled between the lowest and the highest.
    public var sparkline: String {
        let ns = figures.map(\.value.number)
        guard let lo = ns.min(), let hi = ns.max() else { return "" }
        let bars = Array("▁▂▃▄▅▆▇")
        return String(
            ns.map { n in hi == lo ? bars[3] : bars[Int(((n - lo) / (hi - lo) * 6).rounded())] })
    }
}
