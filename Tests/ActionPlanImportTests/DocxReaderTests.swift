import ActionPlanCore
import ActionPlanImport
import XCTest

/// Word documents read by `SourceReader`: paragraphs, headings, lists and tables with merged cells.
final class DocxReaderTests: XCTestCase {
    /// The plan as python-docx wrote it: a title, headings (built-in, by outline level, with a German style id),
    /// bullets, a tab, a line break, and a plan table with a merged group row, a lead merged down, a cell of two
    /// paragraphs and a cell with bullets, then a second table.
    func testAPlanDocumentReadsAsParagraphsHeadingsAndTableRows() throws {
        let d = try ReaderTestSupport.read("plan.docx")
        XCTAssertEqual(d.kind, .docx)
        XCTAssertNil(d.encoding)
        XCTAssertEqual(d.notes, [])
        XCTAssertEqual(
            ReaderTestSupport.lines(d),
            [
                "paragraph 1: h0 \"Children's Services Improvement Action Plan 2019\"",
                "paragraph 2: h1 \"1. Systems Leadership\"",
                "paragraph 3: \"This plan sets out what we will do.\"",
                "paragraph 4: \"• Board meets monthly\"",
                "paragraph 5: \"• Reports go to Cabinet\"",
                "paragraph 6: \"Owner: Chris Munday\"",
                "paragraph 7: h2 \"Actions\"",
                "table 1, row 1: t1 [ID | Actions | Lead | Date of Delivery | RAG]",
                "table 1, row 2: t1 [Strengthened Governance{5}]",
                "table 1, row 3: t1 [1a(i) | Establish the board⏎Terms of reference agreed | Chris Munday | "
                    + "31 March 2019 | G]",
                "table 1, row 4: t1 [1a(ii) | Review thresholds | ^ | June 2019 | A]",
                "table 1, row 5: t1 [1a(iii) | Train staff:⏎• social workers⏎• managers | Tina McElligott | "
                    + "Ongoing | G]",
                "paragraph 8: \"Notes follow.\"",
                "paragraph 9: \"\"",
                "paragraph 10: h2 \"2. Practice Leadership\"",
                "paragraph 11: h3 \"2.1 Sub-area\"",
                "table 2, row 1: t2 [Lead | Role]",
                "table 2, row 2: t2 [CM | Chris Munday, Director]",
                "paragraph 12: \"Version: Final⏎October 2018\"",
            ])
    }

    /// Tables and their rows, and body paragraphs, are numbered from 1; ordinals are the item indices.
    func testLocationsNumberTablesRowsAndBodyParagraphsAndOrdinalsAreTheItemIndex() throws {
        let d = try ReaderTestSupport.read("plan.docx")
        XCTAssertEqual(d.items.map(\.location.ordinal), Array(d.items.indices))
        XCTAssertEqual(d.items.map(\.location), d.items.map(\.location).sorted())
        let row = d.items[10].location
        XCTAssertEqual([row.table, row.row, row.paragraph, row.line], [1, 4, nil, nil])
        XCTAssertEqual(d.items[12].location.paragraph, 8)
        XCTAssertNil(d.items[12].location.table)
        guard case .row(let cells, _) = d.items[10].content else { return XCTFail("not a row") }
        XCTAssertEqual(cells[2], SourceCell(text: "", span: 1, continuesAbove: true))
    }

    /// Inserted text is read and deleted text not; a field shows its result, not its code; a nested table
    /// becomes lines of its cell; a row that starts a grid column in gets an empty leading cell; the picture
    /// and the footnote are counted in a note.
    func testTrackedChangesFieldsNestedTablesAndWhatIsNotRead() throws {
        let d = try ReaderTestSupport.read("changes.docx")
        XCTAssertEqual(
            ReaderTestSupport.lines(d),
            [
                "paragraph 1: \"Deliver the revised strategy\"",
                "paragraph 2: \"Page 7\"",
                "paragraph 3: \"\"",
                "table 1, row 1: t1 [Outer | a | b⏎c | d]",
                "table 1, row 2: t1 [ | Below]",
            ])
        guard case .row(let cells, _) = d.items[3].content else { return XCTFail("not a row") }
        XCTAssertEqual(cells.map(\.text), ["Outer", "a | b\nc | d"])
        XCTAssertEqual(d.notes.map(\.message), ["1 drawing (picture, chart or text box), 1 footnote not read"])
    }

    /// A package of the three parts Word needs and no styles part: headings by their style ids alone.
    func testAMinimalDocumentWithoutStylesKnowsHeadingsByStyleID() throws {
        XCTAssertEqual(
            ReaderTestSupport.lines(try ReaderTestSupport.read("minimal.docx")),
            [
                "paragraph 1: h0 \"Action Plan\"",
                "paragraph 2: h1 \"1. Leadership\"",
                "paragraph 3: \"Text & more\"",
                "table 1, row 1: t1 [ID | Actions | Lead]",
                "table 1, row 2: t1 [Group{3}]",
            ])
    }

    /// Locations read as the source's own program would name the place, and sort by ordinal.
    func testLocationDescriptionsNameWhatTheSourcesProgramShows() {
        XCTAssertEqual(SourceLocation.line(3037, ordinal: 0).description, "line 3037")
        XCTAssertEqual(SourceLocation(sheet: "Plan", row: 7, ordinal: 1).description, "sheet Plan, row 7")
        XCTAssertEqual(SourceLocation(row: 5, table: 2, ordinal: 2).description, "table 2, row 5")
        XCTAssertEqual(SourceLocation(paragraph: 12, ordinal: 3).description, "paragraph 12")
        XCTAssertLessThan(SourceLocation(paragraph: 12, ordinal: 3), SourceLocation.line(1, ordinal: 4))
    }
}
