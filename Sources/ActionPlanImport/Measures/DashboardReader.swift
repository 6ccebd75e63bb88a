import ActionPlanCore
import Foundation

/// The state machine of ``MeasureImport``: reads a dashboard's rows one by one into measures.
struct DashboardReader {
    /// The measures read so far (the last one may still be growing).
    var measures: [Measure] = []
    /// What became of each row.
    var report = ImportReport()
    /// Whether a `Plan ID | Measure` header row was met.
    var sawHeader = false
    private var number: Int
    private var section = ""
    /// The columns the current measure's figures are in, with their labels.
    private var labels: [(column: Int, label: String)] = []
    /// Whether the labels are periods (so the Target column applies).
    private var labelsArePeriods = true
    private var lastRow: [String]?
    /// Labels a sub-measure brought (`DAT I&P CIC …`) for the values row below it.
    private var pendingSubLabels: [String]?

    init(number: Int) { self.number = number }

    /// Reads one item of the source.
    mutating func read(_ item: SourceItem) {
        let at = item.location
        let cells: [String]
        switch item.content {
        case .text(let t, _):
            let s = Whitespace.collapse(SourceText.plainText(t))
            if s.isEmpty {
                report.blank += 1
            } else {
                skip(at, "not a row of the dashboard table")
            }
            return
        case .row(let cs, _):
            cells = cs.map { Whitespace.collapse(SourceText.plainText($0.text)) }
        }
        let filled = cells.indices.filter { !cells[$0].isEmpty }
        if filled.isEmpty {
            report.blank += 1
            return
        }
        if cells[0].lowercased() == "plan id" {
            if sawHeader {
                report.repair(at, "repeated header row (a page break): skipped")
                report.repaired += 1
            } else {
                report.used += 1
            }
            sawHeader = true
            return
        }
        guard sawHeader else { return skip(at, "before the dashboard's header row (Plan ID | Measure | …)") }
        if cells == lastRow {
            report.repair(at, "repeats the row above word for word (a page reference printed for each row): kept once")
            report.repaired += 1
            return
        }
        lastRow = cells
        if filled == [0] {
            section = cells[0]
            report.used += 1
            return
        }
        let cell = { (i: Int) in i < cells.count ? cells[i] : "" }
        if !cell(0).isEmpty {
            startMeasure(cells, at: at)
        } else if !cell(1).isEmpty && MeasureValue(cell(1)) == nil {
            subMeasure(cells, at: at)
        } else if !cell(1).isEmpty, let sub = pendingSubLabels {
            shiftedValues(cells, labels: sub, at: at)
        } else {
            figures(cells, into: nil, at: at)
        }
    }

    /// Ends the reading: a sub-measure whose labels had no figures below them keeps the labels as its note.
    mutating func finish() {
        guard let sub = pendingSubLabels, var parent = measures.popLast() else { return }
        if var m = parent.subMeasures.popLast() {
            m.note = "columns " + sub.joined(separator: ", ") + " with no figures"
            parent.subMeasures.append(m)
        }
        measures.append(parent)
        pendingSubLabels = nil
    }

    private mutating func skip(_ at: SourceLocation, _ why: String) {
        report.skip(at, why)
        report.skipped += 1
    }

