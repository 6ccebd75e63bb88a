/// Prints a plan's leads (`actionplan leads`): code, name, role, the actions each leads by rating and
/// overdue, and how many are not updated since the last snapshot (the chase list), as a table for people,
/// TSV for scripts or JSON for tools.
///
/// The TSV columns are a contract (`code name role kind total blue green amber red unrated overdue
/// not_updated not_updated_since`); plan text is escaped in every format as `ActionListing` escapes it.
/// With no snapshot before the day the not-updated cells are empty (JSON: null).
public enum LeadListing {
    /// The leads of `plan` on `today` in `format`, ending with a newline.
    public static func render(_ plan: Plan, asOf today: CalendarDay, format: ActionListing.Format) -> String {
        let summary = LeadSummary(plan, asOf: today)
        switch format {
        case .tsv: return tsv(summary)
        case .json: return json(summary)
        case .table: return table(summary, asOf: today)
        }
    }

    /// The leads as TSV under the contract header.
    private static func tsv(_ summary: LeadSummary) -> String {
        var out = "code\tname\trole\tkind\ttotal\tblue\tgreen\tamber\tred\tunrated\toverdue"
        out += "\tnot_updated\tnot_updated_since\n"
        let since = summary.sinceText.map(ActionListing.tsvCell)
        for l in summary.leads {
            let c = l.counts
            let cells = [l.code, l.name, l.role].map(ActionListing.tsvCell) + [l.kind]
            let counts = [c.total, c.blue, c.green, c.amber, c.red, c.unrated, c.overdue].map(String.init)
            let stale = since.map { [String(l.notUpdated), $0] } ?? ["", ""]
            out += (cells + counts + stale).joined(separator: "\t") + "\n"
        }
        return out
    }

    /// The leads as a JSON array: `code`, `name`, `role`, `kind`, the counts as every output writes
    /// them (`RatingCounts.writeJSON`), then `notUpdated` and `notUpdatedSince` (docs/json.md).
    private static func json(_ summary: LeadSummary) -> String {
        var w = JSONWriter()
        w.array(summary.leads) { w, l in
            w.object { w in
                w.field("code", l.code)
                w.field("name", l.name)
                w.field("role", l.role)
                w.field("kind", l.kind)
                l.counts.writeJSON(&w)
                if let since = summary.since {
                    w.field("notUpdated", l.notUpdated)
                    w.key("notUpdatedSince")
                    w.object { w in
                        w.field("label", since.label)
                        w.field("date", since.date.description)
                    }
                } else {
                    w.field("notUpdated", nil as Int?)
                    w.key("notUpdatedSince")
                    w.null()
                }
            }
        }
        w.finish()
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// The leads as columns fitting 80, with a closing line of how many there are and the snapshot the
    /// not-updated column (`STALE`, `-` without a snapshot) counts from.
    private static func table(_ summary: LeadSummary, asOf today: CalendarDay) -> String {
        let leads = summary.leads
        if leads.isEmpty { return "(no leads)\n" }
        let codeW = min(10, max(4, leads.map { DisplayWidth.of(TerminalSafe.escape($0.code)) }.max() ?? 4))
        let nameW = min(22, max(4, leads.map { DisplayWidth.of(TerminalSafe.escape($0.name)) }.max() ?? 4))
        let widths = [5, 3, 3, 3, 3, 3, 5, 6]
        let roleW = max(8, 80 - codeW - nameW - 2 - widths.reduce(0, +) - 1)
        func line(_ code: String, _ name: String, _ role: String, _ counts: [String]) -> String {
            var s = DisplayWidth.pad(DisplayWidth.truncate(code, to: codeW), to: codeW) + " "
            s += DisplayWidth.pad(DisplayWidth.truncate(name, to: nameW), to: nameW) + " "
            s += DisplayWidth.pad(DisplayWidth.truncate(role, to: roleW), to: roleW) + " "
            for (n, w) in zip(counts, widths) { s += DisplayWidth.pad(n, to: w, alignRight: true) }
            return s + "\n"
        }
        var out = line("CODE", "NAME", "ROLE", ["ACTS", "B", "G", "A", "R", "·", "LATE", "STALE"])
        for l in leads {
            let c = l.counts
            let stale = summary.since == nil ? "-" : String(l.notUpdated)
            out += line(
                TerminalSafe.escape(l.code), TerminalSafe.escape(l.name), TerminalSafe.escape(l.role),
                [c.total, c.blue, c.green, c.amber, c.red, c.unrated, c.overdue].map(String.init) + [stale])
        }
        let overdue = leads.filter { $0.counts.overdue > 0 }.count
        out += "As of \(today): \(leads.count) leads, \(overdue) with overdue actions.\n"
        if let since = summary.sinceText {
            out += "STALE: not updated since snapshot \(TerminalSafe.escape(since)).\n"
        } else {
            out += "STALE: no snapshot before \(today), so nothing counts as not updated.\n"
        }
        return out
    }
}
