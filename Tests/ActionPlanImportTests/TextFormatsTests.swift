import ActionPlanCore
import ActionPlanImport
import XCTest

/// CSV, TSV, Markdown and pasted text: every line accounted for by its number.
final class TextFormatsTests: XCTestCase {
    /// `text` in UTF-8 read as the file `file`.
    private func read(_ text: String, _ file: String) throws -> SourceDocument {
        try SourceReader.read(Array(text.utf8), file: file)
    }

    /// European Excel writes CSV with semicolons (the comma is the decimal mark); the separator is found by
    /// the consistency of field counts, even with commas inside the fields.
    func testACSVSeparatedBySemicolonsIsRecognised() throws {
        let d = try read(
            "Ref;Action;Lead;Cost\n1a;Review thresholds, quarterly;TMc;3,5\n1b;\"Staff; training\";CM;\"1,2\"\n",
            "plan.csv")
        XCTAssertEqual(d.kind, .csv)
        XCTAssertEqual(
            ReaderTestSupport.lines(d),
            [
                "line 1: t1 [Ref | Action | Lead | Cost]", "line 2: t1 [1a | Review thresholds, quarterly | TMc | 3,5]",
                "line 3: t1 [1b | Staff; training | CM | 1,2]",
            ])
        XCTAssertEqual(d.notes.map(\.message), ["fields are separated by semicolons"])
        // Quoted first fields, which a comma reading refuses ("text after a closing quote").
        let quoted = try read("\"Ref\";\"Action\"\n\"1a\";\"Review\"\n", "plan.csv")
        XCTAssertEqual(ReaderTestSupport.lines(quoted), ["line 1: t1 [Ref | Action]", "line 2: t1 [1a | Review]"])
    }

    /// A title line of one field does not make another separator win.
    func testACommaCSVWithATitleLineKeepsCommas() throws {
        let d = try read("Action Plan 2019\nID,Action,Lead\n1a,Review; then report,TMc\n2,Train,CM\n", "plan.csv")
        XCTAssertEqual(d.notes, [])
        XCTAssertEqual(
            ReaderTestSupport.lines(d),
            [
                "line 1: t1 [Action Plan 2019]", "line 2: t1 [ID | Action | Lead]",
                "line 3: t1 [1a | Review; then report | TMc]", "line 4: t1 [2 | Train | CM]",
            ])
    }

    /// A quoted field across lines is one record located at its first line; blank lines are items; HTML in a
    /// field is cleaned, `<br>` becoming a line break.
    func testCSVRecordsSpanningLinesAndBlankLines() throws {
        let d = try read("ID,Action\n\n1a,\"two\nlines\"\n  \n2a,Review <b>all</b><br>cases &amp; report\n", "plan.csv")
        XCTAssertEqual(
            ReaderTestSupport.lines(d),
            [
                "line 1: t1 [ID | Action]", "line 2: \"\"", "line 3: t1 [1a | two⏎lines]", "line 5: \"  \"",
                "line 6: t1 [2a | Review all⏎cases & report]",
            ])
    }

    /// The reader reports an unbalanced quote exactly as the importer always has.
    func testAnUnbalancedQuoteKeepsTheImportersMessage() {
        let e = ReaderTestSupport.readError(Array("ID,Action\n1a,\"never closed\n2,x\n".utf8), file: "plan.csv")
        XCTAssertEqual(
            e?.description,
            "plan.csv:2: unbalanced quote: the quoted field starting here never ends (expected a closing \")")
    }

    /// `.tsv` and `.tab` are tab-separated, with RFC 4180 quoting.
    func testTSVIsTabSeparatedWithQuotes() throws {
        let d = try read("ID\tAction\tLead\n1a\t\"Review, \"\"all\"\"\"\tTMc\n", "plan.tsv")
        XCTAssertEqual(d.kind, .tsv)
        XCTAssertEqual(
            ReaderTestSupport.lines(d), ["line 1: t1 [ID | Action | Lead]", "line 2: t1 [1a | Review, \"all\" | TMc]"])
        XCTAssertEqual(try read("a\tb\n", "plan.tab").kind, .tsv)
    }

    /// Headings with their levels, lines of text, and a pipe table whose delimiter row is the one line
    /// without an item.
    func testMarkdownHeadingsLinesAndPipeTables() throws {
        let md = """
            # Action Plan
            Intro line
            ## Theme 1 ##

            | ID | Action | Lead |
            |----|:------:|-----:|
            | 1a | Review <br> thresholds | TMc |
            | 1b | Pipe \\| inside | CM |

            ID | Action
            --- | ---
            2a | Headerless pipes
            ```
            # not a heading
            ```
            #hashtag
            """
        let d = try read(md, "plan.md")
        XCTAssertEqual(d.kind, .markdown)
        XCTAssertEqual(
            ReaderTestSupport.lines(d),
            [
                "line 1: h1 \"Action Plan\"", "line 2: \"Intro line\"", "line 3: h2 \"Theme 1\"", "line 4: \"\"",
                "line 5: t1 [ID | Action | Lead]", "line 7: t1 [1a | Review⏎thresholds | TMc]",
                "line 8: t1 [1b | Pipe | inside | CM]", "line 9: \"\"", "line 10: t2 [ID | Action]",
                "line 12: t2 [2a | Headerless pipes]", "line 13: \"```\"", "line 14: \"# not a heading\"",
                "line 15: \"```\"", "line 16: \"#hashtag\"",
            ])
        let lines = Set(d.items.compactMap(\.location.line))
        XCTAssertEqual(Set(1...16).subtracting(lines), [6, 11], "only the delimiter rows have no item")
        XCTAssertEqual(try read("x", "notes.markdown").kind, .markdown)
    }

    /// Text pasted from a document: every line an item, blank ones too; tab-separated lines are table rows,
    /// consecutive ones one table.
    func testPastedTextAccountsForEveryLine() throws {
        let d = try read("Action Plan 2019\n\nID\tAction\tLead\n1a\tReview\tTMc\n\n  Notes  \n2a\tx\n", "pasted.txt")
        XCTAssertEqual(d.kind, .text)
        XCTAssertEqual(d.encoding, "UTF-8")
        XCTAssertEqual(
            ReaderTestSupport.lines(d),
            [
                "line 1: \"Action Plan 2019\"", "line 2: \"\"", "line 3: t1 [ID | Action | Lead]",
                "line 4: t1 [1a | Review | TMc]", "line 5: \"\"", "line 6: \"  Notes  \"", "line 7: t2 [2a | x]",
            ])
        XCTAssertEqual(d.items.map(\.location.line), Array(1...7))
        XCTAssertEqual(try read("x", "plan").kind, .text)
    }
}
