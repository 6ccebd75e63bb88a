import ActionPlanCore

/// The UI's styles by meaning: rating badges, overdue marks, headings, the status bar, errors.
///
/// Every rating is shown as a letter on a coloured background, so it reads in
/// colour, in monochrome (the backend draws backgrounds as reverse video) and in
/// text snapshots.
public enum UIStyle {
    /// The badge style of `rating` (nil = unrated: dim, no background).
    public static func badge(_ rating: Rating?) -> Style {
        switch rating {
        case .blue?: return .badge(.blue, fg: .white)
        case .green?: return .badge(.green, fg: .black)
        case .amber?: return .badge(.yellow, fg: .black)
        case .red?: return .badge(.red, fg: .white)
        case nil: return .muted
        }
    }

    /// The foreground style used for a rating's letter in counts.
    public static func letter(_ rating: Rating?) -> Style {
        switch rating {
        case .blue?: return .text(.blue, bold: true)
        case .green?: return .text(.green, bold: true)
        case .amber?: return .text(.yellow, bold: true)
        case .red?: return .text(.red, bold: true)
        case nil: return .muted
        }
    }

    /// The `!92d` overdue mark.
    public static let overdue = Style.text(.red, bold: true)
    /// Theme headings.
    public static let theme = Style.strong
    /// Group headings.
    public static let group = Style(bold: true, underline: false)
    /// Labels in the detail pane.
    public static let label = Style.strong
    /// Secondary text.
    public static let muted = Style.muted
    /// The status bar along the top.
    public static let statusBar = Style(reverse: true)
    /// The selected row in the focused pane.
    public static let selection = Style.selected
    /// Error messages.
    public static let error = Style.text(.red, bold: true)
    /// Search matches (the ID of a matching action).
    public static let match = Style(underline: true)
    /// A focused pane title.
    public static let focusedTitle = Style(reverse: true, underline: false)
    /// An unfocused pane title.
    public static let title = Style(bold: true, underline: true)
    /// Unknown lead codes in the detail pane.
    public static let warning = Style.text(.yellow, bold: true)
    /// The cursor of a line editor.
    public static let cursor = Style(reverse: true)
}
