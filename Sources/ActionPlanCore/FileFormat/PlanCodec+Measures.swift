/// The plan file's `measures` (docs/file-format.md, *Measures*): written after the snapshots when the plan has
/// any, read strictly (a value or target that is not a figure, an unknown unit or polarity, a duplicate ID is an
/// error naming its JSON path).
extension PlanCodec {
    /// Writes `measures` as the `measures` field (the plan file and `actionplan measures --format json` share
    /// the spelling of one measure).
    static func writeMeasures(_ measures: [Measure], _ w: inout JSONWriter) {
        w.key("measures")
        w.array(measures) { w, m in writeMeasure(m, &w) }
    }

    private static func writeMeasure(_ m: Measure, _ w: inout JSONWriter) {
        w.object { w in
            writeMeasureFields(m, &w)
            if !m.subMeasures.isEmpty {
                w.key("subMeasures")
                w.array(m.subMeasures) { w, s in writeMeasure(s, &w) }
            }
        }
    }

    /// Writes a measure's own fields (all but its sub-measures) into the object being written.
    static func writeMeasureFields(_ m: Measure, _ w: inout JSONWriter) {
        w.field("id", m.id)
        w.field("title", m.title)
        w.field("unit", m.unit.rawValue)
        w.field("polarity", m.polarity?.rawValue)
        w.field("target", m.target)
        w.key("planIDs")
        w.inlineStrings(m.planIDs)
        w.key("observations")
        w.array(m.observations) { w, o in
            w.object { w in
                w.field("period", o.period)
                w.field("value", o.value)
            }
        }
        if !m.note.isEmpty { w.field("note", m.note) }
        if !m.section.isEmpty { w.field("section", m.section) }
    }

    /// Reads the `measures` array.
    static func readMeasures(_ r: inout JSONReader) throws -> [Measure] {
        var out: [Measure] = []
        var seen = Set<String>()
        try r.readArray { r, _ in out.append(try readMeasure(&r, seen: &seen)) }
        return out
    }

    private static func readMeasure(_ r: inout JSONReader, seen: inout Set<String>) throws -> Measure {
        var m = Measure(id: "", title: "")
        var sawID = false
        try r.readObject { r, key in
            switch key {
            case "id":
                m.id = try r.readString()
                sawID = !m.id.isEmpty
                if !seen.insert(m.id).inserted { throw r.error("duplicate measure ID \"\(m.id)\"; IDs must be unique") }
            case "title": m.title = try r.readString()
            case "unit":
                let s = try r.readString()
                guard let u = MeasureUnit(rawValue: s) else {
                    throw r.error("unknown unit \"\(s)\" (expected number, percent, days, weeks or ratio)")
                }
                m.unit = u
            case "polarity":
                guard let s = try r.readOptionalString() else { break }
                guard let p = MeasurePolarity(rawValue: s) else {
                    throw r.error("unknown polarity \"\(s)\" (expected higher, lower or null)")
                }
                m.polarity = p
            case "target":
                m.target = try r.readOptionalString()
                if let t = m.target, MeasureValue(t) == nil { throw r.error("target \"\(t)\" is not a figure") }
            case "planIDs": m.planIDs = try r.readStringArray()
            case "observations":
                try r.readArray { r, _ in
                    var o = MeasureObservation(period: "", value: "")
                    try r.readObject { r, key in
                        switch key {
                        case "period": o.period = try r.readString()
                        case "value": o.value = try r.readString()
                        default: throw r.unknownField(key, expected: "period, value")
                        }
                    }
                    if MeasureValue(o.value) == nil {
                        throw r.error(
                            "value \"\(o.value)\" is not a figure (expected e.g. 13.3, 68%, 7/ 50.0%, 9/20, 20 days)")
                    }
                    m.observations.append(o)
                }
            case "note": m.note = try r.readString()
            case "section": m.section = try r.readString()
            case "subMeasures":
                try r.readArray { r, _ in m.subMeasures.append(try readMeasure(&r, seen: &seen)) }
            default:
                throw r.unknownField(
                    key,
                    expected: "id, title, unit, polarity, target, planIDs, observations, note, section, subMeasures")
            }
        }
        if !sawID { throw r.error("a measure needs an id") }
        return m
    }
}
