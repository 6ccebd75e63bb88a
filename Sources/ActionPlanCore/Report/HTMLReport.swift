import Foundation

/// Renders a `StatusReport` as one self-contained, printable HTML file (`actionplan export --format html`).
///
/// The HTML is the report committees print, so it is written for paper first:
/// A4 portrait, inline CSS only (no scripts, no fonts or images fetched), a page
/// break before each major section, table headers repeated on every page, rows
/// never split across pages, ratings as coloured cells that also carry their
/// letter (a black-and-white print still reads), and a running footer with the
/// plan's title and "Page N of M" drawn by CSS `@page` margin boxes (Chromium 131
/// and later print them; docs/export.md says what other browsers do). Every piece
/// of text from the plan is HTML-escaped, and control characters are made
/// visible, so a hostile plan cannot inject markup or terminal sequences.
public enum HTMLReport {
    /// The report as the bytes of an HTML document (UTF-8).
    public static func render(_ report: StatusReport) -> [UInt8] {
        var h = HTMLBuffer(capacity: 4096 + report.plan.actionCount * 900)
        h.raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        h.raw("<meta name=\"generator\" content=\"actionplan export\">\n<title>")
        h.text(ReportText.singleLine(report.title) + " — position as at " + ReportText.longDate(report.asOf))
        h.raw("</title>\n<style>\n")
        h.raw(stylesheet)
        h.raw("@page {\n  @bottom-left { content: \"")
        h.raw(cssString(footerTitle(report.title)))
        h.raw("\"; }\n  @bottom-right { content: \"Position as at ")
        h.raw(cssString(ReportText.longDate(report.asOf)))
        h.raw(" \\2014  Page \" counter(page) \" of \" counter(pages); }\n}\n</style>\n</head>\n<body>\n")
        header(report, &h)
        key(report, &h)
        headline(report, &h)
        themes(report, &h)
        movement(report, &h)
        exceptions(report, &h)
        fullPlan(report, &h)
        officers(report, &h)
        h.raw("</body>\n</html>\n")
        return h.bytes
    }

    // MARK: - Sections

    private static func header(_ r: StatusReport, _ h: inout HTMLBuffer) {
        h.raw("<header class=\"cover\">\n<p class=\"kicker\">Improvement plan status report</p>\n<h1>")
        h.text(ReportText.singleLine(r.title))
        h.raw("</h1>\n")
        if !r.organisation.isEmpty {
            h.raw("<p class=\"org\">")
            h.text(r.organisation)
            h.raw("</p>\n")
        }
        h.raw("<table class=\"facts\">\n<tbody>\n")
        let facts: [(String, String)] = [
            ("Version", r.version.isEmpty ? "—" : r.version),
            ("Period", r.period.isEmpty ? "—" : r.period),
            ("Position as at", ReportText.longDate(r.asOf)),
            ("Compared with", ReportText.comparison(r)),
            ("Produced", ReportText.longDate(r.produced)),
        ]
        for (k, v) in facts {
            h.raw("<tr><th scope=\"row\">")
            h.text(k)
            h.raw("</th><td>")
            h.text(v)
            h.raw("</td></tr>\n")
        }
        h.raw("</tbody>\n</table>\n</header>\n")
    }

    private static func key(_ r: StatusReport, _ h: inout HTMLBuffer) {
        h.raw("<section id=\"key\">\n<h2>1. Key to ratings</h2>\n")
        h.raw("<p class=\"note\">The plan’s own definitions, verbatim.</p>\n")
        h.raw("<table class=\"key\">\n<colgroup><col style=\"width:8%\"><col style=\"width:14%\"><col></colgroup>\n")
        h.raw("<thead><tr><th></th><th>Rating</th><th>Definition</th></tr></thead>\n<tbody>\n")
        for level in r.plan.ratingScale.levels {
            h.raw("<tr>")
            if r.plan.scale == nil { ratingCell(level.rating, &h) } else { levelCell(level, &h) }
            h.raw("<td>")
            h.text(level.name + (level.name == level.rating.name ? "" : " (counts as \(level.rating.name))"))
            h.raw("</td><td class=\"prose\">")
            h.text(level.definition)
            h.raw("</td></tr>\n")
        }
        h.raw("</tbody>\n</table>\n</section>\n")
    }

