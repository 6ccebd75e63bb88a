import ActionPlanCore

/// The detail pane: a title row (reversed when the pane has the focus) and the selected row's details.
///
/// Only the lines on screen are drawn; the scroll position is clamped so the
/// pane never scrolls past its last line.
extension Renderer {
    static func drawDetailPane(_ state: AppState, in rect: Rect, _ grid: inout Grid, _ layout: inout ScreenLayout) {
        guard rect.width > 0, rect.height > 0 else { return }
        let text = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        let lines = DetailLines.lines(state, width: max(1, text.width - 1))
        let maxScroll = max(0, lines.count - text.height)
        let scroll = max(0, min(state.layout.detailScroll, maxScroll))
        layout.detailRect = text
        layout.detailScroll = scroll

        // Title row.
        let focused = state.view.focus == .detail
        let titleStyle = focused ? UIStyle.focusedTitle : UIStyle.muted
        grid.fill(
            Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: titleStyle,
            character: focused ? " " : "─")
        var title = " Details"
        switch state.selectedItem {
        case .action(let p)?: title += ": " + SafeText.line(state.plan[p].id)
        case .theme(let t)?: title += ": theme \(state.plan.themes[t].number)"
        case .group?: title += ": group"
        case nil: break
        }
        title += " "
        let hint = focused ? "(↑↓ scroll, Tab back) " : "(Tab to scroll) "
        let position =
            lines.count > text.height
            ? " \(scroll + 1)-\(min(lines.count, scroll + text.height))/\(lines.count) " : ""
        let positionWidth = DisplayWidth.of(position)
        if DisplayWidth.of(title + hint) + positionWidth + 2 <= rect.width { title += hint }
        let titleStyle2 = focused ? titleStyle : Style.strong
        let titleWidth = grid.put(title, x: rect.x + 1, y: rect.y, style: titleStyle2, maxWidth: rect.width - 1)
        if !position.isEmpty, titleWidth + positionWidth + 2 <= rect.width {
            grid.put(
                position, x: rect.x + rect.width - positionWidth - 1, y: rect.y, style: focused ? titleStyle : .plain)
        }

        guard text.height > 0 else { return }
        for (i, line) in lines[scroll..<min(lines.count, scroll + text.height)].enumerated() {
            line.draw(into: &grid, x: text.x + 1, y: text.y + i, width: text.width - 1)
        }
    }
}
