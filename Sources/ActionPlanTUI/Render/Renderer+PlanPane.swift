import ActionPlanCore
import Foundation

/// The plan pane: a tree of themes, groups and actions (or a flat sorted list), one row each.
///
/// An action row reads `ID  badge  leads  due  !late  text`; columns are dropped
/// from the right as the pane narrows (due, then leads) so the text keeps room.
extension Renderer {
    /// Column widths of action rows for a pane of `width` columns.
    struct Columns {
        var indentUnit: Int
        var id: Int
        var badge: Int
        var leads: Int
        var due: Int
        var late: Int

        init(width: Int, idWidth: Int, tree: Bool) {
            indentUnit = tree ? (width >= 60 ? 2 : 1) : 0
            id = max(4, min(idWidth, width >= 60 ? 10 : 7))
            badge = width >= 40 ? 3 : 1
            late = 5
            let fixed = indentUnit * 2 + id + 1 + badge + 1 + late + 1
            due = width - fixed - (DueText.width + 1) >= 24 ? DueText.width : 0
            let afterDue = width - fixed - (due > 0 ? due + 1 : 0)
            leads = afterDue - 9 >= 28 ? 8 : 0
        }
    }

    static func drawPlanPane(_ state: AppState, in rect: Rect, _ grid: inout Grid, _ layout: inout ScreenLayout) {
        guard rect.width > 0, rect.height > 0 else { return }
        layout.planRect = rect
        let rows = state.derived.visible.rows
        if rows.isEmpty {
            let text =
                state.plan.themes.isEmpty ? "This plan has no themes." : "No actions in this view. Press a to show all."
            for (i, line) in DisplayWidth.wrap(text, width: rect.width).prefix(rect.height).enumerated() {
                grid.put(line, x: rect.x, y: rect.y + i, style: UIStyle.muted, maxWidth: rect.width)
            }
            layout.planTop = 0
            return
        }
        // Keep the selection on screen, and the screen full.
        var top = state.layout.planTop
        let sel = state.view.selectedRow
        if sel < top { top = sel }
        if sel >= top + rect.height { top = sel - rect.height + 1 }
        top = max(0, min(top, rows.count - rect.height))
        layout.planTop = top
        let columns = Columns(
            width: rect.width, idWidth: state.derived.index.idWidth, tree: state.derived.visible.isTree)
        for y in 0..<min(rect.height, rows.count - top) {
            let index = top + y
            let row = rows[index]
            let line = rowLine(state, row, columns: columns, width: rect.width)
            line.draw(into: &grid, x: rect.x, y: rect.y + y, width: rect.width)
            if index == sel {
                grid.restyle(Rect(x: rect.x, y: rect.y + y, width: rect.width, height: 1)) { style in
                    if style.bg == .default {
                        style.reverse = true
                        style.dim = false
                    }
                }
            }
        }
    }

