import Foundation

/// Prints lists of actions as a table for people, TSV for scripts or JSON for tools.
///
/// The TSV columns are a contract (`id theme lead due rating days_overdue action`),
/// so scripts written against one version keep working; the table fits 80
/// columns and shows ratings as letters so it reads without colour; every piece
/// of plan text is escaped in every format (`TerminalSafe` in the table and TSV,
/// `\uXXXX` in JSON) so a hostile plan cannot drive the terminal.
public enum ActionListing {
    /// An output format for lists.
    public enum Format: String, CaseIterable, Sendable {
        /// Aligned columns for people.
        case table
        /// Tab-separated values with a header line.
        case tsv
        /// A JSON array of objects.
        case json
    }

    /// One row of a list.
    public struct Row: Hashable, Sendable {
        /// The action's ID.
        public var id: String
        /// The theme's number.
        public var theme: Int
        /// Lead codes separated by spaces.
        public var lead: String
        /// The deadline, or nil.
        public var due: CalendarDay?
        /// What to show when there is no deadline (`Ongoing`, `TBC`).
        public var dueText: String
        /// `B G A R`, or empty when unrated.
        public var rating: String
        /// Days overdue, or nil.
        public var daysOverdue: Int?
        /// The action text.
        public var action: String
    }

    /// Rows for `actions` of `plan` on `today`.
    public static func rows(_ actions: [LocatedAction], in plan: Plan, asOf today: CalendarDay) -> [Row] {
        actions.map { row($0.action, themeNumber: plan.themes[$0.path.theme].number, asOf: today) }
    }

    /// The rows of `ActionFilter.overdue(in: plan, asOf: today)` — most overdue first, ties in plan order —
    /// made straight from the plan (``ActionFilter/overduePaths(in:asOf:)``): no action is copied but into its
    /// row (`actionplan overdue` at 100,000 actions).
    public static func overdueRows(in plan: Plan, asOf today: CalendarDay) -> [Row] {
        ActionFilter.overduePaths(in: plan, asOf: today).map {
            row(plan[$0], themeNumber: plan.themes[$0.theme].number, asOf: today)
        }
    }

    private static func row(_ a: Action, themeNumber: Int, asOf today: CalendarDay) -> Row {
        Row(
            id: a.id, theme: themeNumber, lead: Plan.joinLeads(a.leads), due: a.deadline,
            dueText: a.revisions.last?.date ?? a.deliveryDate, rating: a.rating?.letter ?? "",
            daysOverdue: a.daysOverdue(asOf: today), action: a.text)
    }

    /// The rows rendered in `format`, ending with a newline.
    public static func render(_ rows: [Row], format: Format, width: Int = 80) -> String {
        switch format {
        case .tsv: return tsv(rows)
        case .json: return json(rows)
        case .table: return table(rows, width: width)
        }
    }

    /// The rows as TSV under the contract header (`id theme lead due rating days_overdue action`).
    private static func tsv(_ rows: [Row]) -> String {
        var out = ListingBytes(capacity: 64 + rows.count * 128)
        out.append("id\ttheme\tlead\tdue\trating\tdays_overdue\taction\n")
        for r in rows {
            out.tsvCell(r.id)
            out.append("\t" + String(r.theme) + "\t")
            out.tsvCell(r.lead)
            out.append("\t" + (r.due?.description ?? "") + "\t")
            out.tsvCell(r.rating)
            out.append("\t" + (r.daysOverdue.map(String.init) ?? "") + "\t")
            out.tsvCell(r.action)
            out.append("\n")
        }
        return out.string
    }

    /// The rows as a JSON array of objects (docs/json.md).
    private static func json(_ rows: [Row]) -> String {
        var w = JSONWriter()
        w.array(rows) { w, r in
            w.object { w in
                w.field("id", r.id)
                w.field("theme", r.theme)
                w.field("lead", r.lead)
                w.field("due", r.due?.description)
                w.field("rating", r.rating.isEmpty ? nil : r.rating)
                w.field("daysOverdue", r.daysOverdue)
                w.field("action", r.action)
            }
        }
        w.finish()
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// The rows as aligned columns fitting `width`, or `(no actions)`.
    private static func table(_ rows: [Row], width: Int) -> String {
        if rows.isEmpty { return "(no actions)\n" }
        let idW = min(12, max(2, rows.map { ListingBytes.width(of: $0.id) }.max() ?? 2))
        let leadW = min(10, max(4, rows.map { ListingBytes.width(of: $0.lead) }.max() ?? 4))
        let lateW = rows.contains { $0.daysOverdue != nil } ? 6 : 0
        let fixed = idW + 1 + 1 + 1 + leadW + 1 + 11 + (lateW > 0 ? lateW + 1 : 0)
        let textW = max(10, width - fixed)
        var out = ListingBytes(capacity: 128 + rows.count * (width + 8))
        out.append(
            DisplayWidth.pad("ID", to: idW) + " R " + DisplayWidth.pad("LEAD", to: leadW) + " "
                + DisplayWidth.pad("DUE", to: 11))
        if lateW > 0 { out.append(DisplayWidth.pad("LATE", to: lateW, alignRight: true) + " ") }
        out.append("ACTION\n")
        // By index, not `for r in rows`: a row bound to a name is a copy (a retain and release of each string).
        for i in rows.indices {
            out.cell(rows[i].id, width: idW)
            out.append(" " + (rows[i].rating.isEmpty ? "·" : rows[i].rating) + " ")
            out.cell(rows[i].lead, width: leadW)
            out.append(" ")
            if let due = rows[i].due {
                out.cell(due.description, width: 11)
            } else {
                out.cell(rows[i].dueText.isEmpty ? "—" : rows[i].dueText, width: 11)
            }
            if lateW > 0 {
                out.append(
                    DisplayWidth.pad(rows[i].daysOverdue.map { "\($0)d" } ?? "", to: lateW, alignRight: true) + " ")
            }
            out.cell(rows[i].action, width: textW, pad: false)
            out.append("\n")
        }
        return out.string
    }

    /// A TSV cell: one line, no tab, nothing a terminal would obey.
    ///
    /// A tab and anything that ends a line (LF, CR, CRLF, VT, FF, NEL U+0085, U+2028, U+2029) becomes one
    /// space, so a cell never adds a column or a record; every other control character is written as
    /// `TerminalSafe` shows it on screen (`^[` for ESC, `^G` for BEL, `\u{9B}` for a C1 control,
    /// `\u{202E}` for a bidi override), so the text stays readable but cannot drive a terminal.
    public static func tsvCell(_ s: String) -> String {
        let breaks = { (c: Character) in c == "\t" || c.isNewline }
        return TerminalSafe.escape(s.contains(where: breaks) ? String(s.map { breaks($0) ? " " : $0 }) : s)
    }
}
