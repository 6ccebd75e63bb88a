import ActionPlanCore

/// A single-line text editor as a value: the text, a cursor between grapheme clusters, and edit operations.
///
/// Plans hold names like `Zoë`, CJK text and emoji, so the cursor moves by
/// grapheme cluster (never splitting `é` or a flag), and drawing measures display
/// width, so a wide character takes two columns and the cursor lands where the
/// user sees it. Text is drawn through ``TerminalSafe/escape(_:singleLine:)``.
public struct LineEditor: Hashable, Sendable {
    /// The graphemes of the text.
    private var characters: [Character]
    /// The cursor position: the number of graphemes before it (0...count).
    public private(set) var cursor: Int

    /// An editor holding `text` with the cursor at its end.
    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    /// The text being edited.
    public var text: String { String(characters) }

    /// Whether there is no text.
    public var isEmpty: Bool { characters.isEmpty }

    /// Inserts `string` at the cursor and moves the cursor after it.
    ///
    /// The text is re-segmented, so a combining mark typed after `e` joins it into `é`.
    public mutating func insert(_ string: String) {
        guard !string.isEmpty else { return }
        let before = String(characters[..<cursor]) + string
        let after = String(characters[cursor...])
        let joined = before + after
        characters = Array(joined)
        cursor = min(characters.count, before.count)
    }

    /// Moves the cursor one grapheme left.
    public mutating func moveLeft() { cursor = max(0, cursor - 1) }

    /// Moves the cursor one grapheme right.
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }

    /// Moves the cursor to the start.
    public mutating func moveToStart() { cursor = 0 }

    /// Moves the cursor to the end.
    public mutating func moveToEnd() { cursor = characters.count }

    /// Deletes the grapheme before the cursor (Backspace).
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Deletes the grapheme under the cursor (Delete).
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Deletes everything before the cursor (Ctrl-U).
    public mutating func deleteToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
    }

    /// Deletes everything from the cursor on (Ctrl-K).
    public mutating func deleteToEnd() {
        characters.removeSubrange(cursor...)
    }

    /// Applies an editing command; returns false for commands that are not edits (confirm, cancel, …).
    @discardableResult
    public mutating func apply(_ command: Command) -> Bool {
        switch command {
        case .cursorLeft: moveLeft()
        case .cursorRight: moveRight()
        case .cursorHome: moveToStart()
        case .cursorEnd: moveToEnd()
        case .deleteBackward: deleteBackward()
        case .deleteForward: deleteForward()
        case .deleteToStart: deleteToStart()
        case .deleteToEnd: deleteToEnd()
        default: return false
        }
        return true
    }

    /// What one grapheme looks like on screen: escaped when it is a control character, never empty.
    static func shown(_ c: Character) -> String {
        let s = TerminalSafe.escape(String(c))
        return DisplayWidth.of(s) == 0 ? "\u{25CC}" + s : s
    }

    /// The columns the cursor sits at when the text is drawn from its start.
    public var cursorColumn: Int {
        characters[..<cursor].reduce(0) { $0 + DisplayWidth.of(LineEditor.shown($1)) }
    }

    /// The part of the text to draw in `width` columns so that the cursor is visible, and the cursor's column in it.
    ///
    /// The text scrolls horizontally: when it does not fit, the window ends a
    /// little after the cursor. One column is kept for the cursor at the end.
    public func window(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        let shown = characters.map(LineEditor.shown)
        let widths = shown.map { DisplayWidth.of($0) }
        // Start at the cursor and extend left while it fits (leaving the cursor column free).
        var start = cursor
        var used = 1
        while start > 0, used + widths[start - 1] <= width {
            start -= 1
            used += widths[start]
        }
        // When the whole head fits, also show what follows the cursor.
        var end = cursor
        var total = used - 1
        while end < shown.count, total + widths[end] <= width {
            total += widths[end]
            end += 1
        }
        let column = widths[start..<cursor].reduce(0, +)
        return (shown[start..<end].joined(), column)
    }
}
