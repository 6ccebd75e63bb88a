import ActionPlanPackage
import Foundation
import XCTest

@testable import ActionPlanCore

/// The Word export read back by python-docx: the Markdown report's sections as Word headings and tables.
extension ExportOfficeTests {
    static let readDocument = """
        import json, sys, docx
        from docx.oxml.ns import qn
        d = docx.Document(sys.argv[1])
        heads = [[p.style.name, p.text] for p in d.paragraphs if p.style.name == 'Title' or p.style.name.startswith('Heading')]
        tables = []
        for t in d.tables:
            first = t.rows[0]._tr
            repeat = first.trPr is not None and first.trPr.find(qn('w:tblHeader')) is not None
            fills = {}
            for row in t.rows[1:]:
                for c in row.cells:
                    shd = c._tc.tcPr.find(qn('w:shd')) if c._tc.tcPr is not None else None
                    if shd is not None: fills[c.text] = shd.get(qn('w:fill'))
            tables.append({'header': [c.text for c in t.rows[0].cells], 'rows': len(t.rows) - 1, 'repeat': repeat,
                           'fills': fills})
        bold = [p.text for p in d.paragraphs if p.runs and all(r.bold for r in p.runs)]
        print(json.dumps({'heads': heads, 'tables': tables, 'bold': bold}))
        """

    private func markdownHeadings(_ r: StatusReport) -> [[String]] {
        MarkdownReport.render(r).split(separator: "\n").compactMap { line -> [String]? in
            let hashes = line.prefix { $0 == "#" }.count
            guard hashes > 0, line.dropFirst(hashes).first == " " else { return nil }
            var text = String(line.dropFirst(hashes + 1)).replacingOccurrences(of: "&amp;", with: "&")
            text = text.replacingOccurrences(of: "\\", with: "")
            return [hashes == 1 ? "Title" : "Heading \(hashes - 1)", text]
        }
    }

    func testDOCXHasTheMarkdownsSectionsAsWordHeadingsAndTables() throws {
        let r = try Self.impactReport()
        let day = TestSupport.day("2019-01-31")
        let parts = DOCXWriter.parts(ReportDocument.make(r))
        let path = dir + "/barnet.docx"
        try Data(try ZipPackage.archive(parts, dated: day)).write(to: URL(fileURLWithPath: path))
        let doc = try XCTUnwrap(try python("docx", Self.readDocument, path) as? [String: Any])
        let heads = try XCTUnwrap(doc["heads"] as? [[String]])
        XCTAssertEqual(heads, markdownHeadings(r), "the same headings, at the same levels, in the same order")
        XCTAssertEqual(
            heads.filter { $0[0] == "Heading 1" }.map { $0[1] },
            [
                "1. Key to ratings", "2. Headline", "3. Summary by theme", "4. Movement since the last report",
                "5. Exceptions", "6. Recommendations", "7. Measures of impact", "8. The full plan",
                "Appendix: named officers",
            ])
        XCTAssertTrue(heads.contains(["Heading 2", "How late the overdue actions are"]), "the chart's numbers")
        let attention = ReportText.attention(r)
        XCTAssertFalse(attention.isEmpty)
        XCTAssertTrue((doc["bold"] as? [String] ?? []).contains(attention), "the headline says what to notice")
        let tables = try XCTUnwrap(doc["tables"] as? [[String: Any]])
        let markdownTables = MarkdownReport.render(r).split(separator: "\n").filter {
            $0.hasPrefix("| ---") || $0.hasPrefix("| ---:")
        }
        XCTAssertEqual(tables.count, markdownTables.count, "one Word table for each Markdown table")
        XCTAssertTrue(tables.allSatisfy { $0["repeat"] as? Bool == true }, "header rows repeat on every page")
        let exceptions = try XCTUnwrap(tables.first { ($0["header"] as? [String])?.contains("Days late") == true })
        XCTAssertEqual(
            exceptions["header"] as? [String],
            ["ID", "Action", "Rating", "Why", "Original deadline", "Revised deadline", "Days late", "Latest note"])
        let fills = tables.compactMap { $0["fills"] as? [String: String] }.reduce(into: [String: String]()) {
            $0.merge($1) { a, _ in a }
        }
        let measures = try XCTUnwrap(tables.first { ($0["header"] as? [String])?.contains("Against target") == true })
        XCTAssertEqual(measures["header"] as? [String], ReportTables.measureColumns.map(\.title))
        XCTAssertEqual(measures["rows"] as? Int, 4, "M5, its two parts and M6")
        let recs = try XCTUnwrap(tables.first { ($0["header"] as? [String])?.contains("Covered") == true })
        XCTAssertEqual(recs["rows"] as? Int, 24)
        XCTAssertEqual(fills["R Red"], "F19C99", "ratings are coloured cells with their letter")
        XCTAssertEqual(fills["G Green"], "A8D08D")
    }

    func testDOCXShowsHostileTextAsText() throws {
        let p = try ExportHostileTextTests.hostilePlan()
        let script = """
            import json, sys, docx
            d = docx.Document(sys.argv[1])
            texts = [p.text for p in d.paragraphs]
            for t in d.tables:
                for row in t.rows:
                    texts += [c.text for c in row.cells]
            print(json.dumps(texts))
            """
        let texts = try XCTUnwrap(try python("docx", script, try write(p, .docx, name: "hostile")) as? [String])
        let all = texts.joined(separator: "\n")
        XCTAssertTrue(all.contains("<script>alert(1)</script></td></tr></table>"), "markup is text")
        XCTAssertTrue(all.contains("=HYPERLINK(\"http://e\",\"x\")"))
        XCTAssertFalse(all.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" }, "controls made visible")
        XCTAssertTrue(all.contains("^["), "ESC shown as ^[")
    }
}
