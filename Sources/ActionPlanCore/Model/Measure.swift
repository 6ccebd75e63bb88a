/// A measure of impact: a figure the board watches to see whether the plan is making a difference (a
/// row of a council's data dashboard, e.g. `Average Caseload Numbers`).
///
/// Everything typed is kept as written — observation values (`7/ 50.0%`), the target (`23 weeks`), period
/// labels (`Feb-18`); numbers, the direction of travel and the rating against the target are derived
/// (``MeasureStatus``), never stored.
public struct Measure: Hashable, Sendable {
    /// Unique in the plan, e.g. `M4`; a sub-measure's is its parent's and its place, `M4.2`.
    public var id: String
    /// The measure's title as written, e.g. `Average Caseload Numbers`.
    public var title: String
    /// What its values count.
    public var unit: MeasureUnit
    /// Whether a higher or a lower value is better; nil while nobody has said.
    public var polarity: MeasurePolarity?
    /// The target as written (`28.3`, `53%`, `23 weeks`), or nil.
    public var target: String?
    /// The plan IDs it evidences as written, e.g. `T8`, `2a(i)` (an action's ID or one of its cross-references).
    public var planIDs: [String]
    /// The observations, oldest first.
    public var observations: [MeasureObservation]
    /// Why there are no figures, or where they are, as written (`Will be included when … is available`).
    public var note: String
    /// Its breakdown (`Duty and Assessment`, `Children in Care` …), in order.
    public var subMeasures: [Measure]
    /// The dashboard's section it sits in as written (`Effective MASH`), or empty.
    public var section: String

    /// A measure.
    public init(
        id: String, title: String, unit: MeasureUnit = .number, polarity: MeasurePolarity? = nil,
        target: String? = nil, planIDs: [String] = [], observations: [MeasureObservation] = [], note: String = "",
        subMeasures: [Measure] = [], section: String = ""
    ) {
        self.id = id
        self.title = title
        self.unit = unit
        self.polarity = polarity
        self.target = target
        self.planIDs = planIDs
        self.observations = observations
        self.note = note
        self.subMeasures = subMeasures
        self.section = section
    }

    /// The measure and its sub-measures, depth first, each with its depth (0 for the measure itself).
    public var flattened: [(measure: Measure, depth: Int)] {
        var out: [(Measure, Int)] = [(self, 0)]
        for s in subMeasures { out += s.flattened.map { ($0.measure, $0.depth + 1) } }
        return out
    }
}

/// One figure of a measure for one period.
public struct MeasureObservation: Hashable, Sendable {
    /// The period as written, e.g. `Feb-18`, `Q1 2019`.
    public var period: String
    /// The value as written: `13.3`, `68%`, `7/ 50.0%` (a count and a percentage), `9/20`, `15.6 weeks`.
    public var value: String

    /// An observation.
    public init(period: String, value: String) {
        self.period = period
        self.value = value
    }
}

/// What a measure's values count.
public enum MeasureUnit: String, CaseIterable, Hashable, Sendable {
    /// A plain number (a count, an average).
    case number
    /// A percentage (`68%`).
    case percent
    /// A number of days.
    case days
    /// A number of weeks.
    case weeks
    /// A ratio or a count out of a total (`9/20`).
    case ratio
}

/// Whether a measure improves when it rises or when it falls.
public enum MeasurePolarity: String, CaseIterable, Hashable, Sendable {
    /// Higher is better (children seen on time).
    case higher
    /// Lower is better (caseloads, days open).
    case lower
}

extension Plan {
    /// Every measure and sub-measure, depth first, with its depth.
    public var allMeasures: [(measure: Measure, depth: Int)] { measures.flatMap(\.flattened) }

    /// The measure or sub-measure whose ID is `key`, else the one whose title is `key` (ignoring case) when only
    /// one has it; nil otherwise.
    public func measure(_ key: String) -> Measure? {
        let all = allMeasures.map(\.measure)
        if let m = all.first(where: { $0.id == key }) { return m }
        let named = all.filter { $0.title.lowercased() == key.lowercased() }
        return named.count == 1 ? named[0] : nil
    }

    /// The measures (top level, with their sub-measures) that evidence the action: those naming its ID or one
    /// of its cross-references among their plan IDs.
    public func measures(for action: Action) -> [Measure] {
        let ids = Set([action.id] + action.crossReferences)
        return measures.filter { !ids.isDisjoint(with: $0.planIDs) }
    }
}
