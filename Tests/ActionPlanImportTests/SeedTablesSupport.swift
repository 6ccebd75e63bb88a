import ActionPlanCore
import ActionPlanImport
import Foundation
import XCTest

/// The seed documents' tables copied into `Fixtures/seeds` (its README says which seed lines each holds), imported
/// as a user would import them, and the checks every one of them must pass.
enum SeedTables {
    /// The fixture named `name` (without `.txt`) imported with `options`.
    static func run(_ name: String, options: PlanImport.Options = .init()) throws -> (Plan, ImportReport) {
        try PlanImport.run(try ReaderTestSupport.bytes("seeds/\(name).txt"), file: "\(name).txt", options: options)
    }

    /// The fixture's lines (line `n` is `lines[n - 1]`).
    static func lines(_ name: String) throws -> [String] {
        let text = String(decoding: try ReaderTestSupport.bytes("seeds/\(name).txt"), as: UTF8.self)
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The cells of the fixture's tab-separated lines, by line number.
    static func rows(_ name: String) throws -> [(line: Int, cells: [String])] {
        try lines(name).enumerated().compactMap { i, l in
            l.contains("\t") ? (i + 1, l.components(separatedBy: "\t")) : nil
        }
    }

    /// The error importing the fixture throws (failing the test when it imports).
    static func refusal(
        _ name: String, options: PlanImport.Options = .init(), file: StaticString = #filePath, line: UInt = #line
    ) throws -> PlanError? {
        do {
            let (plan, _) = try run(name, options: options)
            XCTFail("\(name) imported \(plan.actionCount) actions; expected a refusal", file: file, line: line)
        } catch let e as PlanError {
            return e
        }
        return nil
    }

    /// Every line of the fixture is accounted for, in the counts given; every skip says why, none is the
    /// interpreter's "not read" fallback, and the skipped count agrees with the skips reported.
    static func assertAccounted(
        _ report: ImportReport, _ name: String, used: Int, repaired: Int, skipped: Int = 0, blank: Int,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let count = try lines(name).count
        XCTAssertEqual(
            report.used + report.repaired + report.skipped + report.blank, count, "lines", file: file, line: line)
        XCTAssertEqual(
            [report.used, report.repaired, report.skipped, report.blank], [used, repaired, skipped, blank],
            "used, repaired, skipped, blank: \(report.accounting(unit: "lines"))", file: file, line: line)
        XCTAssertEqual(
            report.skips.reduce(0) { $0 + $1.count }, report.skipped, "skips reported", file: file, line: line)
        for s in report.skips {
            XCTAssertFalse(s.message.contains("please report this as a bug"), s.description, file: file, line: line)
            XCTAssertGreaterThan(s.message.count, 20, "a skip says why: \(s.description)", file: file, line: line)
        }
    }

    /// How each column of the report's `n`th table was read: `header → role`.
    static func columns(_ report: ImportReport, _ n: Int = 0) -> [String] {
        guard n < report.tables.count else { return [] }
        return report.tables[n].columns.map { "\($0.header) → \($0.role.rawValue)" }
    }

    /// The status words met, as `word → rating name (count)`.
    static func statusWords(_ report: ImportReport) -> [String] {
        report.statusWords.map { "\($0.word) → \($0.rating?.name ?? "unrated") (\($0.count))" }
    }

    /// The messages of the report's entries on fixture line `line`.
    static func messages(_ report: ImportReport, line: Int) -> [String] {
        report.entries.filter { $0.line == line }.map(\.message)
    }

    /// The value of the field named `name` of `action` (nil when it has none).
    static func field(_ action: Action, _ name: String) -> String? {
        action.fields.first { $0.name == name }?.value
    }
}
