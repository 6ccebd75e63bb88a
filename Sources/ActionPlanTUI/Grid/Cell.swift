/// One terminal column of a ``Grid``: the grapheme drawn there and its style.
///
/// A double-width character (CJK, most emoji) is stored in its first cell; the
/// cell to its right is a continuation cell with empty text, so every row keeps
/// exactly one `Cell` per terminal column.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown in this column (plus any zero-width characters attached to it); empty for a continuation.
    public var text: String
    /// How the column is drawn.
    public var style: Style
    /// Whether this column is the right half of the double-width character in the previous cell.
    public var isContinuation: Bool

    /// Creates a cell; `text` should be one grapheme of display width 1 or 2.
    public init(text: String, style: Style = .plain, isContinuation: Bool = false) {
        self.text = text
        self.style = style
        self.isContinuation = isContinuation
    }

    /// An empty (space) cell in the plain style.
    public static let blank = Cell(text: " ")

    /// A space in `style`, used to clear and to replace half-overwritten wide characters.
    public static func space(_ style: Style) -> Cell { Cell(text: " ", style: style) }
}