    private static func isPeriod(_ s: String) -> Bool {
        s.range(of: #"^([A-Za-z]{3,9}[- ]?\d{2,4}|Q[1-4][- ]?\d{2,4}|\d{4}(/\d{2,4})?)$"#, options: .regularExpression)
            != nil
    }

    private mutating func startMeasure(_ cells: [String], at: SourceLocation) {
        pendingSubLabels = nil
        var m = Measure(
            id: "M\(number)", title: cells.count > 1 ? cells[1] : "",
            planIDs: cells[0].split(separator: " ").map(String.init), section: section)
        number += 1
        let rest = (2..<max(2, cells.count)).filter { !cells[$0].isEmpty }
        if rest.count >= 2, DashboardReader.isPeriod(cells[rest[0]]), DashboardReader.isPeriod(cells[rest[1]]) {
            labels = [(rest[0], cells[rest[0]]), (rest[1], cells[rest[1]])]
            labelsArePeriods = true
            m.note = rest.dropFirst(2).map { cells[$0] }.joined(separator: "; ")
            report.used += 1
        } else if rest.count == 1 {
            labels = []
            m.note = cells[rest[0]]
            report.used += 1
        } else {
            labels = rest.map { ($0, cells[$0]) }
            labelsArePeriods = rest.isEmpty
            if !rest.isEmpty {
                report.warn(at, "\"\(m.title)\": its columns are categories, not periods; each is kept as a label")
            }
            report.used += 1
        }
        if m.title.isEmpty { report.warn(at, "a measure with plan ID \(cells[0]) has no title") }
        measures.append(m)
    }

    private mutating func subMeasure(_ cells: [String], at: SourceLocation) {
        guard var parent = measures.popLast() else { return skip(at, "a breakdown row before any measure") }
        defer { measures.append(parent) }
        var sub = Measure(id: "\(parent.id).\(parent.subMeasures.count + 1)", title: cells[1])
        let others = (2..<max(2, cells.count)).filter { !cells[$0].isEmpty }
        if !others.isEmpty && others.allSatisfy({ MeasureValue(cells[$0]) == nil }) && others.count > 1 {
            pendingSubLabels = others.map { cells[$0] }
            parent.subMeasures.append(sub)
            report.used += 1
            return
        }
        pendingSubLabels = nil
        if others.isEmpty && parent.subMeasures.isEmpty && parent.observations.isEmpty && labels.count == 2 {
            parent.note = parent.note.isEmpty ? cells[1] : parent.note + "; " + cells[1]
            report.used += 1
            return
        }
        fill(&sub, cells, at: at)
        parent.subMeasures.append(sub)
        report.used += 1
    }

    private mutating func figures(_ cells: [String], into: Measure?, at: SourceLocation) {
        guard var m = measures.popLast() else { return skip(at, "figures before any measure") }
        fill(&m, cells, at: at)
        measures.append(m)
        report.used += 1
    }

    /// `Number of Group Supervisions | DAT | I&P …` then `7 | 24 | 2 …` one column to the left.
    private mutating func shiftedValues(_ cells: [String], labels sub: [String], at: SourceLocation) {
        guard var parent = measures.popLast(), var m = parent.subMeasures.popLast() else {
            return skip(at, "figures before any measure")
        }
        let values = cells.dropFirst().filter { !$0.isEmpty }
        for (label, v) in zip(sub, values) { m.observations.append(MeasureObservation(period: label, value: v)) }
        m.unit = unit(of: m)
        parent.subMeasures.append(m)
        measures.append(parent)
        pendingSubLabels = nil
        report.repair(at, "figures one column left of their labels in the row above: read under those labels")
        report.repaired += 1
    }

    /// Reads the figures, target and any words of `cells` into `m`.
    private mutating func fill(_ m: inout Measure, _ cells: [String], at: SourceLocation) {
        let cell = { (i: Int) in i < cells.count ? cells[i] : "" }
        var used = Set([0, 1])
        var notes: [String] = []
        for (c, label) in labels {
            used.insert(c)
            let v = cell(c)
            if v.isEmpty { continue }
            if MeasureValue(v) != nil {
                m.observations.append(MeasureObservation(period: label, value: v))
            } else {
                notes.append(v)
            }
        }
        if labelsArePeriods {
            let last = labels.last?.column ?? 3
            let change = last + 1
            let sinceOfsted = last + 2
            let target = last + 3
            let rating = last + 4
            used.formUnion([change, sinceOfsted, target, rating])
            if MeasureValue(cell(target)) != nil {
                m.target = cell(target)
            } else if !cell(target).isEmpty {
                notes.append("Target: " + cell(target))
            }
            if MeasureValue(cell(sinceOfsted)) != nil { notes.append("Change since Ofsted: " + cell(sinceOfsted)) }
        }
        for c in cells.indices where !used.contains(c) && !cells[c].isEmpty { notes.append(cells[c]) }
        if labels.isEmpty, !cell(2).isEmpty, MeasureValue(cell(2)) == nil, !notes.contains(cell(2)) {
            notes.append(cell(2))
        }
        if !notes.isEmpty { m.note = ([m.note].filter { !$0.isEmpty } + notes).joined(separator: "; ") }
        m.unit = unit(of: m)
    }

    /// The unit the figures and the target show.
    private func unit(of m: Measure) -> MeasureUnit {
        let values = (m.observations.map(\.value) + [m.target].compactMap { $0 }).compactMap(MeasureValue.init)
        return values.first(where: { $0.unit != .number })?.unit ?? .number
    }
}
