import ActionPlanCore
import ActionPlanImport
import ActionPlanSynthetic
import Foundation
import XCTest

/// Files no council keeps but anyone can hand the reader: each is a clear `PlanError`, never a crash or a hang.
///
/// Reading runs on another thread with a deadline, so a reader that hangs fails its test instead of blocking
/// the run. Two of these inputs crashed or hung ZIPFoundation 0.9.20 itself before `ZipLayout` and the
/// bounded inflate in `ZipContainer` (see there): a central directory offset past the end (a fatal `Range`
/// error) and a deflate stream that never ends (a spin at full CPU).
final class HostileInputTests: XCTestCase {
    /// What reading gave: a document, a `PlanError`, or another error.
    private final class Outcome: @unchecked Sendable {
        /// The document or the error; nil until reading ends.
        var result: Result<SourceDocument, Error>?
    }

    /// The `PlanError` reading `bytes` as `file` throws, within `seconds`; fails on a document, another error
    /// or a hang.
    private func refusal(
        _ bytes: [UInt8], _ file: String, within seconds: Double = 30, line: UInt = #line
    ) -> PlanError? {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            outcome.result = Result { try SourceReader.read(bytes, file: file) }
            done.signal()
        }
        guard done.wait(timeout: .now() + seconds) == .success else {
            XCTFail("reading \(file) did not end within \(seconds) s", line: line)
            return nil
        }
        switch outcome.result {
        case .success(let d)?: XCTFail("read \(file): \(d.items.count) items, no error", line: line)
        case .failure(let e as PlanError)?:
            XCTAssertEqual(e.kind, .invalidSource, "\(file): \(e)", line: line)
            return e
        case .failure(let e)?: XCTFail("\(file): not a PlanError: \(e)", line: line)
        case nil: XCTFail("no outcome", line: line)
        }
        return nil
    }

    /// The message of the `PlanError` (the file is checked to be named).
    private func message(_ bytes: [UInt8], _ file: String, line: UInt = #line) -> String {
        guard let e = refusal(bytes, file, line: line) else { return "" }
        XCTAssertEqual(e.file, file, line: line)
        return e.message
    }

    /// Plain zips, OpenDocument, PowerPoint and an empty archive are named, not read.
    func testZipArchivesThatAreNotWordOrExcel() throws {
        let plain = try ZipFixtures.zip([("readme.txt", "hello")])
        XCTAssertEqual(
            message(plain, "plan.docx"),
            "is a zip archive but not a Word document or an Excel workbook (it has neither word/document.xml nor "
                + "xl/workbook.xml); expected plan text, CSV, a Word document (.docx) or an Excel workbook (.xlsx)")
        let odf = try ZipFixtures.zip([
            ("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<x/>"),
        ])
        XCTAssertTrue(message(odf, "plan.odt").hasPrefix("is an OpenDocument file (.odt or .ods"))
        let pptx = try ZipFixtures.zip([("ppt/presentation.xml", "<p/>")])
        XCTAssertTrue(message(pptx, "plan.pptx").hasPrefix("is a PowerPoint presentation;"))
        let empty: [UInt8] = [0x50, 0x4B, 5, 6] + Array(repeating: 0, count: 18)
        XCTAssertTrue(message(empty, "plan.docx").hasPrefix("is a zip archive but not a Word document"))
    }

    /// A file cut in half, one with bytes cut out of the middle, and a part with a changed byte.
    func testTruncatedAndDamagedZipArchives() throws {
        let docx = try ReaderTestSupport.bytes("plan.docx")
        XCTAssertEqual(
            message(Array(docx.prefix(docx.count / 2)), "plan.docx"),
            "is not a complete zip archive (its end record is missing: the file may be truncated or damaged); "
                + "expected a .docx or .xlsx file as Word or Excel saves it")
        var holed = docx
        holed.removeSubrange(100..<2000)  // the directory now points at the wrong places
        XCTAssertTrue(message(holed, "plan.docx").hasPrefix("is damaged: "))
        var flipped = try ReaderTestSupport.bytes("minimal.docx")
        let start = ZipFixtures.dataStart(flipped, "word/document.xml")
        flipped[start + 5] ^= 0xFF
        XCTAssertTrue(message(flipped, "minimal.docx").hasPrefix("is damaged: its part word/document.xml "))
    }

    /// Offsets past the end of the file, which trap inside ZIPFoundation 0.9.20's in-memory archive.
    func testDirectoryOffsetsPastTheEndAreRefusedBeforeZIPFoundationSeesThem() throws {
        let docx = try ZipFixtures.docx(ZipFixtures.documentXML("<w:p/>"))
        let end = ZipFixtures.endRecord(docx)
        XCTAssertTrue(message(ZipFixtures.patched(docx, at: end + 16, 0x7FFF_FFF0), "a.docx").hasPrefix("is damaged: "))
        let record = ZipFixtures.directoryRecord(docx, "word/document.xml")
        XCTAssertEqual(
            message(ZipFixtures.patched(docx, at: record + 42, 0x7FFF_FFF0), "a.docx"),
            "is damaged: an entry's local header is missing or does not match the zip directory; save it again from "
                + "Word or Excel and try again")
        XCTAssertEqual(
            message(ZipFixtures.patched(docx, at: record + 20, 0x7FFF_0000), "a.docx"),
            "is damaged: an entry's data runs past the end of the file; save it again from Word or Excel and try again")
    }

    /// A deflate stream that never ends (a stored block longer than the rest of the file), which makes
    /// ZIPFoundation 0.9.20's own extract spin forever on Linux. The bytes past the entry are never taken for
    /// its data: reading stops at the declared size, or at the end of the entry's compressed bytes.
    func testADeflateStreamThatNeverEndsFailsInsteadOfHanging() throws {
        let docx = try ZipFixtures.docx(
            ZipFixtures.documentXML(String(repeating: "<w:p><w:r><w:t>x</w:t></w:r></w:p>", count: 50)))
        var endless = docx
        let start = ZipFixtures.dataStart(docx, "word/document.xml")
        endless.replaceSubrange(start..<start + 5, with: [0x00, 0xFF, 0xFF, 0x00, 0x00])
        XCTAssertEqual(
            message(endless, "a.docx"),
            "is damaged: its part word/document.xml cannot be decompressed (it holds more than its header declares); "
                + "save it again from Word or Excel")
        let record = ZipFixtures.directoryRecord(endless, "word/document.xml")
        XCTAssertEqual(
            message(ZipFixtures.patched(endless, at: record + 24, 10 << 20), "a.docx"),
            "is damaged: its part word/document.xml cannot be decompressed (its compressed data ends early); save it "
                + "again from Word or Excel")
    }

    /// An entry that declares more than the reader reads, and one that inflates to more than it declares.
    func testZipBombsAreRefused() throws {
        let docx = try ZipFixtures.docx(ZipFixtures.documentXML("<w:p/>"))
        let record = ZipFixtures.directoryRecord(docx, "word/document.xml")
        XCTAssertEqual(
            message(ZipFixtures.patched(docx, at: record + 24, 0x7FFF_0000), "a.docx"),
            "is too large: its parts expand to more than 512 MB; actionplan reads files of up to that size")
        let zeros = String(repeating: " ", count: 8 << 20)
        let bomb = try ZipFixtures.docx(ZipFixtures.documentXML("<w:p><w:r><w:t>\(zeros)</w:t></w:r></w:p>"))
        XCTAssertLessThan(bomb.count, 64 << 10, "8 MB of spaces deflate to a few KB")
        let lying = ZipFixtures.patched(bomb, at: ZipFixtures.directoryRecord(bomb, "word/document.xml") + 24, 1000)
        XCTAssertEqual(
            message(lying, "a.docx"),
            "is damaged: its part word/document.xml cannot be decompressed (it holds more than its header declares); "
                + "save it again from Word or Excel")
    }

    /// What Word and Excel do not write for a plan, or cannot be read without a password.
    func testEncryptedZip64AndMultiPartArchives() throws {
        let docx = try ZipFixtures.docx(ZipFixtures.documentXML("<w:p/>"))
        let record = ZipFixtures.directoryRecord(docx, "word/document.xml")
        var encrypted = docx
        encrypted[record + 8] |= 1
        XCTAssertEqual(
            message(encrypted, "a.docx"),
            "is password-protected (its zip entries are encrypted); open it in Word or Excel, remove the password "
                + "and save it again")
        let end = ZipFixtures.endRecord(docx)
        var split = docx
        split[end + 4] = 1
        XCTAssertTrue(message(split, "a.docx").hasPrefix("is a ZIP64 or multi-part zip archive"))
        XCTAssertTrue(message(ZipFixtures.patched(docx, at: record + 24, 0xFFFF_FFFF), "a.docx").contains("ZIP64"))
    }

    /// Old-format and encrypted Office files (OLE compound files), PDFs, RTF, and text named as Office files.
    func testFilesInFormatsTheReaderDoesNotRead() {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
        func utf16(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        XCTAssertEqual(
            message(ole + utf16("EncryptionInfo") + utf16("EncryptedPackage"), "plan.docx"),
            "is password-protected (an encrypted Office file); open it in Word or Excel, remove the password "
                + "(File > Info > Protect) and save it again as .docx or .xlsx")
        XCTAssertEqual(
            message(ole + utf16("WordDocument"), "plan.doc"),
            "is saved in the old Word 97–2003 format (.doc); open it in Word and save it as .docx")
        XCTAssertEqual(
            message(ole + utf16("Workbook"), "plan.xls"),
            "is saved in the old Excel 97–2003 format (.xls); open it in Excel and save it as .xlsx")
        XCTAssertTrue(message(ole, "plan.xlsx").hasPrefix("is an old-format Office file"))
        XCTAssertTrue(message(Array("%PDF-1.7\n".utf8), "plan.pdf").hasPrefix("is a PDF;"))
        XCTAssertTrue(message(Array("{\\rtf1\\ansi x}".utf8), "plan.rtf").hasPrefix("is an RTF document;"))
        XCTAssertEqual(
            message(Array("ID,Action\n".utf8), "plan.xlsx"),
            "is not an Excel workbook: a .xlsx file is a zip archive, and this one does not start like one (it may "
                + "be damaged, or another kind of file renamed)")
        XCTAssertTrue(message([], "plan.txt").hasPrefix("is empty; expected plan text"))
    }

    /// XML parts that are not as Office writes them: a DTD (entity expansion), UTF-16, nesting, bad XML.
    func testXMLPartsThatOfficeNeverWrites() throws {
        let laughs =
            "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;"
            + "&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><w:document xmlns:w=\"w\"><w:body><w:p><w:r>"
            + "<w:t>&c;&c;&c;</w:t></w:r></w:p></w:body></w:document>"
        XCTAssertEqual(
            message(try ZipFixtures.docx(laughs), "a.docx"),
            "is not a Word document as Office saves it: its part word/document.xml has a document type declaration, "
                + "which Office files never have")
        // An invalid UTF-8 byte in an element name, which makes FoundationXML's XMLParser trap (found by fuzz-reader).
        let badName = Array("<w:document><w:bo".utf8) + [0xFF] + Array("dy/></w:document>".utf8)
        let parts: [(String, [UInt8])] = [
            (
                "[Content_Types].xml",
                Array(ZipFixtures.contentTypes("word/document.xml", "wordprocessingml.document.main+xml").utf8)
            ),
            ("_rels/.rels", Array(ZipFixtures.relationships("word/document.xml").utf8)), ("word/document.xml", badName),
        ]
        XCTAssertTrue(
            message(try ZipFixtures.zipBytes(parts), "a.docx").hasSuffix("is not in UTF-8, as Office writes every part")
        )
        let utf16 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><w:document/>"
        XCTAssertTrue(
            message(try ZipFixtures.docx(utf16), "a.docx").hasSuffix("is not in UTF-8, as Office writes every part"))
        let deep = ZipFixtures.documentXML(
            String(repeating: "<w:sdt>", count: 300) + String(repeating: "</w:sdt>", count: 300))
        XCTAssertEqual(
            message(try ZipFixtures.docx(deep), "a.docx"),
            "is damaged: its part word/document.xml is elements nested more than 256 deep (line 1); expected a Word "
                + "document as Word or Excel saves it")
        for bad in [ZipFixtures.documentXML("<w:p>"), "<w:document><w:body>", "", "<a/><b/>"] {
            let said = message(try ZipFixtures.docx(bad), "a.docx")
            XCTAssertTrue(
                said.hasPrefix("is damaged: its part word/document.xml is not well-formed XML (line 1)"),
                "\(bad): \(said)")
        }
    }

    /// A sheet whose cells lie far apart (column XFD in every row) would lay out millions of empty cells.
    func testASheetTooWideToLayOutIsRefused() throws {
        let rows = (1...200).map { "<row r=\"\($0)\"><c r=\"XFD\($0)\" t=\"inlineStr\"><is><t>x</t></is></c></row>" }
        XCTAssertEqual(
            message(try ZipFixtures.xlsx(rows: rows.joined()), "a.xlsx"),
            "is too large: sheet 'S' lays out more than 2000000 cells; expected a plan")
        let merges =
            "<mergeCells>" + String(repeating: "<mergeCell ref=\"A1:A1048576\"/>", count: 20_000) + "</mergeCells>"
        let wide = (1...200).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"inlineStr\"><is><t>x</t></is></c></row>" }
        let sheet = try ZipFixtures.xlsx(rows: wide.joined() + "</sheetData>" + merges + "<sheetData>")
        XCTAssertTrue(message(sheet, "a.xlsx").hasPrefix("is too large: sheet 'S' lays out more than"))
    }

    /// Random bytes, and the fixtures with bytes changed at random, under every kind of name: each reads or
    /// fails with a `PlanError`, within its deadline.
    func testRandomBytesAndDamagedFixturesNeverCrash() throws {
        var rng = SyntheticPlan.SplitMix(20_190_331)
        let names = ["x.docx", "x.xlsx", "x.csv", "x.txt", "x.md", "x.tsv"]
        var inputs: [[UInt8]] = (0..<60).map { i in
            (0..<Int(rng.next() % 2000)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
                + (i % 2 == 0 ? [] : [0x50, 0x4B, 3, 4])
        }
        for fixture in ["minimal.docx", "minimal.xlsx", "plan.xlsx"] {
            let good = try ReaderTestSupport.bytes(fixture)
            for _ in 0..<40 {
                var b = good
                for _ in 0..<(1 + rng.next() % 4) {
                    b[Int(rng.next() % UInt64(b.count))] = UInt8(truncatingIfNeeded: rng.next())
                }
                inputs.append(b)
            }
        }
        for (i, bytes) in inputs.enumerated() {
            let file = names[i % names.count]
            let outcome = Outcome()
            let done = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                outcome.result = Result { try SourceReader.read(bytes, file: file) }
                done.signal()
            }
            guard done.wait(timeout: .now() + 30) == .success else { return XCTFail("input \(i) (\(file)) hangs") }
            if case .failure(let e)? = outcome.result, !(e is PlanError) { XCTFail("input \(i): \(e)") }
        }
    }
}
