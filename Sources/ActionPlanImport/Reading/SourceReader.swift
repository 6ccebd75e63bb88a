import ActionPlanCore

/// Reads the bytes of a council's plan, in whatever container it is kept, into a `SourceDocument`.
///
/// The container is recognised by content first: the zip signature (`PK\x03\x04`)
/// makes an Office Open XML package (`OfficePackage`: a Word document or an Excel
/// workbook, told by its main part and content types); an OLE compound file, a PDF
/// or RTF is refused with advice (`UnreadableFormats`). Otherwise the extension
/// decides how the text (`TextLines`) is read: `.csv` (`DelimitedReader`, the
/// separator found), `.tsv`/`.tab`, `.md`/`.markdown` (`MarkdownReader`), anything
/// else as pasted text (`PlainTextReader`). A file named `.docx`/`.xlsx` that is not
/// a zip archive is refused rather than read as text.
public enum SourceReader {
    /// The largest source read, and the most an Office file's parts may expand to: 512 MB, the size
    /// `PlanStore.readFile` reads files up to.
    public static let maxSize = 512 << 20

    /// Reads `bytes` of the file named `file`: the container is recognised by content first (zip magic
    /// `PK\x03\x04` → look at `[Content_Types].xml` / `word/document.xml` / `xl/workbook.xml`), then by
    /// extension (.csv, .tsv/.tab, .md/.markdown, else text).
    ///
    /// Throws `PlanError` naming the file and what was expected for anything it cannot read: an empty file,
    /// a zip that is neither docx nor xlsx, a corrupt zip, a password-protected or old-format Office file, a
    /// NUL byte in what claims to be text, an unbalanced CSV quote, more than `maxSize` bytes (or parts that
    /// expand beyond it), more than `XlsxReader.maxCells` cells.
    public static func read(_ bytes: [UInt8], file: String) throws -> SourceDocument {
        if bytes.isEmpty {
            throw PlanError(
                .invalidSource,
                file: file,
                message: "is empty; expected plan text, CSV, TSV, Markdown, a Word document (.docx) or an Excel "
                    + "workbook (.xlsx)")
        }
        if bytes.count > maxSize {
            throw PlanError(
                .invalidSource,
                file: file, message: "is \(bytes.count >> 20) MB; actionplan reads files of up to \(maxSize >> 20) MB")
        }
        let suffix = file.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return try office(bytes, file: file)
        }
        if let refusal = UnreadableFormats.refusal(bytes, file: file) { throw refusal }
        if let office = [
            "docx": "a Word document", "docm": "a Word document", "xlsx": "an Excel workbook",
            "xlsm": "an Excel workbook",
        ][suffix] {
            throw PlanError(
                .invalidSource,
                file: file,
                message: "is not \(office): a .\(suffix) file is a zip archive, and this one does not start like one "
                    + "(it may be damaged, or another kind of file renamed)")
        }
        let text = try TextLines(bytes: bytes, file: file)
        var document = SourceDocument(kind: .text, encoding: text.encoding, notes: text.notes)
        switch suffix {
        case "csv", "tsv", "tab":
            let (items, note) = try DelimitedReader.items(
                text.lines, separator: suffix == "csv" ? nil : "\t", file: file)
            (document.kind, document.items) = (suffix == "csv" ? .csv : .tsv, items)
            document.notes += note.map { [$0] } ?? []
        case "md", "markdown":
            (document.kind, document.items) = (.markdown, MarkdownReader.items(text.lines))
        default:
            document.items = PlainTextReader.items(text.lines)
        }
        return document
    }

    /// Reads a zip archive: a Word document or an Excel workbook.
    private static func office(_ bytes: [UInt8], file: String) throws -> SourceDocument {
        let package = try OfficePackage(bytes: bytes, file: file)
        let (kind, path) = try package.mainPart()
        if kind == .xlsx {
            package.container = "Excel workbook"
            let (items, notes) = try XlsxReader.read(package, workbook: path)
            return SourceDocument(kind: .xlsx, items: items, notes: notes)
        }
        package.container = "Word document"
        let styles = DocxStyles()
        let stylesPath = try package.relationships(of: path).first { $0.type == "styles" }?.target
        try package.parse(stylesPath ?? "word/styles.xml", into: styles)
        let reader = DocxReader(styles: styles)
        try package.parse(path, into: reader)
        return SourceDocument(kind: .docx, items: reader.items, notes: reader.note.map { [$0] } ?? [])
    }
}
