/// Where the last frame put things, so keys and mouse clicks can be interpreted against what is on screen.
///
/// Rendering decides scroll positions (keeping the selection visible); the
/// session copies them back into the state with ``AppState/remember(_:)``, so
/// page keys move by the real page size and a click hits the row it is on.
public struct ScreenLayout: Hashable, Sendable {
    /// The plan pane, or an empty rect when hidden.
    public var planRect = Rect(x: 0, y: 0, width: 0, height: 0)
    /// The detail pane's text area, or an empty rect when hidden.
    public var detailRect = Rect(x: 0, y: 0, width: 0, height: 0)
    /// The first plan row on screen.
    public var planTop = 0
    /// The first detail line on screen.
    public var detailScroll = 0
    /// The first help line on screen.
    public var helpScroll = 0
    /// The height of the help text area.
    public var helpHeight = 0

    /// An empty layout (before the first frame).
    public init() {}

    /// Whether (`x`, `y`) is inside `rect`.
    static func contains(_ rect: Rect, x: Int, y: Int) -> Bool {
        x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height
    }
}
