import ActionPlanCore
import ActionPlanStore
import ActionPlanTUI
import Foundation
import TestProcess
import XCTest

/// The `x` export writes Word and Excel as `actionplan export` does (read back with openpyxl and
/// python-docx), and refuses PDF saying the CLI prints it.
extension PlanSessionTests {
    /// A session on the plan with its first action rated Red, "slipped" (unsaved), the `x` prompt open and
    /// its text replaced by `target`; Enter not yet pressed.
    func exportPrompt(target: String) throws -> PlanSession {
        let s = try open()
        rateRed(s)
        XCTAssertTrue(s.handle(.char("x")))
        guard case .prompt(let p) = s.state.mode else {
            XCTFail("x should ask for a file")
            return s
        }
        for _ in p.editor.text { XCTAssertTrue(s.handle(.backspace)) }
        for c in target { XCTAssertTrue(s.handle(.char(c))) }
        return s
    }

    /// Runs a Python `script` (which prints JSON) on `file`, or skips when python3 or `module` is missing.
    func python(_ module: String, _ script: String, _ file: String) throws -> Any {
        let search = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let python = search.map({ "\($0)/python3" }).first(where: FileManager.default.isExecutableFile)
        else { throw XCTSkip("python3 is not installed") }
        if try ChildProcess.run(python, ["-c", "import \(module)"]).status != 0 {
            throw XCTSkip("Python's \(module) is not installed (python3 -m pip install python-docx openpyxl)")
        }
        let r = try ChildProcess.run(python, ["-c", script, file])
        XCTAssertEqual(r.status, 0, r.stderr)
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    }

    func testXWritesAnExcelWorkbookOfThePlanAsEditedThatOpenpyxlReads() throws {
        let target = dir + "/report.xlsx"
        let s = try exportPrompt(target: target)
        XCTAssertTrue(s.handle(.enter))
        XCTAssertEqual(s.state.message?.isError, false, s.state.message?.text ?? "")
        XCTAssertEqual(s.state.message?.text, "Exported the xlsx report to \(target)")
        let script = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            print(json.dumps({ws.title: [[str(c.value) for c in row] for row in ws.iter_rows()] for ws in wb.worksheets}))
            """
        let book = try XCTUnwrap(try python("openpyxl", script, target) as? [String: [[String]]])
        XCTAssertEqual(book["Full plan"]?.first?.first, "Theme")
        let ids = TUIFixtures.small().themes.flatMap { $0.groups.flatMap { $0.actions.map(\.id) } }
        XCTAssertEqual(book["Full plan"]?.dropFirst().map { $0[2] }, ids, "every action, in plan order")
        XCTAssertTrue(s.state.isModified, "exporting does not save the plan")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: dir).sorted(), ["plan.json", "report.xlsx"],
            "written atomically: no temporary file left beside it")
    }

    func testXWritesAWordDocumentOfThePlanAsEditedThatPythonDocxReads() throws {
        let target = dir + "/report.docx"
        let s = try exportPrompt(target: target)
        XCTAssertTrue(s.handle(.enter))
        XCTAssertEqual(s.state.message?.text, "Exported the docx report to \(target)")
        let script = """
            import json, sys, docx
            d = docx.Document(sys.argv[1])
            cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
            print(json.dumps({'paragraphs': [p.text for p in d.paragraphs], 'cells': cells}))
            """
        let doc = try XCTUnwrap(try python("docx", script, target) as? [String: [String]])
        let text = ((doc["paragraphs"] ?? []) + (doc["cells"] ?? [])).joined(separator: "\n")
        XCTAssertTrue(text.contains("2 Red"), "the unsaved rating is in the report: \(text)")
        XCTAssertTrue(text.contains("slipped"), "and its note: \(text)")
    }

    func testXRefusesPDFSayingTheCommandLinePrintsIt() throws {
        let s = try exportPrompt(target: dir + "/report.pdf")
        XCTAssertTrue(s.handle(.enter))
        guard case .prompt(let p) = s.state.mode else { return XCTFail("a .pdf name keeps the prompt open") }
        XCTAssertEqual(p.error, "PDF is printed by 'actionplan export --format pdf' (a browser, not started here)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/report.pdf"))
    }
}
