import ActionPlanCore
import ActionPlanImport
import Foundation
import ZIPFoundation

/// libFuzzer entry point for the reading layer (built only by scripts/fuzz.sh).
///
/// Each input is read as it is under four names (`.docx`, `.xlsx`, `.csv`, `.txt`),
/// and, wrapped in a well-formed package (stored, so the checksums are right and
/// mutations reach the XML readers rather than stopping at a damaged archive), as
/// the `word/document.xml` of a Word document and as the only sheet of a workbook.
/// Each reading must fail with a `PlanError` or give a well-formed document: any
/// other error, a crash, a hang (libFuzzer's timeout) or a broken property below
/// is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    var inputs = ["fuzz.docx", "fuzz.xlsx", "fuzz.csv", "fuzz.txt"].map { (bytes, $0) }
    if let docx = package(bytes, as: "word/document.xml") { inputs.append((docx, "wrapped.docx")) }
    if let xlsx = package(bytes, as: "xl/worksheets/sheet1.xml") { inputs.append((xlsx, "wrapped.xlsx")) }
    for (input, name) in inputs {
        do {
            check(try SourceReader.read(input, file: name), name)
        } catch is PlanError {
            continue
        } catch {
            fatalError("\(name): an error that is not a PlanError: \(error)")
        }
    }
    return 0
}

/// The properties every document read must have.
private func check(_ d: SourceDocument, _ name: String) {
    for (i, item) in d.items.enumerated() {
        let l = item.location
        precondition(l.ordinal == i, "\(name): item \(i) has ordinal \(l.ordinal)")
        switch d.kind {
        case .text, .csv, .tsv, .markdown:
            precondition(d.encoding != nil && (l.line ?? 0) >= 1, "\(name): a text item without a line")
            precondition(i == 0 || l.line! > d.items[i - 1].location.line!, "\(name): lines not ascending")
        case .xlsx: precondition(l.sheet != nil && (l.row ?? 0) >= 1, "\(name): a sheet row without sheet and row")
        case .docx: precondition((l.table != nil && l.row != nil) || l.paragraph != nil, "\(name): no docx place")
        }
        switch item.content {
        case .row(let cells, let table):
            precondition(table >= 1, "\(name): table \(table)")
            for c in cells {
                precondition(c.span >= 1, "\(name): span \(c.span)")
                precondition(!c.continuesAbove || c.text.isEmpty, "\(name): a continuing cell with text")
                precondition(isClean(c.text), "\(name): cell text not cleaned: \(Array(c.text.unicodeScalars))")
            }
        case .text(let text, let heading):
            precondition(heading.map { (0...9).contains($0) } ?? true, "\(name): heading level \(heading!)")
            precondition(d.kind != .docx || isClean(text), "\(name): paragraph not cleaned")
        }
    }
}

/// Whether `text` is as `SourceCell.text` promises: no white space at either end, nor two together, nor
/// around a line break.
private func isClean(_ text: String) -> Bool {
    if text.first?.isWhitespace == true || text.last?.isWhitespace == true { return false }
    var previous: Character = "x"
    for ch in text {
        if ch.isWhitespace && previous.isWhitespace && !(ch == "\n" && previous == "\n") { return false }
        previous = ch
    }
    return true
}

/// A stored (uncompressed) Office package with `part` holding `bytes`, or nil when it cannot be made.
private func package(_ bytes: [UInt8], as part: String) -> [UInt8]? {
    let word = part.hasPrefix("word/")
    let main = word ? "word/document.xml" : "xl/workbook.xml"
    let type = word ? "wordprocessingml.document.main+xml" : "spreadsheetml.sheet.main+xml"
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    var parts: [(String, [UInt8])] = [
        (
            "[Content_Types].xml",
            Array(
                ("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/"
                    + "\(main)\" ContentType=\"application/vnd.openxmlformats-officedocument.\(type)\"/></Types>").utf8)
        ),
        ("_rels/.rels", Array(relationships([("rId1", rel + "officeDocument", main)]).utf8)),
        (part, bytes),
    ]
    if !word {
        let ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"\(rel.dropLast())\""
        let workbook = "<workbook \(ns)><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
        parts.append(("xl/workbook.xml", Array(workbook.utf8)))
        let links = relationships([("rId1", rel + "worksheet", "worksheets/sheet1.xml")])
        parts.append(("xl/_rels/workbook.xml.rels", Array(links.utf8)))
    }
    guard let archive = try? Archive(accessMode: .create) else { return nil }
    for (path, content) in parts {
        let added: ()? = try? archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(content.count),
            modificationDate: Date(timeIntervalSince1970: 0), compressionMethod: .none,
            provider: { position, size in Data(content[Int(position)..<Int(position) + size]) })
        if added == nil { return nil }
    }
    return archive.data.map { [UInt8]($0) }
}

/// A relationships part listing `links` (id, type, target).
private func relationships(_ links: [(String, String, String)]) -> String {
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + links.map { "<Relationship Id=\"\($0.0)\" Type=\"\($0.1)\" Target=\"\($0.2)\"/>" }.joined()
        + "</Relationships>"
}
