import ActionPlanCore
import XCTest

@testable import ActionPlanImport

/// Excel workbooks read by `SourceReader`: sheets as tables, cells placed by reference, dates, merges.
final class XlsxReaderTests: XCTestCase {
    /// The plan as openpyxl wrote it: two title rows, the header in row 3 with its columns in another order and
    /// column C empty, a group row merged across, dates (a custom and a built-in format), numbers, a boolean, a
    /// lead merged down, a cell with a line break, and a hidden sheet.
    func testAPlanWorkbookReadsEverySheetAsATableOfItsFilledRows() throws {
        let d = try ReaderTestSupport.read("plan.xlsx")
        XCTAssertEqual(d.kind, .xlsx)
        XCTAssertNil(d.encoding)
        XCTAssertEqual(d.notes.map(\.message), ["sheet 'Lookups' is hidden and was read too"])
        XCTAssertEqual(
            ReaderTestSupport.lines(d),
            [
                "sheet Plan, row 1: t1 [Children's Services Action Plan]",
                "sheet Plan, row 2: t1 [Version: Final October 2018]",
                "sheet Plan, row 3: t1 [Ref | Action |  | Timescale | Lead | Status]",
                "sheet Plan, row 4: t1 [Strengthened Governance{6}]",
                "sheet Plan, row 5: t1 [1a(i) | Establish the board |  | 2019-03-31 | CM | G]",
                "sheet Plan, row 6: t1 [1a(ii) | Review thresholds |  | June 2019 | TMc | A]",
                "sheet Plan, row 7: t1 [7 | Recruit 3.5 FTE social workers |  | 2019-09-30 | ^ | 0.75]",
                "sheet Plan, row 9: t1 [Multi-line⏎cell | TRUE |  | 42]",
                "sheet Lookups, row 1: t2 [Code | Name]",
                "sheet Lookups, row 2: t2 [CM | Chris Munday]",
            ])
        XCTAssertEqual(d.items.map(\.location.ordinal), Array(d.items.indices))
        XCTAssertEqual([d.items[6].location.sheet, d.items[6].location.row.map(String.init)], ["Plan", "7"])
    }

    /// What openpyxl never writes: inline strings, rich text with a phonetic run, formula strings, booleans,
    /// errors, cells and rows without references, the 1904 date system with a custom date format, and a
    /// cell naming a shared string that does not exist.
    func testInlineAndRichStringsFormulaResults1904DatesAndAMissingSharedString() throws {
        let d = try ReaderTestSupport.read("minimal.xlsx")
        XCTAssertEqual(
            ReaderTestSupport.lines(d),
            [
                "sheet Only, row 2: t1 [Ref | Action | Due date]",
                "sheet Only, row 3: t1 [1a | TRUE | 1904-01-01 | #N/A]",
                "sheet Only, row 5: t1 [ |  |  | 2.5]",
            ])
        XCTAssertEqual(
            d.notes.map(\.message),
            ["1 cell of sheet 'Only' (the first in row 5) refers to a shared string that does not exist, read as empty"]
        )
        XCTAssertEqual(d.notes.first?.location?.row, 5)
    }

    /// Built-in and custom number formats: dates, times, both, and the ones that only look like them.
    func testNumberFormatsThatShowDatesAndTimes() {
        let kinds: [(Int, String?, XlsxValues.Kind)] = [
            (0, nil, .number), (14, nil, .date), (17, nil, .date), (22, nil, .dateTime), (20, nil, .time),
            (46, nil, .time), (9, nil, .number), (164, "dd/mm/yyyy", .date), (165, "d\\ mmmm\\ yyyy;@", .date),
            (166, "mmm-yy", .date), (167, "[$-809]dd mmmm yyyy", .date), (168, "hh:mm", .time),
            (169, "[h]:mm:ss", .time), (170, "mm:ss", .time), (171, "yyyy-mm-dd hh:mm", .dateTime),
            (172, "0.00%", .number), (173, "\"day\" 0", .number), (174, "[Red]0.00", .number), (175, "#,##0", .number),
        ]
        for (id, code, kind) in kinds {
            XCTAssertEqual(XlsxValues.kind(formatID: id, code: code), kind, "\(id) \(code ?? "")")
        }
    }

    /// Excel's serials: day 1 is 1900-01-01, its 29 February 1900 is day 60, day 61 is 1 March; in the 1904
    /// system day 0 is 1904-01-01; times are the fraction of a day.
    func testExcelSerialsBecomeISODates() {
        let shown: [(String, XlsxValues.Kind, Bool, String)] = [
            ("1", .date, false, "1900-01-01"), ("59", .date, false, "1900-02-28"), ("60", .date, false, "1900-02-29"),
            ("61", .date, false, "1900-03-01"), ("43555", .date, false, "2019-03-31"),
            ("2958465", .date, false, "9999-12-31"),
            ("2958466", .date, false, "2958466"), ("0", .date, false, "0"), ("0", .date, true, "1904-01-01"),
            ("42093", .date, true, "2019-03-31"), ("43555.5", .dateTime, false, "2019-03-31 12:00"),
            ("43555", .dateTime, false, "2019-03-31"), ("0.75", .time, false, "18:00"),
            ("0.7500115741", .time, false, "18:00:01"),
            ("43555.99999999", .date, false, "2019-03-31"),
            ("43555.99999999", .dateTime, false, "2019-04-01"), ("3.5", .number, false, "3.5"),
            ("42", .number, false, "42"),
            ("1E-3", .number, false, "0.001"), ("4.2E1", .number, false, "42"), ("abc", .number, false, "abc"),
        ]
        for (v, kind, date1904, expected) in shown {
            XCTAssertEqual(XlsxValues.show(v, as: kind, date1904: date1904), expected, "\(v) as \(kind)")
        }
    }

    /// Cell references from A1 to XFD1048576, with `$`, and what is not one.
    func testCellReferences() {
        XCTAssertEqual(XlsxSheet.reference("C7").map { [$0.column, $0.row] }, [3, 7])
        XCTAssertEqual(XlsxSheet.reference("$AA$10").map { [$0.column, $0.row] }, [27, 10])
        XCTAssertEqual(XlsxSheet.reference("XFD1048576").map { [$0.column, $0.row] }, [16384, 1_048_576])
        XCTAssertNil(XlsxSheet.reference("XFE1"))
        XCTAssertNil(XlsxSheet.reference("AAAA1"))
        XCTAssertNil(XlsxSheet.reference("7C"))
        XCTAssertNil(XlsxSheet.reference(""))
    }
}
