import ActionPlanPackage
import Foundation
import XCTest

@testable import ActionPlanCore

/// `export --format xlsx` and `--format docx`, read back by the libraries councils' tools agree with
/// (openpyxl, python-docx) and converted by LibreOffice.
final class ExportOfficeTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws { dir = try TestSupport.tempDir() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    /// Barnet as at 31 January 2019, compared with a November snapshot, with one action moved to Red.
    static func barnetReport() throws -> StatusReport {
        var p = try TestSupport.samplePlan()
        try p.takeSnapshot(label: "November 2018 committee", asOf: TestSupport.day("2018-11-15"))
        try p.rate(id: "5(xii)", to: .red, note: "Provider withdrew", by: "NH", on: TestSupport.day("2019-01-10"))
        return try StatusReport.make(p, asOf: TestSupport.day("2019-01-31"), produced: TestSupport.day("2019-02-05"))
    }

    /// `barnetReport` with measures (two caseload figures under a parent, as the seed dashboard has them) and
    /// action 1a(i) linked to Ofsted's recommendation 1, so the others are uncovered.
    static func impactReport() throws -> StatusReport {
        var p = try barnetReport().plan
        p.measures = [
            Measure(
                id: "M5", title: "Average Caseload Numbers", planIDs: ["T8", "2a(i)"],
                subMeasures: [
                    Measure(
                        id: "M5.1", title: "Duty and Assessment", polarity: .lower, target: "15",
                        observations: [.init(period: "Feb-18", value: "18.3"), .init(period: "Mar-18", value: "13.3")]),
                    Measure(
                        id: "M5.2", title: "Inadequate audits", unit: .percent, polarity: .lower, target: "10%",
                        observations: [
                            .init(period: "Feb-18", value: "7/ 50.0%"), .init(period: "Mar-18", value: "2/16.67%"),
                        ]),
                ]),
            Measure(id: "M6", title: "Calibration", planIDs: ["T2"], note: "Will be included when available"),
        ]
        _ = try p.link(action: "1a(i)", to: ["1"])
        return try StatusReport.make(p, asOf: TestSupport.day("2019-01-31"), produced: TestSupport.day("2019-02-05"))
    }

