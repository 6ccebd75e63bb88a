import ActionPlanImport
import Foundation
import XCTest

@testable import ActionPlanCore

/// CSV, ICS, Markdown and HTML exports of the Barnet plan, checked the way their readers read them.
final class ExportFormatsTests: XCTestCase {
    private let asOf = TestSupport.day("2019-01-31")
    private let produced = TestSupport.day("2019-02-05")

    private func report(_ p: Plan) throws -> StatusReport { try StatusReport.make(p, asOf: asOf, produced: produced) }

    /// The fields of every action that a CSV round trip must keep.
    static func essentials(_ p: Plan) -> [[String]] {
        p.themes.flatMap { t in
            t.groups.flatMap { g in
                g.actions.map { a in
                    [
                        String(t.number), t.title, g.title ?? "<none>", a.id, a.crossReferences.joined(separator: "|"),
                        a.text, a.leads.joined(separator: "|"), a.deliveryDate, a.rating?.rawValue ?? "<unrated>",
                    ]
                }
            }
        }
    }

    // MARK: - CSV

    func testCSVHeaderRowsAndLineEndings() throws {
        let bytes = CSVExport.render(try TestSupport.samplePlan(), asOf: asOf)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(
            text.hasPrefix(
                "theme,group,id,cross_refs,action,leads,delivery_date,deadline,rating,days_overdue,latest_note\r\n"))
        XCTAssertFalse(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "no byte-order mark")
        assertCRLF(bytes)
        let table = try DelimitedTable(lines: SourceText(text: text).lines, separator: ",", file: "x.csv")
        XCTAssertEqual(table.records.count, 58)
        XCTAssertTrue(table.records.allSatisfy { $0.fields.count == 11 })
        let r6ii = try XCTUnwrap(table.records.first { $0.fields[2] == "6(ii)" }).fields
        XCTAssertEqual(
            r6ii.enumerated().filter { $0.offset != 4 }.map(\.element),
            [
                "6. Embedding a child centred culture that improves children's lives", "", "6(ii)", "7a(iv)", "DS",
                "October 2017", "2017-10-31", "Amber", "457", "",
            ])
        let r1a = try XCTUnwrap(table.records.first { $0.fields[2] == "1a(i)" }).fields
        XCTAssertEqual(r1a[3], "2a(ii) 2b(i) 2(ii) 7c(ii)")
        XCTAssertEqual(r1a[1], "Systems Leadership")
        let joint = try XCTUnwrap(table.records.first { $0.fields[2] == "2(ii)" }).fields
        XCTAssertEqual(joint[5], "BJ; TMcE")
    }

    func testCSVReimportGivesBackTheSameActions() throws {
        let p = try TestSupport.samplePlan()
        let bytes = CSVExport.render(p, asOf: asOf)
        let (back, report) = try PlanImport.run(bytes, file: "export.csv", options: .init(title: p.title))
        XCTAssertEqual(Self.essentials(back), Self.essentials(p))
        XCTAssertTrue(report.entries.isEmpty, "\(report.entries)")
    }

    func testFormulaNeutralisingAndItsInverse() {
        let cases: [(String, String)] = [
            ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"), ("+1", "'+1"), ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("'=x", "''=x"), ("'plain", "'plain"),
            ("plain", "plain"), ("", ""), ("a=b", "a=b"),
            // Behind white space, a line break or a zero-width space, and after a `;` (a list separator).
            (" =1", "' =1"), ("\n=1", "'\n=1"), ("\u{A0}@x", "'\u{A0}@x"), ("\u{200B}-1", "'\u{200B}-1"),
            ("Note;=1+1", "Note;'=1+1"), ("a; -b", "a;' -b"), ("x;'=1", "x;''=1"), ("=a;+b", "'=a;'+b"),
            ("a;b", "a;b"), (" plain", " plain"), ("a;", "a;"),
        ]
        for (raw, neutral) in cases {
            XCTAssertEqual(CSVExport.neutralise(raw), neutral, raw)
            XCTAssertEqual(CSVExport.unneutralise(neutral), raw, raw)
        }
    }

