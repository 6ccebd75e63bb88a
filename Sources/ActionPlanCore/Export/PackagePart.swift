/// One file inside a zip package (`.xlsx`, `.docx`): its path in the archive and its bytes.
///
/// The core lays a package out as parts and never zips: zipping needs ZIPFoundation, which the core
/// does not import (docs/architecture.md); `ActionPlanPackage.ZipPackage` puts the parts in an archive.
public struct PackagePart: Hashable, Sendable {
    /// The path inside the archive, e.g. `xl/worksheets/sheet1.xml`.
    public var path: String
    /// The part's bytes (UTF-8 XML for every part the core writes).
    public var bytes: [UInt8]

    /// A part.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// A part holding `xml` as UTF-8.
    init(_ path: String, _ xml: String) {
        self.init(path: path, bytes: Array(xml.utf8))
    }
}

/// What every Office Open XML export shares: XML escaping and the package's document properties.
enum OfficeXML {
    /// The XML declaration every part starts with.
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// Plan text as XML character data or an attribute value, as `append(_:to:)` writes it.
    static func text(_ s: String) -> String {
        var buffer = HTMLBuffer(capacity: s.utf8.count + 16)
        append(s, to: &buffer)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    /// Appends plan text to `buffer` through the report's escaping buffer (control characters made visible,
    /// then `& < > " '` as entities, which XML reads as HTML does), the characters XML 1.0 forbids (U+FFFE,
    /// U+FFFF) replaced by U+FFFD first.
    static func append(_ s: String, to buffer: inout HTMLBuffer) {
        if s.unicodeScalars.contains(where: { $0 == "\u{FFFE}" || $0 == "\u{FFFF}" }) {
            buffer.text(
                String(
                    String.UnicodeScalarView(
                        s.unicodeScalars.map { $0 == "\u{FFFE}" || $0 == "\u{FFFF}" ? "\u{FFFD}" : $0 })))
        } else {
            buffer.text(s)
        }
    }

    /// `docProps/app.xml`: the application that wrote the package, with actionplan's version.
    static func appProperties() -> PackagePart {
        PackagePart(
            "docProps/app.xml",
            declaration
                + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
                + "<Application>actionplan</Application><AppVersion>\(ProgramVersion.current)</AppVersion>"
                + "</Properties>")
    }

    /// `_rels/.rels`: the package's main part (`main`, with relationship type `type`) and its properties.
    static func packageRelationships(main: String, type: String) -> PackagePart {
        let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        return PackagePart(
            "_rels/.rels",
            declaration
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"\(r)/\(type)\" Target=\"\(main)\"/>"
                + "<Relationship Id=\"rId2\" Type=\"\(r)/extended-properties\" Target=\"docProps/app.xml\"/>"
                + "</Relationships>")
    }

    /// The RGB fill of a rating (as the HTML report colours it), or nil for unrated.
    static func fill(_ r: Rating?) -> String? {
        switch r {
        case .blue?: return "8FB4E3"
        case .green?: return "A8D08D"
        case .amber?: return "FFD966"
        case .red?: return "F19C99"
        case nil: return nil
        }
    }
}
