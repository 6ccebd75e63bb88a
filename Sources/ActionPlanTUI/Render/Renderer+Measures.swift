import ActionPlanCore

/// The measures page (`M`): every measure and sub-measure, off target first, then near target, on target and
/// the rest in plan order, each with its latest figure, target, status and a sparkline with the figures.
extension Renderer {
    /// The page's lines at `width` columns.
    static func measureLines(_ state: AppState, width: Int) -> [StyledLine] {
        let rows = MeasureListing.offTargetFirst(state.plan)
        if rows.isEmpty {
            return StyledLine.wrapped(
                "This plan has no measures. Import a data dashboard with actionplan import-measures SOURCE --into PLAN.",
                width: width, style: UIStyle.muted)
        }
        let off = rows.filter { $0.status.targetStatus == .offTarget }.count
        var lines = StyledLine.wrapped(
            "\(rows.count) measures and sub-measures; \(off) off target.", width: width, style: UIStyle.label)
        for (m, s) in rows {
            var text = DetailLines.line(m, s)
            if !m.planIDs.isEmpty { text += "  [" + m.planIDs.map(SafeText.line).joined(separator: " ") + "]" }
            lines += StyledLine.wrapped(text, width: width, indent: 1, style: DetailLines.style(s))
        }
        return lines
    }

    /// Draws the measures page in `rect`, scrolled like the help screen.
    static func drawMeasures(_ state: AppState, in rect: Rect, _ grid: inout Grid, _ layout: inout ScreenLayout) {
        drawPage(
            " Measures, off target first (Esc or q closes; ↑↓ PgUp PgDn scroll)", { measureLines(state, width: $0) },
            state, in: rect, &grid, &layout)
    }
}
