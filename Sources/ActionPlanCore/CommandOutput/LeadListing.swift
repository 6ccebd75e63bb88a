/// Prints a plan's leads (`actionplan leads`): code, name, role, and the actions each leads by rating and
/// overdue, as a table for people, TSV for scripts or JSON for tools.
///
/// The TSV columns are a contract (`code name role kind total blue green amber red unrated overdue`);
/// plan text is escaped in every format as `ActionListing` escapes it.
public enum LeadListing {
    /// The leads of `plan` on `today` in `format`, ending with a newline.
    public static func render(_ plan: Plan, asOf today: CalendarDay, format: ActionListing.Format) -> String {
        let leads = LeadSummary(plan, asOf: today).leads
        switch format {
        case .tsv: return tsv(leads)
        case .json: return json(leads)
        case .table: return table(leads, asOf: today)
        }
    }

    /// The leads as TSV under the contract header.
    private static func tsv(_ leads: [LeadSummary.Lead]) -> String {
        var out = "code\tname\trole\tkind\ttotal\tblue\tgreen\tamber\tred\tunrated\toverdue\n"
        for l in leads {
            let c = l.counts
            let cells = [l.code, l.name, l.role].map(ActionListing.tsvCell) + [l.kind]
            out +=
                (cells + [c.total, c.blue, c.green, c.amber, c.red, c.unrated, c.overdue].map(String.init))
                .joined(separator: "\t") + "\n"
        }
        return out
    }

    /// The leads as a JSON array: `code`, `name`, `role`, `kind`, then the counts as every output writes
    /// them (`RatingCounts.writeJSON`; docs/json.md).
    private static func json(_ leads: [LeadSummary.Lead]) -> String {
        var w = JSONWriter()
        w.array(leads) { w, l in
            w.object { w in
                w.field("code", l.code)
                w.field("name", l.name)
                w.field("role", l.role)
                w.field("kind", l.kind)
                l.counts.writeJSON(&w)
            }
        }
        w.finish()
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// The leads as columns fitting 80, with a closing line of how many there are.
    private static func table(_ leads: [LeadSummary.Lead], asOf today: CalendarDay) -> String {
        if leads.isEmpty { return "(no leads)\n" }
        let codeW = min(10, max(4, leads.map { DisplayWidth.of(TerminalSafe.escape($0.code)) }.max() ?? 4))
        let nameW = min(22, max(4, leads.map { DisplayWidth.of(TerminalSafe.escape($0.name)) }.max() ?? 4))
        let countsW = 5 + 5 * 3 + 6
        let roleW = max(8, 80 - codeW - nameW - 2 - countsW - 1)
        func line(_ code: String, _ name: String, _ role: String, _ counts: [String]) -> String {
            var s = DisplayWidth.pad(DisplayWidth.truncate(code, to: codeW), to: codeW) + " "
            s += DisplayWidth.pad(DisplayWidth.truncate(name, to: nameW), to: nameW) + " "
            s += DisplayWidth.pad(DisplayWidth.truncate(role, to: roleW), to: roleW) + " "
            for (i, n) in counts.enumerated() {
                s += DisplayWidth.pad(n, to: i == 0 ? 5 : i == 6 ? 6 : 3, alignRight: true)
            }
            return s + "\n"
        }
        var out = line("CODE", "NAME", "ROLE", ["ACTS", "B", "G", "A", "R", "·", "LATE"])
        for l in leads {
            let c = l.counts
            out += line(
                TerminalSafe.escape(l.code), TerminalSafe.escape(l.name), TerminalSafe.escape(l.role),
                [c.total, c.blue, c.green, c.amber, c.red, c.unrated, c.overdue].map(String.init))
        }
        let overdue = leads.filter { $0.counts.overdue > 0 }.count
        return out + "As of \(today): \(leads.count) leads, \(overdue) with overdue actions.\n"
    }
}
