import ActionPlanCore

/// Moving around: the selection, page keys, folds, the focus, the help screen's scrolling and the mouse.
extension Update {
    /// Arrow and page keys, Home/End, folding and Tab while browsing.
    static func navigate(_ command: Command, _ s: inout AppState) {
        switch command {
        case .moveUp: move(by: -1, &s)
        case .moveDown: move(by: 1, &s)
        case .pageUp: move(by: -page(s), &s)
        case .pageDown: move(by: page(s), &s)
        case .top: move(to: 0, &s)
        case .bottom: move(to: Int.max, &s)
        case .toggleFold: toggleFold(&s)
        case .foldOrParent: foldOrParent(&s)
        case .unfoldOrChild: unfoldOrChild(&s)
        case .zoom: zoom(&s)
        case .foldAll:
            let keep = s.selectedItem.map { AppState.Anchor.theme($0.themeIndex) }
            if s.derived.visible.isTree {
                s.view.foldedThemes = Set(s.plan.themes.indices)
                s.rebuild(anchor: keep)
            } else {
                s.message = foldingNeedsPlanOrder
            }
        case .unfoldAll:
            let keep = s.anchor
            s.view.foldedThemes = []
            s.view.foldedGroups = []
            s.rebuild(anchor: keep)
        case .switchPane:
            s.view.focus = s.view.focus == .plan ? .detail : .plan
        default:
            break
        }
    }

    /// Why a fold key did nothing: folds are a tree's, and only plan order is shown as a tree.
    static let foldingNeedsPlanOrder = StatusMessage("Folding works in plan order (press a, or S until plan order)")

    /// Rows a page key moves.
    static func page(_ s: AppState) -> Int {
        let h = s.view.focus == .detail ? s.layout.detailRect.height : s.layout.planRect.height
        return max(1, h - 1)
    }

    /// Moves the selection by `delta` rows, or scrolls the detail pane when it has the focus.
    static func move(by delta: Int, _ s: inout AppState) {
        if s.view.focus == .detail {
            let (sum, overflow) = s.layout.detailScroll.addingReportingOverflow(delta)
            s.layout.detailScroll = max(0, overflow ? Int.max : sum)
            return
        }
        let (sum, overflow) = s.view.selectedRow.addingReportingOverflow(delta)
        select(overflow ? (delta > 0 ? Int.max : 0) : sum, &s)
    }

    /// Moves to row `row` (clamped), or scrolls the detail pane to the top/bottom when it has the focus.
    static func move(to row: Int, _ s: inout AppState) {
        if s.view.focus == .detail {
            s.layout.detailScroll = row
            return
        }
        select(row, &s)
    }

    /// Selects row `row` (clamped) and resets the detail pane's scroll when the selection changes.
    static func select(_ row: Int, _ s: inout AppState) {
        let clamped = max(0, min(row, s.derived.visible.rows.count - 1))
        if clamped != s.view.selectedRow { s.layout.detailScroll = 0 }
        s.view.selectedRow = clamped
    }

    /// Folds or unfolds the selected theme or group; on an action, folds the group (or theme) it is in.
    static func toggleFold(_ s: inout AppState) {
        guard s.derived.visible.isTree else {
            s.message = foldingNeedsPlanOrder
            return
        }
        switch s.selectedItem {
        case .theme(let t)?:
            if s.view.foldedThemes.contains(t) { s.view.foldedThemes.remove(t) } else { s.view.foldedThemes.insert(t) }
            s.rebuild(anchor: .theme(t))
        case .group(let t, let g)?:
            let key = GroupKey(theme: t, group: g)
            if s.view.foldedGroups.contains(key) {
                s.view.foldedGroups.remove(key)
            } else {
                s.view.foldedGroups.insert(key)
            }
            s.rebuild(anchor: .group(key))
        case .action(let p)?:
            if s.plan.themes[p.theme].groups[p.group].title != nil {
                let key = GroupKey(theme: p.theme, group: p.group)
                s.view.foldedGroups.insert(key)
                s.rebuild(anchor: .group(key))
            } else {
                s.view.foldedThemes.insert(p.theme)
                s.rebuild(anchor: .theme(p.theme))
            }
        case nil:
            break
        }
    }

    // MARK: Help

    /// Scrolling or closing the help screen.
    static func helpCommand(_ command: Command, _ s: inout AppState) {
        let page = max(1, s.layout.helpHeight - 1)
        switch command {
        case .closeHelp: s.mode = .browse
        case .moveUp: s.layout.helpScroll = max(0, s.layout.helpScroll - 1)
        case .moveDown: s.layout.helpScroll += 1
        case .pageUp: s.layout.helpScroll = max(0, s.layout.helpScroll - page)
        case .pageDown: s.layout.helpScroll += page
        case .top: s.layout.helpScroll = 0
        case .bottom: s.layout.helpScroll = Int.max / 2
        default: break
        }
    }

    // MARK: Mouse

    /// A click selects a row or focuses a pane; the wheel scrolls the pane under it (with --mouse).
    static func handleMouse(x: Int, y: Int, kind: KeyEvent.MouseKind, _ s: inout AppState) {
        guard s.mouseEnabled, s.mode == .browse else { return }
        let inDetail = ScreenLayout.contains(s.layout.detailRect, x: x, y: y)
        let inPlan = ScreenLayout.contains(s.layout.planRect, x: x, y: y)
        switch kind {
        case .press:
            if inPlan {
                s.view.focus = .plan
                let row = s.layout.planTop + (y - s.layout.planRect.y)
                if row < s.derived.visible.rows.count { select(row, &s) }
            } else if inDetail {
                s.view.focus = .detail
            }
        case .wheelUp, .wheelDown:
            let delta = kind == .wheelUp ? -3 : 3
            if inDetail {
                s.layout.detailScroll = max(0, s.layout.detailScroll + delta)
            } else {
                let wasFocus = s.view.focus
                s.view.focus = .plan
                move(by: delta, &s)
                s.view.focus = wasFocus
            }
        }
    }
}
