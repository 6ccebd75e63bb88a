/// The shared strings of a workbook (`xl/sharedStrings.xml`), which text cells refer to by index.
///
/// At most `limit` strings are kept, which bounds the memory a hostile part can take.
final class XlsxSharedStrings: XMLPartHandler {
    /// The most strings kept: far more than any plan has.
    static let limit = 1_000_000

    /// The strings, by index.
    private(set) var strings: [String] = []
    /// Whether the part held more than `limit` strings.
    private(set) var truncated = false
    /// The string item being read.
    private var item = XlsxRichText(element: "si")

    /// An element starts.
    func start(_ name: String, _ attributes: [String: String]) { item.start(name) }

    /// An element ends: a complete string item is kept.
    func end(_ name: String) {
        guard let s = item.end(name) else { return }
        if strings.count < Self.limit { strings.append(s) } else { truncated = true }
    }

    /// Character data.
    func characters(_ text: String) { item.characters(text) }
}

/// The text of a workbook string item: a shared string (`si`) or a cell's inline string (`is`).
///
/// The item's text is its `t`, or the `t`s of its rich-text runs (`r`) joined;
/// phonetic guides (`rPh`, East Asian readings) are left out, as Excel shows only
/// the base text.
struct XlsxRichText {
    /// The element that holds an item: `si` or `is`.
    let element: String
    /// The text of the open item, nil outside one.
    private var text: String?
    /// Nesting inside a `t` that counts, and inside a phonetic run.
    private var inText = 0, inPhonetic = 0

    /// A reader of items held by `element`.
    init(element: String) { self.element = element }

    /// An element starts.
    mutating func start(_ name: String) {
        switch name {
        case element: (text, inText, inPhonetic) = ("", 0, 0)
        case "rPh" where text != nil: inPhonetic += 1
        case "t" where text != nil && inPhonetic == 0: inText += 1
        default: break
        }
    }

    /// An element ends; returns the item's text when it is the item's end.
    mutating func end(_ name: String) -> String? {
        switch name {
        case element:
            defer { text = nil }
            return text
        case "rPh": inPhonetic = max(0, inPhonetic - 1)
        case "t" where inPhonetic == 0: inText = max(0, inText - 1)
        default: break
        }
        return nil
    }

    /// Character data: part of the item inside a `t` that counts.
    mutating func characters(_ s: String) {
        if inText > 0 && inPhonetic == 0 { text? += s }
    }
}
