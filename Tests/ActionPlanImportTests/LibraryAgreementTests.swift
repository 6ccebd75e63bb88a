import ActionPlanCore
import ActionPlanImport
import Foundation
import TestProcess
import XCTest

/// The project's reading of Word and Excel files against an independent one: python-docx and openpyxl, run by
/// scripts/office-reading.py, which prints as JSON what those libraries read from the same fixture.
///
/// The script applies the documented text rules (white space, list prefix, heading levels) itself, so any
/// difference is a difference in what was read. Without python3 and its modules the test skips, except under
/// CI (the `CI` environment variable set), where it fails: CI installs them (.ci/run).
final class LibraryAgreementTests: XCTestCase {
    /// What python-docx or openpyxl read from the fixture `name`.
    private func pythonReading(_ name: String) throws -> [String: Any] {
        let environment = ProcessInfo.processInfo.environment
        let onCI = !["", "0", "false"].contains((environment["CI"] ?? "").lowercased())
        let script = TestPaths.root.appendingPathComponent("scripts/office-reading.py").path
        let probe = try? ChildProcess.run("python3", ["-c", "import docx, openpyxl"], timeout: 60)
        guard let probe, probe.status == 0 else {
            let why = "python3 with python-docx and openpyxl is needed (python3 -m pip install python-docx openpyxl)"
            if onCI { XCTFail(why + "; CI must install them (.ci/run)") }
            throw XCTSkip(why + "; the check against the independent reading is skipped")
        }
        let r = try ChildProcess.run("python3", [script, ReaderTestSupport.fixture(name)], timeout: 120)
        XCTAssertEqual(r.status, 0, "office-reading.py \(name): \(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        return try XCTUnwrap(json as? [String: Any], "office-reading.py printed no object: \(r.stdout.prefix(500))")
    }

    /// Every paragraph (text, heading level) and every table row (cell text, span, vertical merge) agrees.
    func testWordDocumentReadsAsPythonDocxReadsIt() throws {
        let python = try pythonReading("plan.docx")
        let ours = try ReaderTestSupport.read("plan.docx")
        let body = try XCTUnwrap(python["body"] as? [[String: Any]])
        var items = ours.items[...]
        var table = 0
        for block in body {
            if let text = block["p"] as? String {
                guard let item = items.popFirst(), case .text(let t, let heading) = item.content else {
                    return XCTFail("python-docx read paragraph \"\(text)\"; SourceReader has no paragraph there")
                }
                XCTAssertEqual(t, text, "\(item.location)")
                XCTAssertEqual(heading, block["heading"] as? Int, "heading level of \(item.location) \"\(t)\"")
            } else {
                table += 1
                let rows = try XCTUnwrap(block["table"] as? [[[String: Any]]])
                for (r, row) in rows.enumerated() {
                    guard let item = items.popFirst(), case .row(let cells, let number) = item.content else {
                        return XCTFail("python-docx read row \(r + 1) of table \(table); SourceReader has no row there")
                    }
                    XCTAssertEqual(number, table)
                    XCTAssertEqual([item.location.table, item.location.row], [table, r + 1])
                    let expected = row.map {
                        SourceCell(
                            text: $0["text"] as? String ?? "?", span: $0["span"] as? Int ?? 0,
                            continuesAbove: $0["continues"] as? Bool ?? false)
                    }
                    XCTAssertEqual(cells, expected, "\(item.location)")
                }
            }
        }
        XCTAssertEqual(items.count, 0, "SourceReader read more than python-docx: \(items.map(\.location))")
        XCTAssertEqual(table, 2)
    }

    /// Every sheet, filled row (Excel's number) and cell value by column agrees, and merges give the spans.
    func testExcelWorkbookReadsAsOpenpyxlReadsIt() throws {
        let python = try pythonReading("plan.xlsx")
        let ours = try ReaderTestSupport.read("plan.xlsx")
        let sheets = try XCTUnwrap(python["sheets"] as? [[String: Any]])
        var items = ours.items[...]
        for (n, sheet) in sheets.enumerated() {
            let name = sheet["name"] as? String ?? "?"
            if sheet["hidden"] as? Bool == true {
                XCTAssertTrue(ours.notes.contains { $0.message == "sheet '\(name)' is hidden and was read too" })
            }
            let merged = (sheet["merged"] as? [[Int]] ?? []).map {
                (top: $0[0], left: $0[1], bottom: $0[2], right: $0[3])
            }
            for row in sheet["rows"] as? [[String: Any]] ?? [] {
                let number = row["row"] as? Int ?? 0
                guard let item = items.popFirst(), case .row(let cells, let table) = item.content else {
                    return XCTFail("openpyxl read row \(number) of \(name); SourceReader has no row there")
                }
                XCTAssertEqual([item.location.sheet, item.location.row.map(String.init)], [name, String(number)])
                XCTAssertEqual(table, n + 1)
                // The cells by column, from the spans; openpyxl gives the filled columns' values.
                var byColumn: [String: String] = [:]
                var column = 1
                for cell in cells {
                    if !cell.text.isEmpty { byColumn[String(column)] = cell.text }
                    let merge = merged.first { $0.left == column && ($0.top...$0.bottom).contains(number) }
                    XCTAssertEqual(
                        cell.span, merge.map { $0.right - $0.left + 1 } ?? 1,
                        "span at \(item.location), column \(column)")
                    XCTAssertEqual(
                        cell.continuesAbove, merge.map { $0.top < number } ?? false,
                        "\(item.location), column \(column)")
                    column += cell.span
                }
                XCTAssertEqual(byColumn, row["cells"] as? [String: String] ?? [:], "\(item.location)")
            }
        }
        XCTAssertEqual(items.count, 0, "SourceReader read more than openpyxl: \(items.map(\.location))")
    }
}