    private static func headline(_ r: StatusReport, _ h: inout HTMLBuffer) {
        h.raw("<section id=\"headline\">\n<h2>2. Headline</h2>\n<p class=\"lede\">")
        h.text(ReportText.headline(r))
        h.raw("</p>\n<table class=\"headline\">\n")
        h.raw("<colgroup><col style=\"width:8%\"><col><col style=\"width:14%\"><col style=\"width:16%\"></colgroup>\n")
        h.raw(
            "<thead><tr><th></th><th>Measure</th><th class=\"num\">Actions</th><th class=\"num\">% of all actions</th>")
        h.raw("</tr></thead>\n<tbody>\n")
        for row in ReportText.headlineRows(r) {
            h.raw(row.isTotal ? "<tr class=\"total\">" : "<tr>")
            if row.isRating { ratingCell(row.rating, &h) } else { h.raw("<td></td>") }
            h.raw("<td>")
            h.text(row.label)
            h.raw("</td><td class=\"num\">\(row.count)</td><td class=\"num\">")
            h.raw(row.percent.map { "\($0)%" } ?? "")
            h.raw("</td></tr>\n")
        }
        h.raw("</tbody>\n</table>\n")
        h.raw("<p class=\"note\">")
        h.text(ReportText.overdueNote)
        h.raw("</p>\n</section>\n")
    }

    private static func themes(_ r: StatusReport, _ h: inout HTMLBuffer) {
        h.raw("<section id=\"themes\" class=\"newpage\">\n<h2>3. Summary by theme</h2>\n")
        if let c = r.comparison {
            h.raw("<p class=\"note\">Change against snapshot “")
            h.text(c.label)
            h.raw("” (\(ReportText.longDate(c.date))): ▲ Up when more actions moved up (towards Blue) than down, ")
            h.raw("▼ Down when more moved down, = Same otherwise; then the change in each rating’s count.</p>\n")
        } else {
            h.raw("<p class=\"note\">No earlier snapshot, so no change is shown.</p>\n")
        }
        table(ReportTables.themeColumns, class: "themes", &h) { h in
            for t in r.themes { row(ReportTables.themeColumns, t, &h, rowClass: changeClass(t.change)) }
            row(ReportTables.themeColumns, r.total, &h, rowClass: "total")
        }
        h.raw("</section>\n")
    }

    private static func changeClass(_ c: StatusReport.Change?) -> String? {
        guard let c else { return nil }
        return "chg-" + c.direction.rawValue
    }

    private static func movement(_ r: StatusReport, _ h: inout HTMLBuffer) {
        h.raw("<section id=\"movement\" class=\"newpage\">\n<h2>4. Movement since the last report</h2>\n")
        guard let m = r.movement, let c = r.comparison else {
            h.raw("<p class=\"lede\">There is no earlier snapshot to compare with, so no movement can be shown. ")
            h.raw("After the meeting, freeze this position with <code>actionplan snapshot PLAN --label LABEL</code> ")
            h.raw("and the next report will compare with it.</p>\n</section>\n")
            return
        }
        h.raw("<p class=\"lede\">Compared with snapshot “")
        h.text(c.label)
        h.raw("”, position as at \(ReportText.longDate(c.date)).</p>\n")
        for s in m.sections {
            h.raw("<div class=\"mv\">\n<div class=\"keep\">\n<h3>")
            h.text("\(s.title) (\(s.items.count))")
            h.raw("</h3>\n<p class=\"note\">")
            h.text(s.rule)
            h.raw("</p>\n")
            if s.items.isEmpty {
                h.raw("<p class=\"none\">None.</p>\n</div>\n</div>\n")
                continue
            }
            h.raw("</div>\n")
            let cols = ReportTables.movementColumns(s.key)
            table(cols, class: "movement", &h) { h in
                for i in s.items { row(cols, i, &h, rowClass: i.daysLate != nil ? "late" : nil) }
            }
            h.raw("</div>\n")
        }
        h.raw("</section>\n")
    }

