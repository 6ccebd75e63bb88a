import ActionPlanImport
import Foundation
import XCTest

@testable import ActionPlanCore

/// Plan text is data: markup, table breakers, formulas, terminal escapes and line breaks
/// in any field must come out escaped or neutralised in every export format.
final class ExportHostileTextTests: XCTestCase {
    private let asOf = TestSupport.day("2019-01-31")

    static let evil =
        "<script>alert(1)</script></td></tr></table> | pipes | =HYPERLINK(\"http://evil.example\",\"x\") "
        + "\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[31mred\nsecond line \u{202E}rtl & \"quotes\" 'single' `code` *bold* "
        + "[link](javascript:alert(1)) #tag \u{9B}31mCSI \u{85}NEL \u{2066}isolate\u{2069} \u{202A}embed\u{202C} \u{01}"

    /// A plan with hostile text in every field a report prints, and a snapshot so movement is shown.
    static func hostilePlan() throws -> Plan {
        let e = evil
        let note = RatingChange(
            date: TestSupport.day("2019-01-10"), from: .amber, to: .red, by: e, note: "=cmd|' /C calc'!A0 " + e)
        var p = Plan(
            title: "Plan " + e, organisation: e, version: e, period: e,
            ragKey: RAGKey(blue: e, green: e, amber: e, red: e),
            officers: [Officer(code: "EV", name: e, role: e)],
            themes: [
                Theme(
                    number: 1, title: e, leads: [e],
                    narrative: [
                        NarrativeBlock(heading: e, text: "- " + e + "\n=HYPERLINK()\n# heading\n1. not a list\n---")
                    ],
                    groups: [
                        ActionGroup(
                            title: e,
                            actions: [
                                Action(
                                    id: "1a", crossReferences: ["=x", "<b>"],
                                    text: "=HYPERLINK(\"http://e\",\"x\")" + e,
                                    leads: ["EV", "<i>"], deliveryDate: "March 2018", rating: .amber),
                                Action(
                                    id: "1b", text: "-" + e, leads: ["EV"], deliveryDate: "March 2019", rating: .green),
                                Action(id: "1c", text: "@" + e, deliveryDate: "Ongoing", rating: .green),
                                Action(id: "=1|<i>", text: "+" + e, deliveryDate: "TBC", rating: nil),
                            ])
                    ])
            ])
        try p.takeSnapshot(label: "Snapshot " + e, asOf: TestSupport.day("2018-12-01"))
        p[p.path(of: "1a")!].history.append(note)
        p[p.path(of: "1a")!].rating = .red
        try p.addNote(id: "1b", text: e, by: e, on: TestSupport.day("2019-01-11"))
        return p
    }

