import Foundation

/// Writes a plan's deadlines as an iCalendar file (RFC 5545) (`actionplan export --format ics`).
///
/// One all-day event per action that has a deadline and is not Blue, so leads
/// can see what is due in Outlook or any calendar: DTSTART is the deadline and
/// DTEND the day after (left out for 31 December 9999, see `dayAfter(_:)`), both
/// eight-digit DATEs. Each event's UID is derived from the plan's title and the
/// action's ID only, so importing a newer export updates the events rather than
/// duplicating them; SEQUENCE counts the date revisions and DTSTAMP is the
/// export's as-of day (the core never reads the clock). Lines end in CRLF and are
/// folded at 75 octets without splitting a UTF-8 sequence; TEXT values escape
/// `\`, `;`, `,` and line breaks, and control characters in plan text are made visible.
public enum ICSExport {
    /// The calendar of `plan`'s open deadlines as it stood on `asOf`, as bytes.
    public static func render(_ plan: Plan, asOf: CalendarDay) -> [UInt8] {
        let p = plan.position(asOf: asOf)
        var out: [UInt8] = []
        out.reserveCapacity(512 + p.actionCount * 600)
        let stamp = compact(asOf) + "T000000Z"
        let title = ReportText.singleLine(p.title)
        line("BEGIN:VCALENDAR", &out)
        line("VERSION:2.0", &out)
        line("PRODID:-//actionplan//Improvement plan deadlines//EN", &out)
        line("CALSCALE:GREGORIAN", &out)
        line("METHOD:PUBLISH", &out)
        line("X-WR-CALNAME:" + text(title + " — deadlines"), &out)
        for t in p.themes {
            for a in t.actions {
                guard a.rating != .blue, let d = a.deadline else { continue }
                let leads = a.leads.map { p.resolve(lead: $0).displayName }
                var desc = "Leads: " + (leads.isEmpty ? "none named" : leads.joined(separator: ", "))
                desc += "\nRating: " + ReportText.ratingName(a.rating)
                desc += "\nDelivery date: " + ReportText.delivery(of: a)
                if let late = a.daysOverdue(asOf: asOf) { desc += "\nOverdue by \(late) days as at \(asOf)" }
                desc += "\nTheme \(t.number): " + ReportText.singleLine(t.title)
                if !a.crossReferences.isEmpty {
                    desc += "\nCross-references: " + a.crossReferences.joined(separator: ", ")
                }
                if let n = a.latestNote { desc += "\nLatest note (\(n.date)): " + n.text }
                desc += "\nPlan: " + title
                line("BEGIN:VEVENT", &out)
                line("UID:" + uid(planTitle: p.title, actionID: a.id), &out)
                line("DTSTAMP:" + stamp, &out)
                line("DTSTART;VALUE=DATE:" + compact(d), &out)
                if let end = dayAfter(d) { line("DTEND;VALUE=DATE:" + compact(end), &out) }
                line("SEQUENCE:\(a.revisions.count)", &out)
                line("SUMMARY:" + text(a.id + " — " + a.text), &out)
                line("DESCRIPTION:" + text(desc), &out)
                if let r = a.rating { line("CATEGORIES:" + text(r.name), &out) }
                line("TRANSP:TRANSPARENT", &out)
                line("END:VEVENT", &out)
            }
        }
        line("END:VCALENDAR", &out)
        return out
    }

    /// A stable UID from the plan's title and the action's ID: two 64-bit FNV-1a hashes and a readable slug.
    public static func uid(planTitle: String, actionID: String) -> String {
        let key = Array(planTitle.utf8) + [0x1F] + Array(actionID.utf8)
        let h1 = ContentHash.fnv1a(key)
        let h2 = ContentHash.fnv1a(key.reversed())
        var slug = ""
        for u in actionID.unicodeScalars.prefix(32) {
            let v = u.value
            let ok = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            if ok { slug.unicodeScalars.append(u) } else if !slug.hasSuffix("-") { slug += "-" }
        }
        return hex(h1) + hex(h2) + "-" + (slug.isEmpty ? "action" : slug) + "@actionplan"
    }

    private static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// `YYYYMMDD`: eight digits for every `CalendarDay` (years 1 to 9999).
    static func compact(_ d: CalendarDay) -> String { d.description.replacingOccurrences(of: "-", with: "") }

    /// The day after `d`, the exclusive end of an all-day event; nil after 31 December 9999, whose next
    /// day has no eight-digit DATE. The event then has no DTEND, which RFC 5545 (3.6.1) reads as one day.
    static func dayAfter(_ d: CalendarDay) -> CalendarDay? {
        let next = d.adding(days: 1)
        return CalendarDay(year: next.year, month: next.month, day: next.day)
    }

    /// `s` as an RFC 5545 TEXT value: `\` `;` `,` escaped, line breaks as `\n`, control characters visible.
    static func text(_ s: String) -> String {
        var out = ""
        for u in ReportText.clean(s).unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": break
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Appends `content` folded at 75 octets (continuation lines start with a space), then CRLF.
    static func line(_ content: String, _ out: inout [UInt8]) {
        var used = 0
        for u in content.unicodeScalars {
            let n = UTF8.width(u)
            if used + n > 75 {
                out.append(contentsOf: [0x0D, 0x0A, 0x20])
                used = 1
            }
            UTF8.encode(u) { out.append($0) }
            used += n
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }
}
