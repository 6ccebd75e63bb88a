import ActionPlanCore

/// One line of styled text: runs of text, each in its own style, drawn left to right.
///
/// The detail pane and help screen are built as lines first (wrapped to the
/// pane's width) and then drawn, so scrolling only draws the lines on screen.
public struct StyledLine: Hashable, Sendable {
    /// The runs, in order.
    public var spans: [Span]

    /// A run of text in one style.
    public struct Span: Hashable, Sendable {
        /// The text (already made terminal-safe).
        public var text: String
        /// Its style.
        public var style: Style
    }

    /// A line of `spans`.
    public init(_ spans: [Span] = []) { self.spans = spans }

    /// A line of one run.
    public init(_ text: String, _ style: Style = .plain) { self.spans = [Span(text: text, style: style)] }

    /// Appends a run.
    public mutating func append(_ text: String, _ style: Style = .plain) {
        spans.append(Span(text: text, style: style))
    }

    /// The line's text without styles.
    public var text: String { spans.map(\.text).joined() }

    /// Draws the line at (`x`, `y`), clipped to `width` columns.
    public func draw(into grid: inout Grid, x: Int, y: Int, width: Int) {
        var used = 0
        for span in spans where used < width {
            used += grid.put(span.text, x: x + used, y: y, style: span.style, maxWidth: width - used)
        }
    }

    /// Lines for `text` after `label`, wrapped to `width` with later lines indented under the text.
    ///
    /// When the width is under three label widths, the label runs into the text instead.
    public static func labelled(
        _ label: String, _ text: String, width: Int, labelWidth: Int = 10, labelStyle: Style = UIStyle.label,
        style: Style = .plain
    ) -> [StyledLine] {
        guard width > 0 else { return [] }
        let indent = labelWidth * 3 <= width ? labelWidth : 0
        var out: [StyledLine] = []
        if indent == 0 {
            // Narrow: the label runs into the text, which wraps at the full width.
            let head = label.trimmingCharacters(in: .whitespaces)
            let lines = DisplayWidth.wrap(head.isEmpty ? text : head + " " + text, width: width)
            for (i, l) in lines.enumerated() {
                if i == 0, !head.isEmpty, l.hasPrefix(head) {
                    var line = StyledLine(head, labelStyle)
                    line.append(String(l.dropFirst(head.count)), style)
                    out.append(line)
                } else {
                    out.append(StyledLine(l, style))
                }
            }
            return out
        }
        let body = DisplayWidth.wrap(text, width: max(1, width - indent))
        let pad = String(repeating: " ", count: indent)
        for (i, l) in body.enumerated() {
            var line = StyledLine()
            line.append(i == 0 ? DisplayWidth.pad(label, to: indent) : pad, labelStyle)
            line.append(l, style)
            out.append(line)
        }
        return out
    }

    /// Plain wrapped lines of `text` with every line indented by `indent` columns.
    public static func wrapped(_ text: String, width: Int, indent: Int = 0, style: Style = .plain) -> [StyledLine] {
        guard width > indent else { return DisplayWidth.wrap(text, width: max(1, width)).map { StyledLine($0, style) } }
        let pad = String(repeating: " ", count: indent)
        return DisplayWidth.wrap(text, width: width - indent).map { StyledLine(pad + $0, style) }
    }
}