    private static func exceptions(_ r: StatusReport, _ h: inout HTMLBuffer) {
        h.raw("<section id=\"exceptions\" class=\"newpage\">\n<h2>5. Exceptions</h2>\n<p class=\"lede\">")
        h.text(ReportText.exceptionsSummary(r.exceptionCount))
        h.raw("</p>\n")
        let cols = ReportTables.exceptionColumns
        for t in r.exceptions {
            h.raw("<div class=\"exc\">\n<h3>")
            h.text("Theme \(t.number): \(ReportText.singleLine(t.title))")
            h.raw("</h3>\n")
            table(cols, class: "exceptions", &h) { h in
                for l in t.leads {
                    h.raw("<tr class=\"lead\"><th colspan=\"\(cols.count)\">Lead: ")
                    h.text(l.lead)
                    h.raw("</th></tr>\n")
                    for i in l.items { row(cols, i, &h, rowClass: nil) }
                }
            }
            h.raw("</div>\n")
        }
        h.raw("</section>\n")
    }

    private static func fullPlan(_ r: StatusReport, _ h: inout HTMLBuffer) {
        h.raw("<section id=\"plan\" class=\"newpage\">\n<h2>6. The full plan</h2>\n")
        let cols = ReportTables.planColumns(r)
        for (i, t) in r.plan.themes.enumerated() {
            h.raw(i == 0 ? "<div class=\"theme\">\n<h3>" : "<div class=\"theme newpage\">\n<h3>")
            h.text("Theme \(t.number): \(ReportText.singleLine(t.title))")
            h.raw("</h3>\n")
            if !t.leads.isEmpty {
                h.raw("<p class=\"leads\"><strong>Theme leads:</strong> ")
                h.text(t.leads.joined(separator: ", "))
                h.raw("</p>\n")
            }
            for b in t.narrative {
                h.raw("<div class=\"narrative\">\n<h4>")
                h.text(ReportText.singleLine(b.heading))
                h.raw("</h4>\n")
                narrative(b.text, &h)
                h.raw("</div>\n")
            }
            table(cols, class: "plan", &h) { h in
                for g in t.groups {
                    if let title = g.title {
                        h.raw("<tr class=\"group\"><th colspan=\"\(cols.count)\">")
                        h.text(title)
                        h.raw("</th></tr>\n")
                    }
                    for a in g.actions { row(cols, a, &h, rowClass: nil) }
                }
            }
            h.raw("</div>\n")
        }
        h.raw("</section>\n")
    }

    private static func narrative(_ text: String, _ h: inout HTMLBuffer) {
        for part in ReportText.narrative(text) {
            switch part {
            case .paragraph(let t):
                h.raw("<p>")
                h.text(t)
                h.raw("</p>\n")
            case .list(let items):
                h.raw("<ul>\n")
                for t in items {
                    h.raw("<li>")
                    h.text(t)
                    h.raw("</li>\n")
                }
                h.raw("</ul>\n")
            }
        }
    }

    private static func officers(_ r: StatusReport, _ h: inout HTMLBuffer) {
        h.raw("<section id=\"officers\" class=\"newpage\">\n<h2>Appendix: named officers</h2>\n")
        if r.plan.officers.isEmpty {
            h.raw("<p class=\"none\">The plan names no officers.</p>\n</section>\n")
            return
        }
        let cols = ReportTables.officerColumns
        table(cols, class: "officers", &h) { h in
            for o in r.plan.officers { row(cols, o, &h, rowClass: nil) }
        }
        h.raw("</section>\n")
    }

    // MARK: - Tables

