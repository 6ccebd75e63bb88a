/// A rectangle of grid cells; any values are allowed and are clipped by whatever uses them.
public struct Rect: Hashable, Sendable {
    /// Left column (may be negative).
    public var x: Int
    /// Top row (may be negative).
    public var y: Int
    /// Width in columns; zero or negative means empty.
    public var width: Int
    /// Height in rows; zero or negative means empty.
    public var height: Int

    /// Creates a rectangle.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The columns `x..<x+width` clipped to `0..<limit`, without overflowing on extreme values.
    func columns(within limit: Int) -> Range<Int> {
        Rect.clip(start: x, length: width, limit: limit)
    }

    /// The rows `y..<y+height` clipped to `0..<limit`, without overflowing on extreme values.
    func rows(within limit: Int) -> Range<Int> {
        Rect.clip(start: y, length: height, limit: limit)
    }

    static func clip(start: Int, length: Int, limit: Int) -> Range<Int> {
        guard length > 0, limit > 0 else { return 0..<0 }
        let (end, overflow) = start.addingReportingOverflow(length)
        let lower = max(start, 0)
        let upper = min(overflow ? Int.max : end, limit)
        return lower < upper ? lower..<upper : 0..<0
    }
}
