/// Writes a plan as CSV, one row per action (`actionplan export --format csv`).
///
/// For spreadsheets and for moving a plan between tools: RFC 4180, UTF-8 with no
/// byte-order mark, CRLF after every row and inside quoted cells, and the header
/// row `theme,group,id,cross_refs,action,leads,delivery_date,deadline,rating,days_overdue,latest_note`.
/// A cell that begins with a tab or a carriage return, or whose first visible
/// character is `=`, `+`, `-` or `@` (after spaces, no-break spaces, line breaks or
/// zero-width characters), is prefixed with `'` so no spreadsheet runs it as a
/// formula (CSV injection); so is each part of a cell after a `;` (Excel splits
/// cells at `;` where that is the list separator). A cell or part that already
/// begins with `'` followed by such text gets one more `'`, so `actionplan import`
/// can remove exactly one and give back the text. Control characters other than
/// tab and line feed are made visible.
///
/// When any action has a status as written (`On track`) or named fields of its own (`Success measure`), a
/// `status` column and one column per field name (in the order first met) follow `latest_note`.
///
/// `actionplan import` reads this file back to the same actions: IDs, themes,
/// groups, cross-references, text, leads, delivery dates, ratings, statuses and fields. The
/// `deadline`, `days_overdue` and `latest_note` columns are for readers and are
/// not imported; date revisions and histories are not carried by CSV.
public enum CSVExport {
    /// The header row's cells, in order.
    public static let header = [
        "theme", "group", "id", "cross_refs", "action", "leads", "delivery_date", "deadline", "rating",
        "days_overdue", "latest_note",
    ]

    /// `plan` as it stood on `asOf`, one row per action, as CSV bytes.
    ///
    /// Leads are separated by `; ` (lead codes may contain spaces, e.g. `Cllr L`),
    /// cross-references by spaces; `delivery_date` is the date as first written
    /// and `deadline` the one in force after any revision.
    public static func render(_ plan: Plan, asOf: CalendarDay) -> [UInt8] {
        let p = plan.position(asOf: asOf)
        var out: [UInt8] = []
        out.reserveCapacity(256 + p.actionCount * 400)
        var hasStatus = false
        var fieldNames: [String] = []
        var seenNames: Set<String> = []
        for a in p.allActions {
            if !a.status.isEmpty { hasStatus = true }
            for f in a.fields where seenNames.insert(f.name).inserted { fieldNames.append(f.name) }
        }
        append(header + (hasStatus ? ["status"] : []) + fieldNames, to: &out)
        for t in p.themes {
            let theme = "\(t.number). " + ReportText.singleLine(t.title)
            for g in t.groups {
                let group = g.title.map { ReportText.singleLine($0) } ?? ""
                for a in g.actions {
                    append(
                        [
                            theme, group, a.id, a.crossReferences.joined(separator: " "), a.text,
                            a.leads.joined(separator: "; "), a.deliveryDate, a.deadline?.description ?? "",
                            a.rating?.name ?? "", a.daysOverdue(asOf: asOf).map(String.init) ?? "",
                            a.latestNote?.text ?? "",
                        ] + (hasStatus ? [a.status] : [])
                            + fieldNames.map { name in a.fields.first { $0.name == name }?.value ?? "" },
                        to: &out)
                }
            }
        }
        return out
    }

    private static func append(_ cells: [String], to out: inout [UInt8]) {
        for (i, c) in cells.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            field(c, &out)
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }

    /// Writes one cell: cleaned, neutralised, quoted when it holds `,`, `"`, a line break or edge spaces.
    private static func field(_ raw: String, _ out: inout [UInt8]) {
        let s = neutralise(ReportText.clean(raw))
        let u = s.utf8
        let needsQuotes =
            u.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || u.first == 0x20 || u.last == 0x20
        if !needsQuotes {
            out.append(contentsOf: u)
            return
        }
        out.append(UInt8(ascii: "\""))
        for b in u {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x22, 0x22])
            case 0x0A: out.append(contentsOf: [0x0D, 0x0A])
            case 0x0D: break
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether a spreadsheet could read `s` as a formula: it begins with a tab or a carriage return, or
    /// its first visible character is `=`, `+`, `-` or `@` (after white space, line breaks and invisible
    /// formatting characters such as U+200B, which spreadsheets may trim); `'` characters in front do not
    /// hide it (they are escaped too, see the type's summary).
    static func isFormulaLike(_ s: Substring.UnicodeScalarView) -> Bool {
        let u = s.drop { $0 == "'" }
        guard let first = u.first else { return false }
        if first == "\t" || first == "\r" { return true }
        guard let visible = u.first(where: { !$0.properties.isWhitespace && $0.properties.generalCategory != .format })
        else { return false }
        return visible == "=" || visible == "+" || visible == "-" || visible == "@"
    }

    /// `s` with a `'` in front of it, and after every `;` in it, where what follows could run as a formula.
    ///
    /// Excel in a locale whose list separator is `;` splits `Note;=1+1` into two cells, the second
    /// a formula, so each `;`-separated part is neutralised on its own.
    public static func neutralise(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: ";")) else { return isFormulaLike(s.unicodeScalars[...]) ? "'" + s : s }
        return rejoined(s) { part, out in
            if isFormulaLike(part) { out.append("'") }
            out.append(contentsOf: part)
        }
    }

    /// Undoes `neutralise`: drops the one `'` in front of each `;`-separated part when what follows is formula-like.
    public static func unneutralise(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "'")) else { return s }
        return rejoined(s) { part, out in
            let dropped = part.dropFirst()
            out.append(contentsOf: part.first == "'" && isFormulaLike(dropped) ? dropped : part)
        }
    }

    /// `s` split at every `;`, each part written by `write`, joined again with `;`.
    private static func rejoined(
        _ s: String, _ write: (Substring.UnicodeScalarView, inout String.UnicodeScalarView) -> Void
    ) -> String {
        var out = String.UnicodeScalarView()
        for (i, part) in s.unicodeScalars.split(separator: ";", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { out.append(";") }
            write(part, &out)
        }
        return String(out)
    }
}
