import ActionPlanCore

/// The `?` help screen: every binding of ``KeyTable`` by context, scrollable, over the panes.
///
/// It reads the same table that dispatches keys, so it cannot go out of date.
extension Renderer {
    /// The help text at `width` columns: a heading per context, then keys and descriptions in two columns.
    static func helpLines(width: Int) -> [StyledLine] {
        let keyWidth = min(
            24, (KeyTable.bindings.map { DisplayWidth.of($0.keyLabels.joined(separator: ", ")) }.max() ?? 0) + 4)
        var lines: [StyledLine] = []
        for context in KeyContext.allCases {
            if !lines.isEmpty { lines.append(StyledLine()) }
            lines.append(StyledLine(context.title, UIStyle.label))
            for b in KeyTable.bindings(in: context) {
                lines += StyledLine.labelled(
                    "  " + b.keyLabels.joined(separator: ", "), b.description, width: width, labelWidth: keyWidth,
                    labelStyle: .strong)
            }
            if let note = KeyTable.notes[context] {
                lines += StyledLine.wrapped(note, width: width, indent: 2, style: UIStyle.muted)
            }
        }
        return lines
    }

    static func drawHelp(_ state: AppState, in rect: Rect, _ grid: inout Grid, _ layout: inout ScreenLayout) {
        drawPage(
            " Keys (Esc, q or ? closes; ↑↓ PgUp PgDn scroll)", helpLines(width:), state, in: rect, &grid, &layout)
    }

    /// Draws a page over the panes in `rect` — the help screen, the measures page: a title line, then `lines`
    /// at the width left for them, scrolled by the help scroll (kept within the lines) one column in.
    static func drawPage(
        _ title: String, _ lines: (_ width: Int) -> [StyledLine], _ state: AppState, in rect: Rect,
        _ grid: inout Grid, _ layout: inout ScreenLayout
    ) {
        guard rect.height > 0, rect.width > 0 else { return }
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: UIStyle.focusedTitle)
        grid.put(title, x: rect.x, y: rect.y, style: UIStyle.focusedTitle, maxWidth: rect.width)
        let lines = lines(rect.width - 1)
        let height = rect.height - 1
        let scroll = max(0, min(state.layout.helpScroll, lines.count - height))
        layout.helpScroll = scroll
        layout.helpHeight = height
        guard height > 0 else { return }
        for (i, line) in lines[scroll..<min(lines.count, scroll + height)].enumerated() {
            line.draw(into: &grid, x: rect.x + 1, y: rect.y + 1 + i, width: rect.width - 1)
        }
    }
}
