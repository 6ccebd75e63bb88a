/// The report's tables in HTML: a `ReportColumn` table, its rows and the rating cells.
extension HTMLReport {
    /// A table of class `cls` with `cols`' widths and headings; `body` writes its rows.
    static func table<Row>(
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

    /// One row of `value`'s cells, each formatted by its kind (`ReportCell`).
    static func row<Row>(_ cols: [ReportColumn<Row>], _ value: Row, _ h: inout HTMLBuffer, rowClass: String?) {
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
            case .percent(let n):
                h.raw("<td class=\"num\">\(n)%</td>")
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
    static func ratingCell(_ r: Rating?, _ h: inout HTMLBuffer) {
        switch r {
        case .blue?: h.raw("<td class=\"r rB\" title=\"Blue\">B</td>")
        case .green?: h.raw("<td class=\"r rG\" title=\"Green\">G</td>")
        case .amber?: h.raw("<td class=\"r rA\" title=\"Amber\">A</td>")
        case .red?: h.raw("<td class=\"r rR\" title=\"Red\">R</td>")
        case nil: h.raw("<td class=\"r rN\" title=\"Unrated\">·</td>")
        }
    }

    /// A cell holding a level of the plan's own scale: its letter, coloured as the rating it counts as.
    static func levelCell(_ l: RatingScale.Level, _ h: inout HTMLBuffer) {
        h.raw("<td class=\"r r\(l.rating.letter)\" title=\"")
        h.text(l.name)
        h.raw("\">")
        h.text(l.letter)
        h.raw("</td>")
    }
}