    private static func table<Row>(
        _ cols: [ReportColumn<Row>], class cls: String, _ h: inout HTMLBuffer, body: (inout HTMLBuffer) -> Void
    ) {
        h.raw("<table class=\"\(cls)\">\n<colgroup>")
        for c in cols { h.raw(c.width.map { "<col style=\"width:\($0)%\">" } ?? "<col>") }
        h.raw("</colgroup>\n<thead><tr>")
        for c in cols {
            h.raw(c.title.count <= 2 && c.width != nil ? "<th class=\"c\">" : "<th>")
            h.text(c.title)
            h.raw("</th>")
        }
        h.raw("</tr></thead>\n<tbody>\n")
        body(&h)
        h.raw("</tbody>\n</table>\n")
    }

    private static func row<Row>(_ cols: [ReportColumn<Row>], _ value: Row, _ h: inout HTMLBuffer, rowClass: String?) {
        h.raw(rowClass.map { "<tr class=\"\($0)\">" } ?? "<tr>")
        for c in cols {
            switch c.cell(value) {
            case .text(let s):
                h.raw("<td>")
                h.text(s)
                h.raw("</td>")
            case .prose(let s):
                h.raw("<td class=\"prose\">")
                h.text(s)
                h.raw("</td>")
            case .proseWithFields(let s, let fields):
                h.raw("<td class=\"prose\">")
                h.text(s)
                h.raw("<dl class=\"fields\">")
                for f in fields {
                    h.raw("<dt>")
                    h.text(f.name)
                    h.raw("</dt><dd>")
                    h.text(f.value)
                    h.raw("</dd>")
                }
                h.raw("</dl></td>")
            case .number(let s):
                h.raw("<td class=\"num\">")
                h.text(s)
                h.raw("</td>")
            case .strong(let s):
                h.raw("<td><strong>")
                h.text(s)
                h.raw("</strong></td>")
            case .rating(let r): ratingCell(r, &h)
            case .level(let l):
                if let l { levelCell(l, &h) } else { ratingCell(nil, &h) }
            }
        }
        h.raw("</tr>\n")
    }

    /// A coloured cell holding the rating's letter (`·` when unrated), titled with its name.
    private static func ratingCell(_ r: Rating?, _ h: inout HTMLBuffer) {
        switch r {
        case .blue?: h.raw("<td class=\"r rB\" title=\"Blue\">B</td>")
        case .green?: h.raw("<td class=\"r rG\" title=\"Green\">G</td>")
        case .amber?: h.raw("<td class=\"r rA\" title=\"Amber\">A</td>")
        case .red?: h.raw("<td class=\"r rR\" title=\"Red\">R</td>")
        case nil: h.raw("<td class=\"r rN\" title=\"Unrated\">·</td>")
        }
    }

    /// A cell holding a level of the plan's own scale: its letter, coloured as the rating it counts as.
    private static func levelCell(_ l: RatingScale.Level, _ h: inout HTMLBuffer) {
        h.raw("<td class=\"r r\(l.rating.letter)\" title=\"")
        h.text(l.name)
        h.raw("\">")
        h.text(l.letter)
        h.raw("</td>")
    }

    // MARK: - Text

    /// The title for the running footer, cut to 110 characters so it fits on one line of A4.
    static func footerTitle(_ title: String) -> String {
        let t = ReportText.singleLine(title)
        return t.count <= 110 ? t : String(t.prefix(109)) + "…"
    }

