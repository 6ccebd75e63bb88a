import ActionPlanCore

/// The tree keys of tig and lazygit: h/Left folds or goes up to the heading, l/Right unfolds or goes into
/// it; and z, which gives the list the whole screen.
extension Update {
    /// h or Left: folds the open theme or group under the selection; on an action or a folded group, selects
    /// the heading it is under.
    static func foldOrParent(_ s: inout AppState) {
        guard s.derived.visible.isTree else {
            s.message = foldingNeedsPlanOrder
            return
        }
        switch s.selectedItem {
        case .theme(let t)? where !s.view.foldedThemes.contains(t):
            toggleFold(&s)
        case .group(let t, let g)? where !s.view.foldedGroups.contains(GroupKey(theme: t, group: g)):
            toggleFold(&s)
        case .group(let t, _)?:
            selectHeading(.theme(t), &s)
        case .action(let p)?:
            let titled = s.plan.themes[p.theme].groups[p.group].title != nil
            selectHeading(titled ? .group(theme: p.theme, group: p.group) : .theme(p.theme), &s)
        case .theme?, nil:
            break
        }
    }

    /// l or Right: unfolds the folded theme or group under the selection; when it is open, selects its first row.
    static func unfoldOrChild(_ s: inout AppState) {
        guard s.derived.visible.isTree else {
            s.message = foldingNeedsPlanOrder
            return
        }
        switch s.selectedItem {
        case .theme(let t)? where s.view.foldedThemes.contains(t):
            toggleFold(&s)
        case .group(let t, let g)? where s.view.foldedGroups.contains(GroupKey(theme: t, group: g)):
            toggleFold(&s)
        case .theme?, .group?:
            move(by: 1, &s)
        case .action?, nil:
            break
        }
    }

    /// Selects the row showing `heading`, searching up from the selection (a heading is above its rows).
    static func selectHeading(_ heading: RowItem, _ s: inout AppState) {
        let rows = s.derived.visible.rows
        var row = min(s.view.selectedRow, rows.count - 1)
        while row >= 0, rows[row].item != heading { row -= 1 }
        if row >= 0 { select(row, &s) }
    }

    /// z: the list takes the whole screen (the detail pane hidden), or shares it again.
    static func zoom(_ s: inout AppState) {
        s.view.zoomed.toggle()
        s.view.focus = .plan
        s.message = StatusMessage(s.view.zoomed ? "List zoomed: z shows the details again" : "Details shown")
    }
}
