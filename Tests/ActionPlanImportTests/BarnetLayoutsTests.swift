import ActionPlanCore
import ActionPlanImport
import Foundation
import TestProcess
import XCTest

/// The Barnet plan in every layout a council might hand over — a Word table, an Excel sheet with title rows
/// and its columns in another order, UTF-16 text, a CSV with other header names and status words, text
/// pasted from its first heading — imports to the same 57 actions, with the extra columns kept.
///
/// The layouts are made from the sample by scripts/make-barnet-layouts.py (python-docx and openpyxl write the
/// Word and Excel files, as a council's own programs would).
final class BarnetLayoutsTests: XCTestCase {
    private static let sample: Plan = {
        let path = TestPaths.root.appendingPathComponent("Data/barnet-2018-19.json").path
        return try! PlanCodec.decode(Array(FileManager.default.contents(atPath: path)!), file: path)
    }()

    private func load(_ name: String) throws -> (Plan, ImportReport) {
        let path = ReaderTestSupport.fixture("barnet/" + name)
        return try PlanImport.run(Array(FileManager.default.contents(atPath: path)!), file: name)
    }

    /// The same 57 actions: IDs, cross-references, text, leads, deadlines and ratings, in the same themes.
    private func assertSameActions(_ plan: Plan, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let want = Self.sample.allActions
        let got = plan.allActions
        XCTAssertEqual(got.count, 57, name, file: file, line: line)
        XCTAssertEqual(plan.themes.map { $0.actions.count }, [15, 8, 7, 4, 17, 6], name, file: file, line: line)
        XCTAssertEqual(plan.themes.map(\.number), Self.sample.themes.map(\.number), name, file: file, line: line)
        XCTAssertEqual(plan.themes.map(\.title), Self.sample.themes.map(\.title), name, file: file, line: line)
        XCTAssertEqual(got.map(\.id), want.map(\.id), name, file: file, line: line)
        XCTAssertEqual(got.map(\.crossReferences), want.map(\.crossReferences), name, file: file, line: line)
        XCTAssertEqual(got.map(\.text), want.map(\.text), name, file: file, line: line)
        XCTAssertEqual(got.map(\.leads), want.map(\.leads), name, file: file, line: line)
        XCTAssertEqual(got.map(\.deadline), want.map(\.deadline), name, file: file, line: line)
        XCTAssertEqual(got.map(\.rating), want.map(\.rating), name, file: file, line: line)
    }

    func testAWordDocumentWithATablePerTheme() throws {
        let (plan, report) = try load("barnet.docx")
        assertSameActions(plan, "docx")
        XCTAssertEqual(plan.title, Self.sample.title)
        XCTAssertEqual(plan.version, "Final October 2018")
        XCTAssertEqual(plan.officers, Self.sample.officers, "the appendix table is the register")
        XCTAssertEqual(plan.ragKey, Self.sample.ragKey)
        XCTAssertEqual(plan.themes.map(\.leads), Self.sample.themes.map(\.leads))
        XCTAssertEqual(plan.themes.map { $0.groups.map(\.title) }, Self.sample.themes.map { $0.groups.map(\.title) })
        XCTAssertEqual(plan.themes.map(\.narrative), Self.sample.themes.map(\.narrative))
        XCTAssertEqual(report.skipped, 0, "\(report.skips)")
    }

    func testAnExcelSheetWithTitleRowsColumnsInAnotherOrderAndAnOfficersSheet() throws {
        let (plan, report) = try load("barnet.xlsx")
        assertSameActions(plan, "xlsx")
        XCTAssertEqual(plan.title, Self.sample.title, "the first title row above the header")
        XCTAssertEqual(plan.version, "Final October 2018")
        XCTAssertEqual(plan.officers, Self.sample.officers, "the Named officers sheet")
        XCTAssertEqual(plan.themes.map { $0.groups.map(\.title) }, Self.sample.themes.map { $0.groups.map(\.title) })
        XCTAssertEqual(
            plan.allActions.first?.fields,
            [ActionField(name: "Success measure", value: "Evidence for 1a(i) reviewed at the board")])
        XCTAssertEqual(plan.allActions.first?.status, "On track", "the status as written is kept")
        XCTAssertEqual(report.statusWords.map(\.word), ["On track", "At risk"])
        XCTAssertEqual(report.statusWords.map(\.rating), [.green, .amber])
        XCTAssertEqual(report.skipped, 0, "\(report.skips)")
        XCTAssertEqual(
            report.used + report.repaired, 88, "two title rows, a header, 57 actions, header and 27 officers")
    }

    func testUTF16TextAsExcelSavesUnicodeText() throws {
        let (plan, report) = try load("barnet-utf16.txt")
        XCTAssertEqual(plan, Self.sample, "the same plan as the UTF-8 text")
        XCTAssertTrue(report.sourceNotes.contains("read as UTF-16 LE text"), "\(report.sourceNotes)")
    }

    func testACSVWithOtherHeaderNamesAndStatusWords() throws {
        let (plan, report) = try load("barnet.csv")
        assertSameActions(plan, "csv")
        XCTAssertEqual(
            report.tables.first?.columns.map(\.role), [.id, .theme, .action, .lead, .due, .status, .field])
        XCTAssertEqual(
            plan.allActions.last?.fields,
            [ActionField(name: "Progress update", value: "Progress on 6(vi) reported in January")])
        XCTAssertEqual(report.skipped, 0)
        XCTAssertEqual(report.accounting(unit: "lines"), "58 lines: 58 used, 0 repaired, 0 skipped, 0 blank")
    }

    func testTextPastedFromTheFirstThemeHeading() throws {
        let (plan, report) = try load("barnet-from-theme-1.txt")
        assertSameActions(plan, "pasted")
        XCTAssertEqual(
            plan.title, "barnet-from-theme-1", "no title in the text: the file's name, never the first heading")
        XCTAssertEqual(plan.officers, Self.sample.officers)
        XCTAssertEqual(report.skipped, 0)
    }
}
