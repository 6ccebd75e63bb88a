import ActionPlanCore
import ActionPlanImport
import Foundation
import TestProcess
import XCTest

/// Fixtures and a compact text form of read documents, shared by the reader tests.
enum ReaderTestSupport {
    /// The path of a fixture made by scripts/make-import-fixtures.py.
    static func fixture(_ name: String) -> String {
        TestPaths.root.appendingPathComponent("Tests/ActionPlanImportTests/Fixtures/\(name)").path
    }

    /// The bytes of a fixture.
    static func bytes(_ name: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: fixture(name)) else {
            throw XCTSkip("fixture \(name) is missing: run python3 scripts/make-import-fixtures.py")
        }
        return [UInt8](data)
    }

    /// A fixture read by `SourceReader`.
    static func read(_ name: String) throws -> SourceDocument { try SourceReader.read(try bytes(name), file: name) }

    /// One line per item: its location, then `h2 "text"`/`"text"`, or `t1 [a | b{5} | ^ | ]` for a row
    /// (`{n}` a span, `^` a cell continuing the one above, `⏎` a line break inside a cell).
    static func lines(_ document: SourceDocument) -> [String] {
        document.items.map { item in
            let body: String
            switch item.content {
            case .text(let text, let heading):
                body = (heading.map { "h\($0) " } ?? "") + "\"\(text.replacingOccurrences(of: "\n", with: "⏎"))\""
            case .row(let cells, let table):
                body = "t\(table) [" + cells.map(cell).joined(separator: " | ") + "]"
            }
            return "\(item.location): \(body)"
        }
    }

    /// A cell in the form `lines` uses.
    static func cell(_ c: SourceCell) -> String {
        (c.continuesAbove ? "^" : "") + c.text.replacingOccurrences(of: "\n", with: "⏎")
            + (c.span == 1 ? "" : "{\(c.span)}")
    }

    /// The `PlanError` that reading `bytes` as `file` throws, failing the test when it reads or throws another error.
    static func readError(
        _ bytes: [UInt8], file: String, sourceFile: StaticString = #filePath, line: UInt = #line
    ) -> PlanError? {
        do {
            let d = try SourceReader.read(bytes, file: file)
            XCTFail("read \(file) without an error: \(d.items.count) items", file: sourceFile, line: line)
        } catch let e as PlanError {
            XCTAssertEqual(e.kind, .invalidSource, "\(file): \(e)", file: sourceFile, line: line)
            return e
        } catch {
            XCTFail("\(file): not a PlanError: \(error)", file: sourceFile, line: line)
        }
        return nil
    }
}