    func testCSVRoundTripOfAwkwardTextLeadsAndGroups() throws {
        var p = Plan(title: "Awkward")
        p.themes = [
            Theme(
                number: 3, title: "2019 goals, \"quoted\"",
                groups: [
                    ActionGroup(
                        title: "-Group",
                        actions: [
                            Action(
                                id: "3a(i)", crossReferences: ["T1", "2c(iii)"],
                                text: "=HYPERLINK(\"http://evil\",\"click\"), then | pipes\nand a second line",
                                leads: ["Cllr L", "All HoS", "BJ"], deliveryDate: "31/03/2019", rating: .red),
                            Action(
                                id: "3a(ii)", text: "'Signs of Safety' training", leads: [], deliveryDate: "",
                                rating: nil),
                            Action(id: "3a(iii)", text: "-1 to the backlog", deliveryDate: "Ongoing", rating: .blue),
                        ]),
                    ActionGroup(title: nil, actions: [Action(id: "3b", text: "@mention", deliveryDate: "Q1 2019/20")]),
                ])
        ]
        let bytes = CSVExport.render(p, asOf: asOf)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(
            text.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\"), then | pipes\r\nand a second line\""))
        XCTAssertTrue(text.contains(",'-1 to the backlog,"))
        XCTAssertTrue(text.contains("Cllr L; All HoS; BJ"))
        let (back, _) = try PlanImport.run(bytes, file: "awkward.csv", options: .init(title: "Awkward"))
        XCTAssertEqual(Self.essentials(back), Self.essentials(p))
    }

    // MARK: - ICS

    func testICSStructureFoldingAndStableUIDs() throws {
        let p = try TestSupport.samplePlan()
        let bytes = ICSExport.render(p, asOf: asOf)
        assertCRLF(bytes)
        var physical: [[UInt8]] = []
        var cur: [UInt8] = []
        for b in bytes {
            if b == 0x0A {
                physical.append(Array(cur.dropLast()))
                cur = []
            } else {
                cur.append(b)
            }
        }
        XCTAssertTrue(cur.isEmpty, "ends with CRLF")
        for l in physical {
            XCTAssertLessThanOrEqual(l.count, 75, String(decoding: l, as: UTF8.self))
            XCTAssertNotNil(String(validating: l, as: UTF8.self), "a fold split a UTF-8 sequence")
        }
        let lines = Self.unfold(bytes)
        XCTAssertEqual(lines.first, "BEGIN:VCALENDAR")
        XCTAssertEqual(lines.last, "END:VCALENDAR")
        let open = p.allActions.filter { $0.rating != .blue && $0.deadline != nil }
        XCTAssertEqual(open.count, 52, "57 less four Ongoing and one Quarterly")
        XCTAssertEqual(lines.filter { $0 == "BEGIN:VEVENT" }.count, open.count)
        XCTAssertTrue(lines.contains("DTSTAMP:20190131T000000Z"))
        XCTAssertTrue(lines.contains("DTSTART;VALUE=DATE:20171031"))
        XCTAssertTrue(lines.contains("DTEND;VALUE=DATE:20171101"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("SUMMARY:6(ii) — Ensure all staff") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("DESCRIPTION:Leads: Donna Swanberg\\nRating: Amber") })
        let uids = lines.filter { $0.hasPrefix("UID:") }
        XCTAssertEqual(Set(uids).count, uids.count, "UIDs are unique")
        // Re-exported later, with a changed rating and date, the UIDs stay the same.
        var later = p
        try later.rate(id: "5(xii)", to: .red, note: "x", by: "NH", on: asOf, revisedDate: "June 2019")
        let again = Self.unfold(ICSExport.render(later, asOf: TestSupport.day("2019-03-01")))
        XCTAssertEqual(again.filter { $0.hasPrefix("UID:") }, uids)
        XCTAssertEqual(
            ICSExport.uid(planTitle: p.title, actionID: "1a(i)"), ICSExport.uid(planTitle: p.title, actionID: "1a(i)"))
        XCTAssertNotEqual(
            ICSExport.uid(planTitle: p.title, actionID: "1a(i)"), ICSExport.uid(planTitle: "Other", actionID: "1a(i)"))
    }

    func testICSTextEscapingAndFoldingOfMultiByteText() {
        XCTAssertEqual(ICSExport.text("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne")
        XCTAssertEqual(ICSExport.text("esc\u{1B}[31m"), "esc^[[31m")
        var out: [UInt8] = []
        let long = "SUMMARY:" + String(repeating: "é", count: 40) + String(repeating: "文", count: 30)
        ICSExport.line(long, &out)
        let physical = String(decoding: out, as: UTF8.self).components(separatedBy: "\r\n").dropLast()
        XCTAssertGreaterThan(physical.count, 1)
        for l in physical { XCTAssertLessThanOrEqual(l.utf8.count, 75) }
        XCTAssertEqual(
            physical.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined(), long)
    }

    func testICSParsesWithPythonIcalendar() throws {
        let p = try TestSupport.samplePlan()
        let events = try ExternalTools.parseICS(ICSExport.render(p, asOf: asOf))
        XCTAssertEqual(events.count, 52)
        let e = try XCTUnwrap(events.first { $0.summary.hasPrefix("6(ii) — ") })
        XCTAssertEqual(e.summary, "6(ii) — " + p[p.path(of: "6(ii)")!].text)
        XCTAssertEqual(e.start, "2017-10-31")
        XCTAssertEqual(e.end, "2017-11-01")
        XCTAssertTrue(e.description.hasPrefix("Leads: Donna Swanberg\nRating: Amber\n"), e.description)
    }

    static func unfold(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
            .components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    // MARK: - Markdown and HTML

    func testMarkdownHasEverySectionAndWellFormedTables() throws {
        let md = MarkdownReport.render(try report(try TestSupport.samplePlan()))
        for heading in [
            "# Barnet Children's Services Improvement Action Plan September 2018-September 2019",
            "## 1. Key to ratings", "## 2. Headline", "## 3. Summary by theme", "## 4. Movement since the last report",
            "## 5. Exceptions", "## 6. Recommendations", "## 7. Measures of impact", "## 8. The full plan",
            "## Appendix: named officers",
        ] {
            XCTAssertTrue(md.contains(heading + "\n"), heading)
        }
        XCTAssertTrue(md.contains("| **Position as at** | 31 January 2019 |"))
        XCTAssertTrue(md.contains("| G — Green: on track | 51 | 89% |"))
        XCTAssertTrue(md.contains("| More than one month late (32 days or more) | 25 | 44% |"))
        XCTAssertTrue(md.contains("| All themes | 0 | 51 | 6 | 0 | 0 | 28 | 0% | — (no snapshot) |"))
        XCTAssertTrue(
            md.contains("| R Red | Action will not be delivered in timescales and no plan in place to mitigate |"))
        Self.assertTablesWellFormed(md)
    }

    /// Every row of every Markdown table has as many unescaped `|` as its header row.
    static func assertTablesWellFormed(_ md: String, file: StaticString = #filePath, line: UInt = #line) {
        func pipes(_ s: Substring) -> Int {
            var n = 0
            var escaped = false
            for c in s {
                if escaped {
                    escaped = false
                    continue
                }
                if c == "\\" {
                    escaped = true
                    continue
                }
                if c == "|" { n += 1 }
            }
            return n
        }
        var expected: Int?
        var tables = 0
        for l in md.split(separator: "\n", omittingEmptySubsequences: false) {
            if l.hasPrefix("|") {
                if expected == nil {
                    expected = pipes(l)
                    tables += 1
                }
                XCTAssertEqual(pipes(l), expected, String(l), file: file, line: line)
            } else {
                expected = nil
            }
        }
        XCTAssertGreaterThan(tables, 5, file: file, line: line)
    }

    func testHTMLIsSelfContainedAndPrintReady() throws {
        let html = String(decoding: HTMLReport.render(try report(try TestSupport.samplePlan())), as: UTF8.self)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        for forbidden in ["<script", "http://", "https://", "src=", "@import", "<link", "<img", "<iframe"] {
            XCTAssertFalse(html.lowercased().contains(forbidden), forbidden)
        }
        // The charts' patterns are the only url(): references to the report's own <pattern>s, nothing fetched.
        XCTAssertEqual(html.components(separatedBy: "url(").count, html.components(separatedBy: "url(#p").count)
        for required in [
            "size: A4 portrait", "thead { display: table-header-group; }", "break-inside: avoid",
            "break-before: page", "counter(page)", "counter(pages)", "print-color-adjust: exact",
            "<td class=\"r rG\" title=\"Green\">G</td>", "<td class=\"r rA\" title=\"Amber\">A</td>",
            "<h2>5. Exceptions</h2>", "<h2>Appendix: named officers</h2>", "31 January 2019",
        ] {
            XCTAssertTrue(html.contains(required), required)
        }
        XCTAssertEqual(html.components(separatedBy: "<table").count, html.components(separatedBy: "</table>").count)
        XCTAssertEqual(html.components(separatedBy: "<tr").count, html.components(separatedBy: "</tr>").count)
        XCTAssertTrue(html.contains("Barnet Children&#39;s Services"), "apostrophes are escaped too")
    }
}
