import ActionPlanCore

/// Draws an ``AppState`` into a ``Grid``: status bar, plan pane, detail pane, prompt and key hint.
///
/// Rendering is a pure function of the state and the size. It only touches the
/// rows on screen (the row list is prepared by ``VisibleRows``), so a frame costs
/// the same for any plan size. It never fails: below the minimum size it shows a
/// "terminal too small" message, down to 1×1 and 0×0.
public enum Renderer {
    /// The smallest usable width.
    public static let minimumWidth = 20
    /// The smallest usable height.
    public static let minimumHeight = 5
    /// From this width the panes are side by side; below it they are stacked.
    public static let sideBySideWidth = 110
    /// The body height from which stacked panes are both shown; below it Tab shows one or the other.
    public static let stackedMinimumHeight = 12

    /// The frame for `state` at `width` × `height`, and where things went (for scrolling and the mouse).
    public static func frame(_ state: AppState, width: Int, height: Int) -> (Grid, ScreenLayout) {
        var grid = Grid(width: width, height: height)
        var layout = state.layout
        layout.planRect = Rect(x: 0, y: 0, width: 0, height: 0)
        layout.detailRect = layout.planRect
        guard width >= minimumWidth, height >= minimumHeight else {
            drawTooSmall(&grid)
            return (grid, layout)
        }
        drawStatusLine(state, &grid)
        let bottom = bottomLines(state, width: width, room: height - 3)
        let bodyTop = 1
        let bodyHeight = max(1, height - 1 - bottom.count)
        let body = Rect(x: 0, y: bodyTop, width: width, height: bodyHeight)
        if state.mode == .help {
            drawHelp(state, in: body, &grid, &layout)
        } else if case .workload(let screen) = state.mode {
            drawWorkload(state, screen, in: body, &grid)
        } else if state.mode == .measures {
            drawMeasures(state, in: body, &grid, &layout)
        } else {
            drawPanes(state, in: body, &grid, &layout)
        }
        drawBottom(state, bottom, from: bodyTop + bodyHeight, &grid)
        return (grid, layout)
    }

    /// The panes within `body`: side by side, stacked, or one at a time when space is short.
    static func drawPanes(_ state: AppState, in body: Rect, _ grid: inout Grid, _ layout: inout ScreenLayout) {
        if state.view.zoomed {
            drawPlanPane(state, in: body, &grid, &layout)
        } else if body.width >= sideBySideWidth {
            let planWidth = max(60, body.width * 3 / 5)
            let plan = Rect(x: body.x, y: body.y, width: planWidth, height: body.height)
            for y in body.y..<(body.y + body.height) {
                grid.put("│", x: planWidth, y: y, style: UIStyle.muted)
            }
            let detail = Rect(x: planWidth + 1, y: body.y, width: body.width - planWidth - 1, height: body.height)
            drawPlanPane(state, in: plan, &grid, &layout)
            drawDetailPane(state, in: detail, &grid, &layout)
        } else if body.height >= stackedMinimumHeight {
            let planHeight = body.height * 11 / 20
            let plan = Rect(x: body.x, y: body.y, width: body.width, height: planHeight)
            let detail = Rect(x: body.x, y: body.y + planHeight, width: body.width, height: body.height - planHeight)
            drawPlanPane(state, in: plan, &grid, &layout)
            drawDetailPane(state, in: detail, &grid, &layout)
        } else if state.view.focus == .detail {
            drawDetailPane(state, in: body, &grid, &layout)
        } else {
            drawPlanPane(state, in: body, &grid, &layout)
        }
    }

    static func drawTooSmall(_ grid: inout Grid) {
        let text = "Terminal too small: at least \(minimumWidth)x\(minimumHeight) needed (q quits)"
        let lines = DisplayWidth.wrap(text, width: grid.width)
        for (i, line) in lines.prefix(grid.height).enumerated() {
            grid.put(line, x: 0, y: i, style: i == 0 ? .strong : .plain, maxWidth: grid.width)
        }
    }
}
