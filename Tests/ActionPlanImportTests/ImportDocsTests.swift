import ActionPlanImport
import Foundation
import TestProcess
import XCTest

/// docs/import.md lists the header words of each column role and the status words of each rating; these are
/// the tables the importer uses, so the two never drift apart.
final class ImportDocsTests: XCTestCase {
    private func doc() throws -> String {
        try String(contentsOfFile: TestPaths.root.appendingPathComponent("docs/import.md").path, encoding: .utf8)
    }

    func testTheColumnWordsInTheDocsAreTheImportersOwn() throws {
        let table = ImportVocabulary.columnsTable
        XCTAssertTrue(try doc().contains(table), "docs/import.md should hold this table:\n\(table)")
    }

    func testTheStatusWordsInTheDocsAreTheImportersOwn() throws {
        let table = ImportVocabulary.statusTable
        XCTAssertTrue(try doc().contains(table), "docs/import.md should hold this table:\n\(table)")
    }
}
