/// A source document read into one stream of items, whatever its container.
///
/// `SourceReader.read` makes one from the bytes of a text, CSV, TSV, Markdown,
/// Word (.docx) or Excel (.xlsx) file, so that what interprets a plan never
/// cares which of those the council kept it in. Items come in document order,
/// each with the place it came from (`SourceLocation`), so every line, paragraph
/// and row can be accounted for in the import report.
public struct SourceDocument: Sendable, Hashable {
    /// The container the bytes were read as.
    public enum Kind: String, Sendable {
        /// Text pasted from a document (or any file not recognised as another kind).
        case text
        /// Comma- (or semicolon-, or tab-) separated values.
        case csv
        /// Tab-separated values.
        case tsv
        /// Markdown, with `#` headings and pipe tables.
        case markdown
        /// A Word document (Office Open XML).
        case docx
        /// An Excel workbook (Office Open XML).
        case xlsx
    }

    /// The container the bytes were read as.
    public var kind: Kind
    /// For text-based sources, the encoding found: "UTF-8", "UTF-8 with byte-order mark", "UTF-16 LE",
    /// "UTF-16 BE", "Windows-1252"; nil for docx/xlsx.
    public var encoding: String?
    /// Paragraphs/lines and table rows in document order.
    public var items: [SourceItem]
    /// Anything the reader noticed and wants said in the import report (e.g. "sheet 'Lookups' is hidden and
    /// was read too", "3 images ignored", "decoded as Windows-1252: the file is not valid UTF-8").
    public var notes: [SourceNote]

    /// A document of `kind` holding `items`.
    public init(kind: Kind, encoding: String? = nil, items: [SourceItem] = [], notes: [SourceNote] = []) {
        self.kind = kind
        self.encoding = encoding
        self.items = items
        self.notes = notes
    }
}

/// One paragraph, line or table row of a source, and where it is.
public struct SourceItem: Sendable, Hashable {
    /// What an item holds.
    public enum Content: Sendable, Hashable {
        /// A paragraph (docx) or a line (text, markdown; a blank line too, as ""); `heading` is the heading
        /// level when the source marks it as one (docx styles Title=0, Heading1=1…; markdown `#`=1…), else nil.
        /// A table row of one cell is a `row`, not this.
        case text(String, heading: Int?)
        /// A table row: its cells left to right; `table` numbers the tables of the document from 1 (rows of
        /// one table share it; for xlsx, the sheet's position in the workbook).
        case row([SourceCell], table: Int)
    }

    /// What the item holds.
    public var content: Content
    /// Where it is in the source.
    public var location: SourceLocation

    /// An item holding `content`, found at `location`.
    public init(content: Content, location: SourceLocation) {
        self.content = content
        self.location = location
    }
}

/// One cell of a table row.
///
/// The cells of a row cover the table's grid left to right: the 1-based grid
/// column of a cell is one more than the sum of the spans of the cells before it.
public struct SourceCell: Sendable, Hashable {
    /// The cell's text: paragraphs inside the cell joined with "\n"; no HTML; white space inside lines
    /// collapsed; leading/trailing white space trimmed.
    public var text: String
    /// How many grid columns it covers (docx gridSpan, xlsx horizontal merge); 1 normally.
    public var span: Int
    /// True when this cell continues a vertically merged cell from the row above (docx vMerge continue,
    /// xlsx merged range below its first row); its text is then empty.
    public var continuesAbove: Bool
    /// For CSV/TSV, the field exactly as the file holds it (after unquoting), for a reader that must not
    /// clean it: the CSV `actionplan export` writes is read back literally.
    public var raw: String?

    /// A cell showing `text`, covering `span` grid columns.
    public init(text: String, span: Int = 1, continuesAbove: Bool = false, raw: String? = nil) {
        self.text = text
        self.span = span
        self.continuesAbove = continuesAbove
        self.raw = raw
    }
}

/// Something the reader noticed that belongs in the import report.
public struct SourceNote: Sendable, Hashable {
    /// Where, when it concerns one place (the location of the item concerned, or of the first one).
    public var location: SourceLocation?
    /// What was noticed, as a sentence fragment for the report.
    public var message: String

    /// A note saying `message` about `location`.
    public init(location: SourceLocation? = nil, message: String) {
        self.location = location
        self.message = message
    }
}