    /// The styled text of one plan-pane row.
    static func rowLine(_ state: AppState, _ row: VisibleRows.Row, columns c: Columns, width: Int) -> StyledLine {
        var line = StyledLine()
        switch row.item {
        case .theme(let ti):
            let t = state.plan.themes[ti]
            let marker = state.view.foldedThemes.contains(ti) ? "▸ " : "▾ "
            line.append(marker, .strong)
            let all = state.derived.planCounts
            let counts = themeCounts(
                state.derived.visible.themeCounts[ti] ?? RatingCounts(), digits: String(all.total).count,
                unratedColumn: all.unrated > 0)
            let countsWidth = DisplayWidth.of(counts.text)
            let room = width - 2
            let showCounts = room - countsWidth - 1 >= 24
            let title = "\(t.number) " + SafeText.line(t.title)
            let titleWidth = showCounts ? room - countsWidth - 1 : room
            line.append(DisplayWidth.pad(title, to: titleWidth), UIStyle.theme)
            if showCounts {
                line.append(" ")
                line.spans += counts.spans
            }
        case .group(let ti, let gi):
            let folded = state.view.foldedGroups.contains(GroupKey(theme: ti, group: gi))
            line.append(String(repeating: " ", count: c.indentUnit))
            line.append(folded ? "▸ " : "▾ ", .strong)
            let count = " (\(state.derived.visible.groupCounts[GroupKey(theme: ti, group: gi)] ?? 0))"
            let room = max(0, width - DisplayWidth.of(line.text) - DisplayWidth.of(count))
            line.append(
                DisplayWidth.truncate(SafeText.line(state.plan.themes[ti].groups[gi].title ?? ""), to: room),
                UIStyle.group)
            line.append(count, UIStyle.muted)
        case .action(let p):
            let a = state.plan[p]
            let depth = state.plan.themes[p.theme].groups[p.group].title == nil ? 1 : 2
            line.append(String(repeating: " ", count: c.indentUnit * depth))
            let isMatch = state.view.search?.matches(a) ?? false
            let idStyle = isMatch ? UIStyle.match.with(bold: true) : Style.strong
            let marked = state.view.marked.contains(a.id)
            line.append(DisplayWidth.pad((marked ? "*" : "") + SafeText.line(a.id), to: c.id), idStyle)
            line.append(" ")
            let letter = a.rating.badgeLetter
            line.append(c.badge == 3 ? " \(letter) " : letter, UIStyle.badge(a.rating))
            line.append(" ")
            if c.leads > 0 {
                line.append(DisplayWidth.pad(SafeText.line(Plan.joinLeads(a.leads)), to: c.leads))
                line.append(" ")
            }
            if c.due > 0 {
                line.append(DisplayWidth.pad(DueText.short(a), to: c.due), UIStyle.muted)
                line.append(" ")
            }
            var late = DueText.overdue(a, asOf: state.asOf) ?? ""
            var lateStyle = UIStyle.overdue
            if late.isEmpty, case .dueSoon = state.view.mode {
                late = DueText.dueIn(a, asOf: state.asOf) ?? ""
                lateStyle = UIStyle.muted
            }
            line.append(DisplayWidth.pad(late, to: max(c.late, DisplayWidth.of(late))), lateStyle)
            line.append(" ")
            // The text gets what is left, ending in … when cut; the search's match in it is highlighted.
            let text = DisplayWidth.pad(SafeText.line(a.text), to: max(0, width - DisplayWidth.of(line.text)))
            if isMatch, let query = state.view.search?.query,
                let r = text.range(of: query, options: [.caseInsensitive])
            {
                line.append(String(text[..<r.lowerBound]))
                line.append(String(text[r]), UIStyle.match)
                line.append(String(text[r.upperBound...]))
            } else {
                line.append(text)
            }
        }
        let used = DisplayWidth.of(line.text)
        if used < width { line.append(String(repeating: " ", count: width - used)) }
        return line
    }

    /// `B 2 G13 A 1 R 0 · 3 ! 2` with each letter in its rating's colour, every number right-aligned in
    /// `digits` columns so theme rows line up; the unrated column only when `unratedColumn` (the plan has
    /// unrated actions), the overdue column blank when none is overdue.
    static func themeCounts(_ c: RatingCounts, digits: Int, unratedColumn: Bool) -> StyledLine {
        func number(_ n: Int) -> String {
            let s = String(n)
            return String(repeating: " ", count: max(0, digits - s.count)) + s
        }
        var line = StyledLine()
        for (i, r) in Rating.allCases.enumerated() {
            if i > 0 { line.append(" ") }
            line.append(r.letter, UIStyle.letter(r))
            line.append(number(c.count(r)))
        }
        if unratedColumn {
            line.append(
                c.unrated > 0 ? " ·" + number(c.unrated) : String(repeating: " ", count: digits + 2), UIStyle.muted)
        }
        line.append(
            c.overdue > 0 ? " !" + number(c.overdue) : String(repeating: " ", count: digits + 2), UIStyle.overdue)
        return line
    }
}
