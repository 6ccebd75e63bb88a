import ActionPlanCore
import XCTest

@testable import ActionPlanImport

/// Text-based sources in every encoding councils' programs write: the same cells whatever the encoding, and the
/// encoding named.
final class TextEncodingTests: XCTestCase {
    /// A small CSV with the characters that differ between encodings: £, é, ’, – and a no-break space.
    static let csv =
        "ID,Action,Lead,Cost\r\n1a,\"Review £ budget, café\",Renée,Q1 – Q2\r\n2,Staff’s\u{A0}plan,Tom,£5\r\n"

    /// The cells every encoding must give.
    static let cells = [
        ["ID", "Action", "Lead", "Cost"], ["1a", "Review £ budget, café", "Renée", "Q1 – Q2"],
        ["2", "Staff’s plan", "Tom", "£5"],
    ]

    /// `text` in UTF-16 in the given order, with or without a byte-order mark.
    static func utf16(_ text: String, littleEndian: Bool, mark: Bool) -> [UInt8] {
        let units = (mark ? [0xFEFF] : []) + Array(text.utf16)
        return units.flatMap { u in littleEndian ? [UInt8(u & 0xFF), UInt8(u >> 8)] : [UInt8(u >> 8), UInt8(u & 0xFF)] }
    }

    /// `text` in Windows-1252 (every character of it must have a byte there).
    static func windows1252(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { s in
            if let i = Windows1252.high.firstIndex(of: s) { return UInt8(0x80 + i) }
            precondition(s.value < 0x100, "\(s) is not in Windows-1252")
            return UInt8(s.value)
        }
    }

    /// UTF-8 with and without a byte-order mark, UTF-16 both ways with and without one, and Windows-1252.
    func testTheSameCSVReadsTheSameInEveryEncodingAndTheEncodingIsNamed() throws {
        let encoded: [(String, [UInt8])] = [
            ("UTF-8", Array(Self.csv.utf8)),
            ("UTF-8 with byte-order mark", [0xEF, 0xBB, 0xBF] + Array(Self.csv.utf8)),
            ("UTF-16 LE", Self.utf16(Self.csv, littleEndian: true, mark: true)),
            ("UTF-16 BE", Self.utf16(Self.csv, littleEndian: false, mark: true)),
            ("UTF-16 LE", Self.utf16(Self.csv, littleEndian: true, mark: false)),
            ("UTF-16 BE", Self.utf16(Self.csv, littleEndian: false, mark: false)),
            ("Windows-1252", Self.windows1252(Self.csv)),
        ]
        for (i, (name, bytes)) in encoded.enumerated() {
            let d = try SourceReader.read(bytes, file: "plan.csv")
            XCTAssertEqual(d.kind, .csv)
            XCTAssertEqual(d.encoding, name, "case \(i)")
            let rows = d.items.map { item -> [String] in
                guard case .row(let cells, 1) = item.content else { return ["not a row of table 1"] }
                return cells.map(\.text)
            }
            XCTAssertEqual(rows, Self.cells, "\(name), case \(i)")
            XCTAssertEqual(d.items.map(\.location.line), [1, 2, 3], "case \(i)")
            let notes = d.notes.map(\.message)
            switch i {
            case 4, 5:
                XCTAssertEqual(notes, ["read as \(name): the file has no byte-order mark, but its zero bytes show it"])
            case 6:
                XCTAssertEqual(
                    notes,
                    [
                        "decoded as Windows-1252: the file is not valid UTF-8 (first at line 2); check letters "
                            + "such as £, é and ’ in the import"
                    ])
                XCTAssertEqual(d.notes.first?.location?.line, 2)
            default: XCTAssertEqual(notes, [], "case \(i)")
            }
        }
    }

    /// Every byte is a character in Windows-1252; the five Windows leaves undefined become C1 controls.
    func testWindows1252DecodesAll256Bytes() {
        let text = Windows1252.decode((0...255).map { UInt8($0) })
        let scalars = Array(text.unicodeScalars)
        XCTAssertEqual(scalars.count, 256)
        XCTAssertEqual(scalars[0x41], "A")
        XCTAssertEqual(scalars[0x80], "€")
        XCTAssertEqual(scalars[0x92], "’")
        XCTAssertEqual(scalars[0x96], "–")
        XCTAssertEqual(scalars[0xA3], "£")
        XCTAssertEqual(scalars[0xE9], "é")
        XCTAssertEqual(scalars[0xFF], "ÿ")
        for undefined in [0x81, 0x8D, 0x8F, 0x90, 0x9D] {
            XCTAssertEqual(scalars[undefined].value, UInt32(undefined))
        }
        XCTAssertEqual(Set(scalars).count, 256, "no two bytes give the same character")
    }

    /// Windows, old Mac and Unix line ends in one file.
    func testLineEndsCRLFCRAndLFAllEndLines() throws {
        let d = try SourceReader.read(Array("one\r\ntwo\rthree\nfour".utf8), file: "pasted.txt")
        XCTAssertEqual(
            ReaderTestSupport.lines(d), ["line 1: \"one\"", "line 2: \"two\"", "line 3: \"three\"", "line 4: \"four\""])
    }

    /// A NUL, invalid UTF-8 after a UTF-8 mark, an odd byte and a lone surrogate in UTF-16.
    func testTextThatCannotBeDecodedIsAnErrorNamingTheLine() {
        let nul = ReaderTestSupport.readError(Array("ok\nalso ok\nbad\0here".utf8), file: "x.txt")
        XCTAssertEqual(nul?.description, "x.txt:3: contains a NUL byte; expected a text, CSV or TSV file")
        let badUTF8 = ReaderTestSupport.readError(
            [0xEF, 0xBB, 0xBF] + Array("a\nb\n".utf8) + [0xC3, 0x28], file: "x.csv")
        XCTAssertEqual(
            badUTF8?.description,
            "x.csv:3: starts with a UTF-8 byte-order mark but is not valid UTF-8 text; save the source as UTF-8 and "
                + "try again")
        let odd = ReaderTestSupport.readError(
            Self.utf16("a\nb", littleEndian: true, mark: true) + [0x41], file: "x.txt")
        XCTAssertEqual(
            odd?.description,
            "x.txt:2: is not valid UTF-16 LE text: it ends in the middle of a character; save it again as UTF-8 or as "
                + "Unicode Text")
        let lone = ReaderTestSupport.readError([0xFE, 0xFF, 0x00, 0x41, 0xD8, 0x00, 0x00, 0x41], file: "x.txt")
        XCTAssertEqual(lone?.line, 1)
        XCTAssertEqual(lone?.message.hasPrefix("is not valid UTF-16 BE text: a character is broken"), true)
    }

    /// Binary data with zero bytes in no UTF-16 pattern is not taken for UTF-16: it is refused for its NUL.
    func testBinaryIsNotTakenForUTF16() {
        XCTAssertNil(UTF16Guess.byPattern([0, 0, 1, 2, 3, 4]))
        XCTAssertNil(UTF16Guess.byPattern(Array("plain ASCII text".utf8)))
        XCTAssertEqual(UTF16Guess.byPattern(Self.utf16("Plan", littleEndian: true, mark: false)), .little)
        let e = ReaderTestSupport.readError(
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], file: "x.txt")
        XCTAssertEqual(e?.message, "contains a NUL byte; expected a text, CSV or TSV file")
    }
}
