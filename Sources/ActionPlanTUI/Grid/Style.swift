/// How a cell is drawn: foreground and background colour plus bold, reverse, underline and dim.
///
/// Styles are plain values so a rendered ``Grid`` can be compared and snapshotted
/// in tests. Badges should use a background colour; the backend draws those in
/// reverse video when colour is off (`NO_COLOR`), so they still stand out.
public struct Style: Hashable, Sendable {
    /// Text colour.
    public var fg: TermColor
    /// Background colour; anything but `.default` marks a badge.
    public var bg: TermColor
    /// Bold (bright) text.
    public var bold: Bool
    /// Reverse video, used for the selection.
    public var reverse: Bool
    /// Underlined text.
    public var underline: Bool
    /// Dim (faint) text.
    public var dim: Bool

    /// Creates a style; every part defaults to the terminal's normal look.
    public init(
        fg: TermColor = .default, bg: TermColor = .default, bold: Bool = false, reverse: Bool = false,
        underline: Bool = false, dim: Bool = false
    ) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    /// The terminal's default colours and no attributes.
    public static let plain = Style()
    /// Bold text, for headings and emphasis.
    public static let strong = Style(bold: true)
    /// Dim text, for hints and secondary detail.
    public static let muted = Style(dim: true)
    /// Reverse video, for the selected row.
    public static let selected = Style(reverse: true)

    /// Text in colour `fg` on the default background.
    public static func text(_ fg: TermColor, bold: Bool = false) -> Style {
        Style(fg: fg, bold: bold)
    }

    /// A badge: bold `fg` text on background `bg` (shown reversed without colour).
    public static func badge(_ bg: TermColor, fg: TermColor = .black) -> Style {
        Style(fg: fg, bg: bg, bold: true)
    }

    /// A copy with the given flags changed, for example `style.with(bold: true)`.
    public func with(
        bold: Bool? = nil, reverse: Bool? = nil, underline: Bool? = nil, dim: Bool? = nil
    ) -> Style {
        var copy = self
        if let bold { copy.bold = bold }
        if let reverse { copy.reverse = reverse }
        if let underline { copy.underline = underline }
        if let dim { copy.dim = dim }
        return copy
    }

    /// One ASCII character summarising this style, for the text snapshots of ``Grid/styleLines(_:)``.
    ///
    /// Legend, first rule that matches wins (a cell shows its most visible feature):
    ///
    ///     .  plain (default colours, no attributes)
    ///     k r g y b m c w   background colour black/red/green/yellow/blue/magenta/cyan/white (badge)
    ///     i  background is an indexed (256-colour) colour
    ///     #  reverse video (selection), default background
    ///     K R G Y B M C W   foreground colour, default background, not reversed
    ///     I  foreground is an indexed colour
    ///     *  bold only
    ///     _  underline (possibly with dim)
    ///     -  dim only
    ///
    /// Use a custom closure with ``Grid/styleLines(_:)`` when a test needs more detail.
    public var legendCode: Character {
        if bg != .default { return Self.letter(for: bg) }
        if reverse { return "#" }
        if fg != .default { return Character(Self.letter(for: fg).uppercased()) }
        if bold { return "*" }
        if underline { return "_" }
        if dim { return "-" }
        return "."
    }

    private static func letter(for color: TermColor) -> Character {
        switch color {
        case .default: return "."
        case .black: return "k"
        case .red: return "r"
        case .green: return "g"
        case .yellow: return "y"
        case .blue: return "b"
        case .magenta: return "m"
        case .cyan: return "c"
        case .white: return "w"
        case .indexed: return "i"
        }
    }
}