    /// Writes the `format` export of `plan` to a file in `dir` and returns its path.
    func write(_ plan: Plan, _ format: ExportFormat, name: String) throws -> String {
        let day = TestSupport.day("2019-01-31")
        let parts = try Exporter.parts(plan, format: format, asOf: day, produced: day)
        let path = dir + "/\(name).\(format.rawValue)"
        try Data(try ZipPackage.archive(parts, dated: day)).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Runs a Python `script` (which prints JSON) on `file`, or skips when python3 or `module` is missing.
    func python(_ module: String, _ script: String, _ file: String) throws -> Any {
        guard let python = ExternalTools.which("python3") else { throw XCTSkip("python3 is not installed") }
        if try TestSupport.run(python, ["-c", "import \(module)"]).status != 0 {
            throw XCTSkip("Python's \(module) is not installed (python3 -m pip install python-docx openpyxl)")
        }
        let r = try TestSupport.run(python, ["-c", script, file])
        XCTAssertEqual(r.status, 0, r.stderr)
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    }

    private static let readWorkbook = """
        import json, sys, zipfile, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = {}
        for ws in wb.worksheets:
            rows = [[{'v': c.value, 't': c.data_type, 'fill': c.fill.fgColor.rgb if c.fill.fill_type else None,
                      'q': bool(c.quotePrefix), 'fmt': c.number_format} for c in row] for row in ws.iter_rows()]
            widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(ws.max_column)]
            out[ws.title] = {'freeze': ws.freeze_panes, 'rows': rows, 'widths': widths}
        z = zipfile.ZipFile(sys.argv[1])
        out['_formulas'] = sum(z.read(n).count(b'<f') for n in z.namelist() if n.startswith('xl/worksheets/'))
        out['_order'] = wb.sheetnames
        print(json.dumps(out, default=str))
        """

    func testXLSXHasOneSheetPerSectionWithFrozenHeadersColouredRatingsAndFittingWidths() throws {
        let r = try Self.impactReport()
        let path = try write(r.plan, .xlsx, name: "barnet")
        let book = try XCTUnwrap(try python("openpyxl", Self.readWorkbook, path) as? [String: Any])
        XCTAssertEqual(
            book["_order"] as? [String],
            [
                "Report", "Headline", "Summary by theme", "Exceptions", "Full plan", "Measures", "Recommendations",
                "Officers",
            ])
        for name in book.keys where !name.hasPrefix("_") {
            let sheet = try XCTUnwrap(book[name] as? [String: Any])
            XCTAssertEqual(sheet["freeze"] as? String, "A2", "\(name): header row frozen")
        }
        let plan = try XCTUnwrap(book["Full plan"] as? [String: Any])
        let rows = try XCTUnwrap(plan["rows"] as? [[[String: Any]]])
        XCTAssertEqual(rows.count, 58, "a header and 57 actions")
        XCTAssertEqual(
            rows[0].map { $0["v"] as? String },
            ["Theme", "Group", "ID", "Cross-refs", "Action", "Leads", "Delivery date", "Rating"])
        let red = try XCTUnwrap(rows.first { $0[2]["v"] as? String == "5(xii)" })
        XCTAssertEqual(red[7]["v"] as? String, "R Red", "the rating keeps its letter")
        XCTAssertEqual(red[7]["fill"] as? String, "FFF19C99", "on the rating's colour")
        let green = try XCTUnwrap(rows.first { $0[2]["v"] as? String == "1a(i)" })
        XCTAssertEqual(green[7]["fill"] as? String, "FFA8D08D")
        let widths = try XCTUnwrap(plan["widths"] as? [Double])
        XCTAssertEqual(widths[2], 10, "ID: its longest value (2a(viii), 8) plus two")
        XCTAssertEqual(widths[4], 60, "Action: capped, the text wraps")
        let exceptions = try XCTUnwrap((book["Exceptions"] as? [String: Any])?["rows"] as? [[[String: Any]]])
        XCTAssertEqual(exceptions.count, 1 + r.exceptionCount)
        let summary = try XCTUnwrap((book["Summary by theme"] as? [String: Any])?["rows"] as? [[[String: Any]]])
        XCTAssertEqual(summary.last?[0]["v"] as? String, "All themes")
        XCTAssertEqual(summary.last?[1]["t"] as? String, "n", "counts are numbers")
        // Per cents are the numbers they stand for, shown as per cents: they sort, sum and chart.
        XCTAssertEqual(summary[0][7]["v"] as? String, "% complete")
        for row in summary.dropFirst() {
            XCTAssertEqual(row[7]["t"] as? String, "n", "\(row[0]["v"] ?? ""): % complete is a number")
            XCTAssertEqual(row[7]["fmt"] as? String, "0%")
        }
        let headline = try XCTUnwrap((book["Headline"] as? [String: Any])?["rows"] as? [[[String: Any]]])
        let overdue = try XCTUnwrap(headline.first { $0[0]["v"] as? String == "Overdue" })
        XCTAssertEqual(overdue[2]["v"] as? Double, 0.49, "28 of 57 actions, 49 %")
        XCTAssertEqual(overdue[2]["fmt"] as? String, "0%")
        let recommendations = try XCTUnwrap(
            (book["Recommendations"] as? [String: Any])?["rows"] as? [[[String: Any]]])
        XCTAssertEqual(recommendations.count, 25, "a header and the 24 recommendations")
    }

    /// The cells of sheet `name` as (value, openpyxl type, fill) rows.
    private func sheetRows(
        _ book: [String: Any], _ name: String
    ) throws -> [[(v: Any?, t: String?, fill: String?, quoted: Bool)]] {
        let rows = try XCTUnwrap((book[name] as? [String: Any])?["rows"] as? [[[String: Any]]], name)
        return rows.map {
            $0.map {
                (
                    $0["v"] is NSNull ? nil : $0["v"], $0["t"] as? String, $0["fill"] as? String,
                    $0["q"] as? Bool ?? false
                )
            }
        }
    }

    func testXLSXMeasuresSheetHasFiguresAsNumbersAndStatusColouredWithItsWords() throws {
        var plan = try Self.impactReport().plan
        plan.measures.append(
            Measure(
                id: "M9", title: "=HYPERLINK(\"http://e\")", target: "-1+2",
                observations: [.init(period: "@x", value: "4")]))
        let book = try XCTUnwrap(
            try python("openpyxl", Self.readWorkbook, try write(plan, .xlsx, name: "impact")) as? [String: Any])
        let rows = try sheetRows(book, "Measures")
        XCTAssertEqual(
            rows[0].map { $0.v as? String },
            [
                "ID", "Measure", "Unit", "Plan IDs", "Previous period", "Previous", "Latest period", "Latest",
                "Change", "Target", "Against target", "Trend",
            ])
        XCTAssertEqual(
            rows.map { $0[0].v as? String }, ["ID", "M5", "M5.1", "M5.2", "M6", "M9"], "parents before parts")
        XCTAssertEqual(rows[1][3].v as? String, "T8 2a(i)")
        let duty = rows[2]
        XCTAssertEqual(duty[1].v as? String, "– Duty and Assessment")
        XCTAssertEqual(duty[2].v as? String, "number")
        XCTAssertEqual(duty[4].v as? String, "Feb-18")
        XCTAssertEqual(duty[6].v as? String, "Mar-18")
        for (i, expected) in [(5, 18.3), (7, 13.3), (8, -5.0), (9, 15.0)] {
            XCTAssertEqual(duty[i].t, "n", "column \(i) is a number")
            XCTAssertEqual(try XCTUnwrap(duty[i].v as? Double), expected, accuracy: 1e-9)
        }
        XCTAssertEqual(duty[10].v as? String, "on target")
        XCTAssertEqual(duty[10].fill, "FFA8D08D", "on target reads as Green, with its words")
        XCTAssertEqual(duty[11].v as? String, "↓ better")
        let audits = rows[3]
        XCTAssertEqual(audits[5].v as? String, "50%", "a percentage stays as the report shows it, as text")
        XCTAssertEqual(audits[5].t, "s")
        XCTAssertEqual(audits[9].v as? String, "10%")
        XCTAssertEqual(audits[10].v as? String, "off target")
        XCTAssertEqual(audits[10].fill, "FFF19C99", "off target reads as Red")
        XCTAssertEqual(rows[4][1].v as? String, "Calibration (Will be included when available)", "the note is kept")
        XCTAssertEqual(rows[4][10].v as? String, "")
        let hostile = rows[5]
        for i in [1, 6, 9] {
            XCTAssertEqual(hostile[i].t, "s", "\(hostile[i]): formula-like text is a string")
            XCTAssertTrue(hostile[i].quoted, "\(hostile[i]): quote-prefixed")
        }
        XCTAssertEqual(hostile[9].v as? String, "-1+2")
        XCTAssertEqual(book["_formulas"] as? Int, 0)
    }

    func testXLSXRecommendationsSheetShowsCoverageAndFlagsUncovered() throws {
        let r = try Self.impactReport()
        let book = try XCTUnwrap(
            try python("openpyxl", Self.readWorkbook, try write(r.plan, .xlsx, name: "impact")) as? [String: Any])
        let rows = try sheetRows(book, "Recommendations")
        XCTAssertEqual(
            rows[0].map { $0.v as? String },
            [
                "Rec", "Source", "Recommendation", "Actions (rating, lateness)", "Covered", "Linked actions",
                "Overdue actions",
            ])
        let covered = try XCTUnwrap(rows.first { $0[0].v as? String == "1" })
        XCTAssertEqual(covered[1].v as? String, "Ofsted")
        let linked = try XCTUnwrap(r.coverage.first { $0.recommendation.id == "1" })
        XCTAssertEqual(covered[3].v as? String, linked.actionsText)
        XCTAssertTrue(linked.actionsText.hasPrefix("1a(i) "), linked.actionsText)
        XCTAssertEqual(covered[4].v as? String, "Yes")
        XCTAssertEqual(covered[5].v as? Int, 1)
        XCTAssertEqual(covered[6].v as? Int, linked.actions[0].daysOverdue == nil ? 0 : 1)
        let uncovered = try XCTUnwrap(rows.first { $0[0].v as? String == "2" })
        XCTAssertEqual(uncovered[3].v as? String, "none")
        XCTAssertEqual(uncovered[4].v as? String, "NO", "flagged: no live action answers it")
        XCTAssertEqual(uncovered[5].v as? Int, 0)
    }

    func testXLSXWritesFormulaLikeTextAsQuotedStringsNeverFormulas() throws {
        let p = try ExportHostileTextTests.hostilePlan()
        let book = try XCTUnwrap(
            try python("openpyxl", Self.readWorkbook, try write(p, .xlsx, name: "hostile")) as? [String: Any])
        XCTAssertEqual(book["_formulas"] as? Int, 0, "no <f> element in any sheet")
        let cells = book.filter { !$0.key.hasPrefix("_") }.values.flatMap { sheet in
            ((sheet as? [String: Any])?["rows"] as? [[[String: Any]]] ?? []).flatMap { $0 }
        }
        let formulaLike = cells.filter { c in
            guard let v = c["v"] as? String else { return false }
            return CSVExport.isFormulaLike(v.unicodeScalars[...])
        }
        XCTAssertGreaterThanOrEqual(formulaLike.count, 4, "=HYPERLINK, -, @, + and =1 texts")
        for c in formulaLike {
            XCTAssertEqual(c["t"] as? String, "s", "\(c): a string")
            XCTAssertEqual(c["q"] as? Bool, true, "\(c): quote-prefixed, so editing keeps it text")
        }
        XCTAssertTrue(formulaLike.contains { ($0["v"] as? String)?.hasPrefix("=HYPERLINK(\"http://e\"") == true })
    }

    func testAMeasuresChangeInPerCentKeepsItsSignInTheWordAndExcelReports() throws {
        // A measure in per cent that rose by five points shows "+5%", as the HTML and Markdown do: only the
        // report's own per cents (of actions) are per cent cells.
        var p = try Self.impactReport().plan
        p.measures = [
            Measure(
                id: "M9", title: "Visits on time", unit: .percent, polarity: .higher, target: "90%",
                observations: [.init(period: "Feb-18", value: "10%"), .init(period: "Mar-18", value: "15%")])
        ]
        let day = TestSupport.day("2019-01-31")
        let r = try StatusReport.make(p, asOf: day, produced: day)
        let tables = ReportDocument.make(r).tables
        let measures = try XCTUnwrap(tables.first { $0.columns.contains("Change") && $0.columns.contains("Trend") })
        let change = try XCTUnwrap(measures.columns.firstIndex(of: "Change"))
        XCTAssertEqual(measures.rows.first?[change].shown, "+5%")
        XCTAssertTrue(MarkdownReport.render(r).contains("+5%"))
        let sheet = try XCTUnwrap(ReportWorkbook.make(r).sheets.first { $0.name == "Measures" })
        let sheetChange = try XCTUnwrap(sheet.columns.firstIndex(of: "Change"))
        XCTAssertEqual(sheet.rows.first?[sheetChange], .text("+5%"))
    }

    func testEveryWordTableFitsThePageWithEachColumnAsWideAsItsTitlesLongestWord() throws {
        var p = try Self.impactReport().plan
        _ = try p.takeSnapshot(label: "December committee", asOf: TestSupport.day("2018-12-31"))
        let r = try StatusReport.make(p, asOf: TestSupport.day("2019-01-31"), produced: TestSupport.day("2019-02-01"))
        let tables = ReportDocument.make(r).tables
        XCTAssertTrue(tables.contains { $0.columns.contains("Unrated") && $0.columns.count >= 6 }, "the history table")
        for t in tables {
            let w = DOCXWriter.widths(t)
            XCTAssertLessThanOrEqual(w.reduce(0, +), DOCXWriter.textWidth, "\(t.columns) runs off the page: \(w)")
        }
    }

    func testAWholePerCentIsWrittenAsTheExactNumberItStandsFor() {
        let cases: [(Int, String)] = [
            (0, "0"), (5, "0.05"), (10, "0.1"), (49, "0.49"), (100, "1"), (101, "1.01"), (250, "2.5"), (-5, "-0.05"),
            (-100, "-1"),
        ]
        for (p, text) in cases { XCTAssertEqual(XLSXWriter.hundredths(p), text, "\(p)") }
        XCTAssertEqual(SheetCell(.percent(49)), .percent(49))
        XCTAssertEqual(SheetCell(.number("49")), .number(49))
        XCTAssertEqual(SheetCell(.number("4.9%")), .text("4.9%"), "a figure with a unit: text as written")
        XCTAssertEqual(SheetCell(.number("+5%")), .text("+5%"), "a change keeps its sign")
    }

    func testSheetNamesAndWidthsFollowExcelsRules() {
        XCTAssertEqual(
            XLSXWriter.sheetNames(["a/b:c", "A/B:C", String(repeating: "x", count: 40), ""]),
            ["a b c", "A B C (2)", String(repeating: "x", count: 31), "Sheet"])
        XCTAssertEqual(XLSXWriter.columnName(0), "A")
        XCTAssertEqual(XLSXWriter.columnName(25), "Z")
        XCTAssertEqual(XLSXWriter.columnName(26), "AA")
        let sheet = Sheet(
            name: "s", columns: ["ID", "Text"],
            rows: [[.text("1a"), .text(String(repeating: "word ", count: 40))], [.number(123_456), .text("a\nb\nc")]])
        XCTAssertEqual(XLSXWriter.widths(sheet), [8, 60])
        XCTAssertEqual(XLSXWriter.lines(sheet.rows[0], widths: [8, 60]), 3, "200 characters, 68 a line")
        XCTAssertEqual(XLSXWriter.lines(sheet.rows[1], widths: [8, 60]), 3)
    }

    /// The Markdown report's headings as (Word style, text): `#` Title, `##` Heading 1, and so on.
    func testCommandLineWritesBothByExtensionTheSameBytesEachTime() throws {
        let plan = dir + "/plan.json"
        try FileManager.default.copyItem(atPath: TestSupport.samplePlanPath, toPath: plan)
        for format in ["xlsx", "docx"] {
            var outputs: [Data] = []
            for run in 1...2 {
                let out = dir + "/report\(run).\(format)"
                let r = try TestSupport.run([
                    "export", plan, "-o", out, "--as-of", "2019-01-31", "--produced", "2019-02-05",
                ])
                XCTAssertEqual(r.status, 0, r.stderr)
                XCTAssertTrue(r.stdout.hasPrefix("Wrote \(out) (\(format), position as at 2019-01-31"), r.stdout)
                outputs.append(try XCTUnwrap(FileManager.default.contents(atPath: out)))
            }
            XCTAssertTrue(outputs[0].starts(with: [0x50, 0x4B, 0x03, 0x04]), "\(format) is a zip")
            XCTAssertEqual(outputs[0], outputs[1], "\(format): the same export on the same day is the same bytes")
        }
        // The core alone cannot zip: asked for bytes of a package format, it says so (the terminal UI shows it).
        let p = try TestSupport.samplePlan()
        let day = TestSupport.day("2019-01-31")
        XCTAssertThrowsError(try Exporter.render(p, format: .xlsx, asOf: day, produced: day)) {
            XCTAssertEqual(($0 as? PlanError)?.kind, .invalidValue)
        }
    }

    func testLibreOfficeConvertsBothToPDFWithTheReportsText() throws {
        guard let soffice = ExternalTools.which("soffice", "libreoffice") else {
            throw XCTSkip(
                "LibreOffice is not installed (apt-get install libreoffice-calc-nogui libreoffice-writer-nogui); "
                    + "the XLSX/DOCX conversion check is skipped")
        }
        _ = try ExternalTools.poppler()
        let r = try Self.impactReport()
        let xlsx = try write(r.plan, .xlsx, name: "book")
        let docx = try write(r.plan, .docx, name: "document")
        let convert = try TestSupport.run(
            soffice,
            [
                "--headless", "-env:UserInstallation=file://\(dir)/lo-profile", "--convert-to", "pdf", "--outdir",
                dir, xlsx, docx,
            ], environment: ["PATH": "/usr/bin:/bin", "HOME": dir], timeout: 240)
        XCTAssertEqual(convert.status, 0, convert.stderr)
        // Cells wrap, so words of one note may be on two lines.
        let book = Whitespace.collapse(try ExternalTools.pdfText(dir + "/book.pdf"))
        let document = Whitespace.collapse(try ExternalTools.pdfText(dir + "/document.pdf"))
        for (name, text) in [("xlsx", book), ("docx", document)] {
            XCTAssertTrue(text.contains("Barnet Children's Services"), name)
            XCTAssertTrue(text.contains("R Red"), "\(name): the rating's letter prints")
            XCTAssertTrue(text.contains("Provider withdrew"), name)
        }
        XCTAssertTrue(document.contains("5. Exceptions"))
        XCTAssertTrue(document.contains("7. Measures of impact"))
        XCTAssertTrue(book.contains("Duty and Assessment") && book.contains("off target"), "the Measures sheet prints")
        // Word tables come out of the PDF cell by cell, so two-word cells may be split; one-line cells hold.
        XCTAssertTrue(document.contains("Duty and Assessment"))
        XCTAssertTrue(document.contains("Inadequate audits"))
        XCTAssertGreaterThan(try ExternalTools.pageCount(dir + "/document.pdf"), 5)
        // No column title breaks inside a word (the columns are at least as wide as their titles' longest words
        // in the widest font LibreOffice puts in Calibri's place): "Overdu" and "e" on two lines was seen.
        let titles = ReportDocument.make(r).tables.flatMap(\.columns)
        let words = Set(
            try ExternalTools.pdfText(dir + "/document.pdf").split(whereSeparator: \.isWhitespace).map(String.init))
        // A piece of four letters or more standing alone, with the rest standing alone too (shorter pieces are
        // words of the text: "not" and "e").
        for word in Set(titles.flatMap { $0.split(separator: " ").map(String.init) }) where word.count >= 5 {
            for k in 4..<word.count {
                let (head, tail) = (String(word.prefix(k)), String(word.dropFirst(k)))
                XCTAssertFalse(
                    words.contains(head) && words.contains(tail), "the title word \"\(word)\" broke as \(head)|\(tail)")
            }
        }
    }
}

extension WordDocument {
    /// The document's tables, in reading order.
    fileprivate var tables: [WordTable] {
        blocks.compactMap {
            if case .table(let t) = $0 { return t }
            return nil
        }
    }
}
