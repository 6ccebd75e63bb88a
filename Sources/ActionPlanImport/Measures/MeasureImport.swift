import ActionPlanCore
import Foundation

/// Imports a data dashboard — `Plan ID | Measure | Previous Period | Latest Position | Change | Change since
/// Ofsted | Target | Rating` — from pasted text, CSV/TSV, Markdown, Word or Excel into measures
/// (docs/import.md, *Measures*), accounting for every row as the plan import does.
///
/// A row with a plan ID and a title starts a measure; its other cells are the period labels (`Feb-18`,
/// `Mar-18`) or, when they are not periods, the column labels its breakdown is read by. A row with no ID
/// below it is a sub-measure (`Duty and Assessment  18.3  13.3  -5  ↓  28.3  ↓`) or, with no title, the
/// measure's own figures; a cell that is not a figure (`Performance Matters Page 6`, `Will be included when …`)
/// is kept as the note. A row with one cell is a section heading; a repeated header row is skipped as a
/// repair. Change and the arrows are derived from the figures, never read.
public enum MeasureImport {
    /// Reads the measures of the dashboard in `bytes` (the file named `file`), numbered `M1`, `M2`… from
    /// `firstNumber`.
    public static func run(_ bytes: [UInt8], file: String, firstNumber: Int = 1) throws -> ([Measure], ImportReport) {
        if bytes.isEmpty {
            throw PlanError(.invalidSource, file: file, message: "is empty; expected a dashboard table of measures")
        }
        let doc = try SourceReader.read(bytes, file: file)
        var reader = DashboardReader(number: firstNumber)
        for item in doc.items { reader.read(item) }
        reader.finish()
        if !reader.sawHeader {
            throw PlanError(
                .invalidSource, file: file,
                message: "has no dashboard header row (expected a row starting \"Plan ID | Measure\")")
        }
        reader.report.sourceNotes = doc.notes.map(\.message)
        return (reader.measures, reader.report)
    }

    /// `measures` with `imported` added: a measure with the same title and plan IDs as one already there gains
    /// the observations (and sub-measures) it lacks; any other is appended with the next free ID. Returns the
    /// merged list and how many measures and observations were new.
    public static func merge(_ imported: [Measure], into measures: [Measure]) -> (
        [Measure], newMeasures: Int, newObservations: Int
    ) {
        var out = measures
        var newMeasures = 0
        var newObservations = 0
        var next = (measures.compactMap { Int($0.id.dropFirst()) }.max() ?? 0) + 1
        for m in imported {
            if let i = out.firstIndex(where: { $0.title == m.title && $0.planIDs == m.planIDs }) {
                newObservations += absorb(m, into: &out[i])
            } else {
                out.append(renumbered(m, as: "M\(next)"))
                next += 1
                newMeasures += 1
                newObservations += m.flattened.reduce(0) { $0 + $1.measure.observations.count }
            }
        }
        return (out, newMeasures, newObservations)
    }

    private static func absorb(_ m: Measure, into existing: inout Measure) -> Int {
        var added = 0
        for o in m.observations where !existing.observations.contains(o) {
            existing.observations.append(o)
            added += 1
        }
        if existing.note.isEmpty { existing.note = m.note }
        if existing.target == nil { existing.target = m.target }
        for s in m.subMeasures {
            if let i = existing.subMeasures.firstIndex(where: { $0.title == s.title }) {
                added += absorb(s, into: &existing.subMeasures[i])
            } else {
                existing.subMeasures.append(renumbered(s, as: "\(existing.id).\(existing.subMeasures.count + 1)"))
                added += s.observations.count
            }
        }
        return added
    }

    private static func renumbered(_ m: Measure, as id: String) -> Measure {
        var m = m
        m.id = id
        m.subMeasures = m.subMeasures.enumerated().map { renumbered($0.element, as: "\(id).\($0.offset + 1)") }
        return m
    }
}
