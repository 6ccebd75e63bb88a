import Foundation
import XCTest
import ZIPFoundation

/// Zip archives made in memory for the hostile-input tests (with ZIPFoundation), and the patches that spoil them.
enum ZipFixtures {
    /// A zip archive of `parts` (path, text), deflated unless `stored`.
    static func zip(_ parts: [(String, String)], stored: Bool = false) throws -> [UInt8] {
        try zipBytes(parts.map { ($0.0, Array($0.1.utf8)) }, stored: stored)
    }

    /// A zip archive of `parts` (path, bytes), deflated unless `stored`.
    static func zipBytes(_ parts: [(String, [UInt8])], stored: Bool = false) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (path, bytes) in parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count),
                modificationDate: Date(timeIntervalSince1970: 1_546_300_800),
                compressionMethod: stored ? .none : .deflate,
                provider: { position, size in Data(bytes[Int(position)..<Int(position) + size]) })
        }
        return [UInt8](try XCTUnwrap(archive.data))
    }

    /// The smallest Word document: content types, the package relationship and `document` as word/document.xml.
    static func docx(_ document: String, stored: Bool = false) throws -> [UInt8] {
        try zip(
            [
                ("[Content_Types].xml", contentTypes("word/document.xml", "wordprocessingml.document.main+xml")),
                ("_rels/.rels", relationships("word/document.xml")), ("word/document.xml", document),
            ], stored: stored)
    }

    /// A Word document.xml whose body is `body`.
    static func documentXML(_ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
            + "wordprocessingml/2006/main\"><w:body>\(body)</w:body></w:document>"
    }

    /// The smallest Excel workbook: one sheet "S" whose sheetData holds `rows`.
    static func xlsx(rows: String) throws -> [UInt8] {
        let ns =
            "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
        return try zip([
            ("[Content_Types].xml", contentTypes("xl/workbook.xml", "spreadsheetml.sheet.main+xml")),
            ("_rels/.rels", relationships("xl/workbook.xml")),
            (
                "xl/workbook.xml",
                "<workbook \(ns)><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
                    + "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                    + "worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
            ),
            ("xl/worksheets/sheet1.xml", "<worksheet \(ns)><sheetData>\(rows)</sheetData></worksheet>"),
        ])
    }

    /// `[Content_Types].xml` declaring `part` of content type `type` (after
    /// "application/vnd.openxmlformats-officedocument.").
    static func contentTypes(_ part: String, _ type: String) -> String {
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/\(part)\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.\(type)\"/></Types>"
    }

    /// `_rels/.rels` naming `part` the main part.
    static func relationships(_ part: String) -> String {
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
            + "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
            + "Target=\"\(part)\"/></Relationships>"
    }

    /// The offset of the end-of-central-directory record (the last `PK\5\6`).
    static func endRecord(_ bytes: [UInt8]) -> Int {
        var i = bytes.count - 22
        while i > 0 && !(bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 5 && bytes[i + 3] == 6) { i -= 1 }
        return i
    }

    /// The offset of the central directory record of the entry `path`.
    static func directoryRecord(_ bytes: [UInt8], _ path: String) -> Int {
        var q = u32(bytes, endRecord(bytes) + 16)
        while q + 46 < bytes.count {
            let nameLength = u16(bytes, q + 28)
            if String(decoding: bytes[q + 46..<q + 46 + nameLength], as: UTF8.self) == path { return q }
            q += 46 + nameLength + u16(bytes, q + 30) + u16(bytes, q + 32)
        }
        XCTFail("no entry \(path)")
        return 0
    }

    /// The offset of the first byte of the data of entry `path`.
    static func dataStart(_ bytes: [UInt8], _ path: String) -> Int {
        let local = u32(bytes, directoryRecord(bytes, path) + 42)
        return local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28)
    }

    /// `bytes` with the little-endian 32-bit `value` written at `offset`.
    static func patched(_ bytes: [UInt8], at offset: Int, _ value: UInt32) -> [UInt8] {
        var b = bytes
        for k in 0..<4 { b[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k))) }
        return b
    }

    /// The little-endian 16-bit value at `i`.
    static func u16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }

    /// The little-endian 32-bit value at `i`.
    static func u32(_ b: [UInt8], _ i: Int) -> Int { u16(b, i) | u16(b, i + 2) << 16 }
}