    /// `s` as the inside of a CSS string: every character but letters, digits and spaces as a hex escape,
    /// so no plan text can end the string, the rule or the `<style>` element.
    static func cssString(_ s: String) -> String {
        var out = ""
        for u in ReportText.singleLine(s).unicodeScalars {
            let v = u.value
            if (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x20 {
                out.unicodeScalars.append(u)
            } else {
                out += "\\" + String(v, radix: 16) + " "
            }
        }
        return out
    }

    /// The print-first stylesheet (A4 portrait).
    static let stylesheet = """
        @page { size: A4 portrait; margin: 14mm 12mm 16mm 12mm; }
        @page {
          @bottom-left { font: 7pt "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #444;
            vertical-align: top; padding-top: 3mm; }
          @bottom-right { font: 7pt "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #444;
            vertical-align: top; padding-top: 3mm; white-space: nowrap; }
        }
        * { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        html { font: 8.5pt/1.3 "DejaVu Sans", "Liberation Sans", Arial, "WenQuanYi Micro Hei", sans-serif;
          color: #111; background: #fff; }
        body { margin: 0 auto; max-width: 190mm; padding: 4mm; }
        @media print { body { max-width: none; padding: 0; } }
        h1 { font-size: 17pt; margin: 2mm 0 2mm; line-height: 1.2; }
        h2 { font-size: 13pt; margin: 0 0 2.5mm; padding-bottom: 1mm; border-bottom: 1.5pt solid #222; }
        h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; }
        h4 { font-size: 9pt; margin: 2mm 0 1mm; }
        h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
        p { margin: 0 0 2mm; }
        ul { margin: 0 0 2mm; padding-left: 5mm; }
        code { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; }
        .newpage { break-before: page; page-break-before: always; }
        .kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 8pt; color: #444; margin: 0; }
        .org { font-size: 11pt; margin-bottom: 3mm; }
        .lede { font-size: 9.5pt; }
        .note { font-size: 7.5pt; color: #333; }
        .none { font-style: italic; color: #333; }
        .cover { margin-bottom: 5mm; }
        section { margin-bottom: 5mm; }
        table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 3mm; }
        thead { display: table-header-group; }
        tr, th, td { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 0.5pt solid #777; padding: 0.8mm 1.2mm; vertical-align: top; text-align: left;
          overflow-wrap: anywhere; }
        thead th { background: #dcdcdc; font-weight: bold; font-size: 7.5pt; overflow-wrap: normal;
          hyphens: none; }
        th.c { text-align: center; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        td.prose { white-space: pre-line; }
        dl.fields { margin: 1mm 0 0; font-size: 7.5pt; }
        dl.fields dt { font-weight: bold; }
        dl.fields dd { margin: 0 0 0.5mm 3mm; }
        table.facts { width: auto; min-width: 60%; table-layout: auto; }
        table.facts th { background: #efefef; width: 32mm; }
        td.r { text-align: center; font-weight: bold; font-size: 9pt; }
        .rB { background: #8fb4e3; }
        .rG { background: #a8d08d; }
        .rA { background: #ffd966; }
        .rR { background: #f19c99; }
        .rN { background: #fff; color: #555; }
        tr.total td { font-weight: bold; background: #f2f2f2; }
        tr.chg-up td:last-child { color: #185c1a; }
        tr.chg-down td:last-child { color: #8f1d1a; font-weight: bold; }
        tr.lead th, tr.group th { background: #f0f0f0; font-weight: bold; text-align: left; }
        tr.lead, tr.group { break-after: avoid; page-break-after: avoid; }
        tr.late td { background: #fff2cc; }
        .mv, .exc { break-inside: auto; }
        .keep { break-inside: avoid; break-after: avoid; page-break-after: avoid; }
        .narrative p, .narrative li { white-space: pre-line; }
        .leads { margin-bottom: 1mm; }

        """
}

/// A growing UTF-8 buffer for HTML: raw markup, and text escaped for element content and attributes.
struct HTMLBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Appends markup as is (only for text this code wrote, never plan text).
    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// Appends `s` escaped: `& < > " '` as entities, control characters made visible first.
    mutating func text(_ s: String) {
        let clean = ReportText.clean(s)
        for b in clean.utf8 {
            switch b {
            case UInt8(ascii: "&"): bytes.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case UInt8(ascii: "<"): bytes.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case UInt8(ascii: ">"): bytes.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case UInt8(ascii: "'"): bytes.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            default: bytes.append(b)
            }
        }
    }
}
