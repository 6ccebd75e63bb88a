import Foundation

/// The edits of measures: recording a figure (`actionplan record`) and setting a measure's polarity, target
/// and unit (`actionplan set-measure`), checked the same way wherever they are made.
extension Plan {
    /// Adds the observation `value` for `period` to the measure or sub-measure `key` (its ID, or its title when
    /// only one has it); returns the measure's ID. The value must read as a figure (``MeasureValue``); a period
    /// already recorded gets a second observation only if the value differs (recording the same again changes
    /// nothing).
    @discardableResult
    public mutating func record(measure key: String, value: String, period: String) throws -> String {
        let v = Whitespace.collapse(value)
        let label = Whitespace.collapse(period)
        guard MeasureValue(v) != nil else {
            throw PlanError(
                .invalidValue, path: "VALUE",
                message: "\"\(value)\" is not a figure; expected e.g. 13.3, 68%, 7/ 50.0%, 9/20 or 20 days")
        }
        guard !label.isEmpty else {
            throw PlanError(.invalidValue, path: "--period", message: "the period must not be empty, e.g. Apr-18")
        }
        guard let m = measure(key) else {
            let known = allMeasures.prefix(8).map(\.measure.id).joined(separator: ", ")
            throw PlanError(
                .notFound, path: "MEASURE",
                message: "no measure with ID or title \"\(key)\" in this plan"
                    + (known.isEmpty ? " (it has no measures)" : " (IDs: \(known)…)"))
        }
        let o = MeasureObservation(period: label, value: v)
        measures = measures.map { $0.updating(m.id) { if !$0.observations.contains(o) { $0.observations.append(o) } } }
        return m.id
    }

    /// Sets what a dashboard does not say of the measure or sub-measure `key`: its polarity, its target (as
    /// written; empty removes it) and its unit; nil leaves one as it is. Returns the measure's ID.
    @discardableResult
    public mutating func setMeasure(
        _ key: String, polarity: MeasurePolarity?, target: String?, unit: MeasureUnit? = nil
    ) throws -> String {
        guard let m = measure(key) else {
            throw PlanError(.notFound, path: "MEASURE", message: "no measure with ID or title \"\(key)\" in this plan")
        }
        let t = target.map(Whitespace.collapse)
        if let t, !t.isEmpty, MeasureValue(t) == nil {
            throw PlanError(
                .invalidValue, path: "--target",
                message: "\"\(t)\" is not a figure; expected e.g. 28.3, 53% or 23 weeks")
        }
        measures = measures.map {
            $0.updating(m.id) { m in
                if let polarity { m.polarity = polarity }
                if let t { m.target = t.isEmpty ? nil : t }
                if let unit { m.unit = unit }
            }
        }
        return m.id
    }
}

extension Measure {
    /// The measure with the measure or sub-measure `id` changed by `change`.
    func updating(_ id: String, _ change: (inout Measure) -> Void) -> Measure {
        var m = self
        if m.id == id {
            change(&m)
        } else {
            m.subMeasures = m.subMeasures.map { $0.updating(id, change) }
        }
        return m
    }
}
