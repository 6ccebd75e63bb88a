/// Lists a plan's measures and sub-measures as a table, TSV or JSON (`actionplan measures`): latest, previous,
/// change, target, whether it is on target and the trend, each derived by ``MeasureStatus``.
public enum MeasureListing {
    /// The measures of `plan` in plan order (each followed by its sub-measures), in `format`.
    public static func render(_ plan: Plan, format: ActionListing.Format) -> String {
        let rows = plan.allMeasures
        switch format {
        case .tsv: return tsv(rows)
        case .json: return json(rows)
        case .table: return table(rows)
        }
    }

    /// The measures, off target first (then near target, then the rest), keeping plan order within each.
    public static func offTargetFirst(_ plan: Plan) -> [(measure: Measure, status: MeasureStatus)] {
        let rank: [MeasureStatus.TargetStatus: Int] = [
            .offTarget: 0, .nearTarget: 1, .onTarget: 2, .noPolarity: 3, .unknown: 4,
        ]
        return plan.allMeasures.map { ($0.measure, MeasureStatus($0.measure)) }.enumerated()
            .sorted { (rank[$0.element.1.targetStatus]!, $0.offset) < (rank[$1.element.1.targetStatus]!, $1.offset) }
            .map { (measure: $0.element.0, status: $0.element.1) }
    }

    private static func cells(_ m: Measure, _ s: MeasureStatus) -> [String] {
        [
            s.previous?.observation.period ?? "", s.show(s.previous?.value), s.latest?.observation.period ?? "",
            s.show(s.latest?.value), s.changeText, m.target ?? "", s.targetStatus.rawValue,
            trend(s),
        ]
    }

    /// `↓ better`, `↑ worse`, `↔`, or the arrow alone when the polarity is not known.
    static func trend(_ s: MeasureStatus) -> String {
        switch s.improving {
        case true?: return s.direction.arrow + " better"
        case false?: return s.direction.arrow + " worse"
        case nil: return s.direction.arrow
        }
    }

    private static func tsv(_ rows: [(measure: Measure, depth: Int)]) -> String {
        var out =
            "id\tplanIDs\tmeasure\tpreviousPeriod\tprevious\tlatestPeriod\tlatest\tchange\ttarget\tstatus\ttrend\n"
        for (m, _) in rows {
            let fields = [m.id, m.planIDs.joined(separator: " "), m.title] + cells(m, MeasureStatus(m))
            out += fields.map(ActionListing.tsvCell).joined(separator: "\t") + "\n"
        }
        return out
    }

    private static func json(_ rows: [(measure: Measure, depth: Int)]) -> String {
        var w = JSONWriter()
        w.array(rows) { w, row in
            let m = row.measure
            let s = MeasureStatus(m)
            w.object { w in
                PlanCodec.writeMeasureFields(m, &w)
                w.field("parent", row.depth == 0 ? nil : parentID(m.id))
                number(&w, "latest", s.latest?.value.number)
                number(&w, "previous", s.previous?.value.number)
                number(&w, "change", s.change)
                number(&w, "targetValue", s.target?.number)
                w.field("direction", s.direction.rawValue)
                w.field("targetStatus", s.targetStatus.rating == nil ? nil : s.targetStatus.rawValue)
            }
        }
        w.finish()
        return String(decoding: w.bytes, as: UTF8.self)
    }

    private static func number(_ w: inout JSONWriter, _ name: StaticString, _ n: Double?) {
        w.key(name)
        if let n { w.raw(MeasureValue.plain(n)) } else { w.null() }
    }

    /// `M4` for `M4.2`.
    private static func parentID(_ id: String) -> String? {
        id.lastIndex(of: ".").map { String(id[..<$0]) }
    }

    private static func table(_ rows: [(measure: Measure, depth: Int)]) -> String {
        if rows.isEmpty {
            return "(no measures: import a dashboard with `actionplan import-measures SOURCE --into PLAN`)\n"
        }
        let widths = [7, 12, 40, 8, 10, 8, 10, 10, 10, 12]
        var out = ""
        let header = ["ID", "PLAN IDS", "MEASURE", "PREV", "", "LATEST", "", "CHANGE", "TARGET", "STATUS", "TREND"]
        out += line(header, widths)
        for (m, depth) in rows {
            let s = MeasureStatus(m)
            let title = String(repeating: "  ", count: depth) + m.title
            var fields = [m.id, m.planIDs.joined(separator: " "), title] + cells(m, s)
            if s.figures.isEmpty && !m.note.isEmpty { fields = Array(fields.prefix(3)) + ["(" + m.note + ")"] }
            out += line(fields, widths)
        }
        return out
    }

    private static func line(_ fields: [String], _ widths: [Int]) -> String {
        var out = ""
        for (i, f) in fields.enumerated() {
            let text = TerminalSafe.escape(f)
            if i < widths.count && !(i == 3 && f.hasPrefix("(")) {
                out += DisplayWidth.pad(DisplayWidth.truncate(text, to: widths[i] - 1), to: widths[i])
            } else {
                out += text + (i == fields.count - 1 ? "" : " ")
            }
        }
        while out.hasSuffix(" ") { out.removeLast() }
        return out + "\n"
    }
}