    func testHTMLEscapesEverything() throws {
        let p = try Self.hostilePlan()
        let bytes = HTMLReport.render(try StatusReport.make(p, asOf: asOf, produced: asOf))
        assertTerminalSafe(bytes, "HTML")
        let html = String(decoding: bytes, as: UTF8.self)
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertFalse(html.contains("</td></tr></table> |"))
        XCTAssertFalse(html.contains("href"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;"))
        XCTAssertTrue(html.contains("^[]52;c;ZXZpbA==^G^[[31mred"), "escape sequences are made visible")
        XCTAssertEqual(html.components(separatedBy: "<table").count, html.components(separatedBy: "</table>").count)
        XCTAssertEqual(html.components(separatedBy: "<tr").count, html.components(separatedBy: "</tr>").count)
        XCTAssertEqual(html.components(separatedBy: "<td").count, html.components(separatedBy: "</td>").count)
        let style = html.components(separatedBy: "<style>")[1].components(separatedBy: "</style>")[0]
        XCTAssertFalse(style.contains("<"), "the footer's CSS string cannot close the style element")
        XCTAssertFalse(style.contains("\"Plan <"))
        XCTAssertTrue(style.contains("@bottom-left { content: \"Plan \\3c script\\3e alert\\28 1\\29 "))
        let title = html.components(separatedBy: "<title>")[1].components(separatedBy: "</title>")[0]
        XCTAssertFalse(title.contains("<"))
    }

    func testMarkdownEscapesEverything() throws {
        let p = try Self.hostilePlan()
        let md = MarkdownReport.render(try StatusReport.make(p, asOf: asOf, produced: asOf))
        assertTerminalSafe(Array(md.utf8), "Markdown")
        XCTAssertFalse(md.contains("<script"))
        XCTAssertFalse(md.contains("[link](javascript"), "link syntax is escaped")
        XCTAssertTrue(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(md.contains("\\| pipes \\|"))
        XCTAssertTrue(md.contains("\\[link\\](javascript:alert(1)) \\#tag"))
        XCTAssertTrue(md.contains("\n\\=HYPERLINK()\n"), "a line that would underline a heading stays text")
        XCTAssertTrue(md.contains("\n\\# heading\n"))
        XCTAssertTrue(md.contains("\n1\\. not a list\n"))
        XCTAssertTrue(md.contains("\n\\---\n"))
        ExportFormatsTests.assertTablesWellFormed(md)
        for l in md.split(separator: "\n") where l.hasPrefix("#") {
            XCTAssertFalse(l.contains("<br>"), "headings stay on one line: \(l)")
        }
    }

    func testCSVNeutralisesFormulasAndStillImports() throws {
        let p = try Self.hostilePlan()
        let bytes = CSVExport.render(p, asOf: asOf)
        assertTerminalSafe(bytes, "CSV")
        let table = try DelimitedTable(
            lines: SourceText(text: String(decoding: bytes, as: UTF8.self)).lines, separator: ",", file: "x.csv")
        for r in table.records {
            for f in r.fields {
                if let c = f.unicodeScalars.first {
                    XCTAssertFalse(["=", "+", "-", "@", "\t", "\r"].contains(c), "cell begins with a formula: \(f)")
                }
            }
        }
        XCTAssertEqual(table.records.count, 5)
        let (back, _) = try PlanImport.run(bytes, file: "hostile.csv")
        XCTAssertEqual(back.allActions.map(\.id), ["1a", "1b", "1c", "=1|<i>"])
        XCTAssertEqual(back.allActions.map(\.leads), [["EV", "<i>"], ["EV"], [], []])
        XCTAssertEqual(back.allActions[0].crossReferences, ["=x", "<b>"])
        XCTAssertEqual(back.allActions.map(\.rating), [.red, .green, .green, nil])
        XCTAssertTrue(back.allActions[1].text.hasPrefix("-<script>"))
    }

    /// Formula payloads that hide behind a line break, white space, a tab or a `;` (a list separator
    /// in many locales, so Excel splits `Note;=1+1` into a new cell starting with `=`).
    static let hiddenFormulas = [
        "\n=1+1", "\r\n+1", " =1+1", "\u{A0}=1+1", "\u{3000}@SUM(A1)", "\t=1+1", "\u{200B}=1", "Note;=1+1",
        "Note; -2+3", "a;\u{A0}@x", "a;\n=b", "'=1", "x;'=1", "plain; text",
    ]

    func testCSVNeutralisesFormulasBehindWhiteSpaceLineBreaksAndSemicolons() throws {
        let f = Self.hiddenFormulas
        let actions = f.enumerated().map { i, payload in
            Action(
                id: "1(\(i))" + (i == 7 ? ";=id" : ""),
                crossReferences: [payload.filter { !$0.isWhitespace && $0 != "\u{200B}" }],
                text: payload, leads: i % 2 == 0 ? ["EV", "=x"] : ["-y", "@z"], deliveryDate: payload, rating: .green)
        }
        var p = Plan(
            title: "T", themes: [Theme(number: 1, title: f[7], groups: [ActionGroup(title: f[2], actions: actions)])])
        try p.addNote(id: "1(0)", text: f[3], by: "x", on: TestSupport.day("2019-01-11"))
        let bytes = CSVExport.render(p, asOf: asOf)
        XCTAssertEqual(
            try ExternalTools.csvCellsStartingWithFormula(bytes), [],
            "no cell, nor any part of one after a ';', starts with = + - @ once white space is trimmed")
        let (back, _) = try PlanImport.run(bytes, file: "hidden.csv")
        // The importer reads a no-break space as a space and drops zero-width spaces (SourceText).
        let imported = f.map {
            ReportText.clean($0).replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(
                of: "\u{200B}", with: "")
        }
        XCTAssertEqual(back.allActions.map(\.text), imported, "the neutralising ' is removed on import")
        XCTAssertEqual(back.allActions.map(\.id), p.allActions.map(\.id))
        XCTAssertEqual(back.allActions.map(\.crossReferences), p.allActions.map(\.crossReferences))
        XCTAssertEqual(back.allActions.map(\.leads), p.allActions.map(\.leads))
        XCTAssertEqual(back.allActions.map(\.deliveryDate), imported)
        XCTAssertEqual(back.themes.first?.title, f[7])
    }

    func testICSEscapesTextAndParses() throws {
        let p = try Self.hostilePlan()
        let bytes = ICSExport.render(p, asOf: asOf)
        assertTerminalSafe(bytes, "ICS")
        assertCRLF(bytes)
        let lines = ExportFormatsTests.unfold(bytes)
        XCTAssertEqual(
            lines.filter { $0 == "BEGIN:VEVENT" }.count, 2, "1a and 1b have deadlines; 1c is Ongoing, =1 TBC")
        XCTAssertTrue(lines.contains { $0.hasPrefix("SUMMARY:1a — =HYPERLINK(\"http://e\"\\,\"x\")<script>") })
        let events = try ExternalTools.parseICS(bytes)
        XCTAssertEqual(events.count, 2)
        let visible = ReportText.clean(Self.evil)
        XCTAssertEqual(events.first?.summary, "1a — =HYPERLINK(\"http://e\",\"x\")" + visible)
        XCTAssertTrue(events.last?.description.contains("Latest note (2019-01-11): " + visible) ?? false)
    }

    func testICSDatesHaveEightDigitsFromYear1To9999() throws {
        let dates = ["01/01/0001", "0001-12-31", "30/12/9999", "31/12/9999", "December 9999", "March 2019"]
        let actions = dates.enumerated().map { i, d in
            Action(id: "1(\(i))", text: "Due \(d)", deliveryDate: d, rating: .green)
        }
        let p = Plan(
            title: "Years", themes: [Theme(number: 1, title: "T", groups: [ActionGroup(title: nil, actions: actions)])])
        for asOf in ["0001-01-01", "2019-01-31", "9999-12-31"].map(TestSupport.day) {
            let bytes = ICSExport.render(p, asOf: asOf)
            let dateLines = ExportFormatsTests.unfold(bytes).filter {
                $0.hasPrefix("DTSTART") || $0.hasPrefix("DTEND") || $0.hasPrefix("DTSTAMP")
            }
            XCTAssertEqual(dateLines.count, 6 + 6 + 4, "31 December 9999 has no DTEND: a DATE DTSTART alone is one day")
            for l in dateLines {
                let value = l.split(separator: ":").last.map(String.init) ?? ""
                let date = value.hasSuffix("T000000Z") ? String(value.dropLast(8)) : value
                XCTAssertTrue(date.count == 8 && date.allSatisfy(\.isASCII) && Int(date) != nil, "RFC 5545 DATE: \(l)")
            }
            let events = try ExternalTools.parseICS(bytes)
            XCTAssertEqual(
                events.map(\.start),
                ["0001-01-01", "0001-12-31", "9999-12-30", "9999-12-31", "9999-12-31", "2019-03-31"])
            XCTAssertEqual(
                events.map(\.end), ["0001-01-02", "0002-01-01", "9999-12-31", "", "", "2019-04-01"],
                "DTEND is the day after, left out only when that day would be year 10000")
            XCTAssertEqual(Set(events.map(\.stamp)), [asOf.description + "T00:00:00+00:00"])
        }
    }

    func testJSONEscapesControlCharactersLosslessly() throws {
        let p = try Self.hostilePlan()
        let bytes = ReportJSON.render(try StatusReport.make(p, asOf: asOf, produced: asOf))
        assertTerminalSafe(bytes, "JSON")
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains("\\u009b31mCSI \\u0085NEL \\u2066isolate\\u2069"))
        let obj = try JSONSerialization.jsonObject(with: Data(bytes)) as! [String: Any]
        let exc = obj["exceptions"] as! [[String: Any]]
        XCTAssertEqual(exc.first?["text"] as? String, "=HYPERLINK(\"http://e\",\"x\")" + Self.evil)
        XCTAssertEqual((obj["plan"] as? [String: Any])?["title"] as? String, "Plan " + Self.evil)
    }
}
