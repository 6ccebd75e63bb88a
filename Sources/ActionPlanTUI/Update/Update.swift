import ActionPlanCore

/// The terminal UI's logic as a pure function: `(state, event) → (state, effects)`.
///
/// The Elm/Bubble Tea architecture: nothing here reads files, the clock or the
/// terminal. Keys are turned into ``Command``s through ``KeyTable``; edits go
/// through the core's `Plan` editing functions so the UI records changes exactly
/// as the CLI does; saving and reloading are ``Effect``s the session performs.
public enum Update {
    /// The next state and the effects to perform after `event`.
    public static func update(_ state: AppState, _ event: AppEvent) -> (AppState, [Effect]) {
        var s = state
        let effects = apply(event, to: &s)
        return (s, effects)
    }

    /// The next state and effects after the key `key`.
    public static func update(_ state: AppState, key: KeyEvent) -> (AppState, [Effect]) {
        update(state, .key(key))
    }

    /// The next state and effects after `command`, as if its key was pressed.
    public static func update(_ state: AppState, command: Command) -> (AppState, [Effect]) {
        update(state, .command(command))
    }

    /// Applies `event` to `s` in place and returns the effects.
    static func apply(_ event: AppEvent, to s: inout AppState) -> [Effect] {
        switch event {
        case .key(let key):
            s.message = nil
            return handleKey(key, &s)
        case .command(let command):
            s.message = nil
            return run(command, &s)
        case .saved(let path, let plan, let fingerprint, let merged, let warnings, let quitAfter):
            s.saved(plan, fingerprint: fingerprint)
            s.filePath = path
            s.mode = .browse
            let text = merged ? "Saved \(path), merged with changes others saved meanwhile" : "Saved \(path)"
            s.message =
                warnings.isEmpty
                ? StatusMessage(text)
                : StatusMessage(text + "; but: " + warnings.joined(separator: "; "), isError: true)
            return quitAfter ? [.quit] : []
        case .saveFailed(let why):
            s.mode = .browse
            s.message = StatusMessage(why, isError: true)
            return []
        case .fileChangedOnDisk(let quitAfter, let conflicts):
            s.mode = .conflict(quitAfter: quitAfter)
            s.clashes.conflicts = conflicts
            s.clashes.choices = [:]
            if !conflicts.isEmpty {
                let list = conflicts.map { $0.describe(ours: "yours", theirs: "saved") }.joined(separator: "; ")
                s.message = StatusMessage(
                    "\(conflicts.count) clash(es) with changes saved meanwhile: " + list, isError: true)
            }
            return []
        case .saveAsExists(let path, let quitAfter):
            s.mode = .question(.overwrite(path: path, quitAfter: quitAfter))
            return []
        case .reloaded(let plan, let fingerprint):
            s.mode = .browse
            s.replaceDocument(plan: plan, base: plan, fingerprint: fingerprint, saved: true, label: "reload from disk")
            s.message = StatusMessage("Reloaded \(s.filePath) from disk (u brings your edits back)")
            return []
        case .reloadFailed(let why):
            s.mode = .browse
            s.message = StatusMessage(why, isError: true)
            return []
        case .recoveryRestored(let plan, let base, let fingerprint):
            s.mode = .browse
            s.clashes.conflicts = []
            s.clashes.pendingRecovery = nil
            s.replaceDocument(
                plan: plan, base: base, fingerprint: fingerprint, saved: plan == base, label: "restore unsaved changes")
            s.message = StatusMessage(
                "Restored the unsaved changes of an interrupted session, merged with what was saved since "
                    + "(w saves them, u takes them back)")
            return []
        case .recoveryClashes(let conflicts):
            guard let recovered = s.clashes.pendingRecovery else { return [] }
            s.clashes.conflicts = conflicts
            s.clashes.choices = [:]
            s.mode = .chooseClash(.restore(recovered), index: 0)
            return []
        case .interrupted:
            return s.isModified ? [.writeRecovery] : []
        case .notice(let text, let isError):
            s.message = StatusMessage(text, isError: isError)
            return []
        }
    }

    static func handleKey(_ key: KeyEvent, _ s: inout AppState) -> [Effect] {
        switch key {
        case .resize:
            return []
        case .mouse(let x, let y, let kind):
            handleMouse(x: x, y: y, kind: kind, &s)
            return []
        default:
            break
        }
        // A plan with its own rating scale is rated with its own letters (Y for Yellow), before the BRAG keys.
        if case .ratingPicker(let id) = s.mode, case .char(let c) = key, let scale = s.plan.scale,
            let level = scale.levels.first(where: { $0.letter.lowercased() == String(c).lowercased() })
        {
            s.mode = .prompt(Prompt(.rateNote(id: id, rating: level.rating, status: level.name)))
            return []
        }
        let context = s.mode.keyContext
        if let command = KeyTable.command(for: key, in: context) { return run(command, &s) }
        if case .prompt(var prompt) = s.mode, case .char(let c) = key {
            prompt.editor.insert(String(c))
            prompt.error = nil
            s.mode = .prompt(prompt)
        } else if context == .browse {
            s.message = StatusMessage("\(key.name) does nothing here; press ? for the keys")
        }
        return []
    }

    /// Runs `command` in the current mode.
    static func run(_ command: Command, _ s: inout AppState) -> [Effect] {
        switch s.mode {
        case .browse: return browse(command, &s)
        case .help:
            helpCommand(command, &s)
            return []
        case .ratingPicker(let id):
            if let rating = command.pickedRating {
                // With the plan's own scale, the first of its levels that counts as this rating.
                let status = s.plan.scale?.levels.first { $0.rating == rating }?.name ?? ""
                s.mode = .prompt(Prompt(.rateNote(id: id, rating: rating, status: status)))
            } else if command == .cancel {
                cancel(&s, "Rating cancelled")
            }
            return []
        case .editPicker(let id):
            editPick(command, id: id, &s)
            return []
        case .conflict(let quitAfter):
            switch command {
            case .reload: s.mode = .question(.reloadDiscarding)
            case .saveElsewhere: s.mode = .prompt(Prompt(.saveAsPath(quitAfter: quitAfter), text: s.filePath))
            case .chooseEach:
                if s.clashes.conflicts.isEmpty {
                    s.message = StatusMessage("No field-by-field clashes to choose from: reload or save elsewhere")
                } else {
                    s.clashes.choices = [:]
                    s.mode = .chooseClash(.save(quitAfter: quitAfter), index: 0)
                    s.message = nil
                }
            case .cancel: cancel(&s, "Not saved; your edits are kept")
            default: break
            }
            return []
        case .chooseClash(let purpose, let index):
            guard s.clashes.conflicts.indices.contains(index) else {
                s.mode = .browse
                return []
            }
            switch command {
            case .keepMine, .takeTheirs:
                s.clashes.choices[s.clashes.conflicts[index].key] = command == .keepMine ? .ours : .theirs
                if index + 1 < s.clashes.conflicts.count {
                    s.mode = .chooseClash(purpose, index: index + 1)
                } else {
                    s.mode = .browse
                    switch purpose {
                    case .save(let quitAfter): return [.saveWithChoices(s.clashes.choices, quitAfter: quitAfter)]
                    case .restore(let recovered): return [.restoreRecovery(recovered, choices: s.clashes.choices)]
                    }
                }
            case .cancel:
                if case .restore = purpose {
                    s.clashes.pendingRecovery = nil
                    cancel(&s, "Not restored; the recovery file is kept and offered again next time")
                } else {
                    cancel(&s, "Not saved; your edits are kept")
                }
            default: break
            }
            return []
        case .question(let question):
            return answer(question, command, &s)
        case .prompt(var prompt):
            switch command {
            case .confirm: return submit(prompt, &s)
            case .cancel:
                cancel(&s, "Cancelled")
            default:
                if prompt.editor.apply(command) {
                    prompt.error = nil
                    s.mode = .prompt(prompt)
                }
            }
            return []
        }
    }

    static func cancel(_ s: inout AppState, _ text: String) {
        s.mode = .browse
        s.message = StatusMessage(text)
    }

    // MARK: Browsing

    static func browse(_ command: Command, _ s: inout AppState) -> [Effect] {
        switch command {
        case .moveUp: move(by: -1, &s)
        case .moveDown: move(by: 1, &s)
        case .pageUp: move(by: -page(s), &s)
        case .pageDown: move(by: page(s), &s)
        case .top: move(to: 0, &s)
        case .bottom: move(to: Int.max, &s)
        case .toggleFold: toggleFold(&s)
        case .foldAll:
            let keep = s.selectedItem.map { AppState.Anchor.theme($0.themeIndex) }
            if s.derived.visible.isTree {
                s.view.foldedThemes = Set(s.plan.themes.indices)
                s.rebuild(anchor: keep)
            } else {
                s.message = StatusMessage("Folding works in plan order (press a, or S until plan order)")
            }
        case .unfoldAll:
            let keep = s.anchor
            s.view.foldedThemes = []
            s.view.foldedGroups = []
            s.rebuild(anchor: keep)
        case .switchPane:
            s.view.focus = s.view.focus == .plan ? .detail : .plan
        case .search:
            s.mode = .prompt(Prompt(.search, text: s.view.search?.query ?? ""))
        case .nextMatch: stepMatch(forward: true, &s)
        case .previousMatch: stepMatch(forward: false, &s)
        case .viewOverdue:
            setView(.overdue, sort: .deadline, &s)
            s.message = StatusMessage(
                "\(s.derived.visible.actions.count) overdue as of \(s.asOf.humanDescription), most overdue first")
        case .viewDueSoon:
            setView(.dueSoon(days: 30), sort: .deadline, &s)
            s.message = StatusMessage(
                "\(s.derived.visible.actions.count) due within 30 days of \(s.asOf.humanDescription)")
        case .filter:
            var text = ""
            if case .filtered(_, let t) = s.view.mode { text = t }
            s.mode = .prompt(Prompt(.filter, text: text))
        case .viewAll:
            setView(.all, sort: .plan, &s)
            s.message = StatusMessage("All \(s.derived.visible.actions.count) actions, plan order")
        case .cycleSort:
            let keep = s.anchor
            s.view.sort = s.view.sort.next
            s.rebuild(anchor: keep)
            s.message = StatusMessage("Sorted by \(s.view.sort.label)")
        case .rate:
            if let a = requireAction(&s, "rate") { s.mode = .ratingPicker(actionID: a.id) }
        case .edit:
            if let a = requireAction(&s, "edit") { s.mode = .editPicker(actionID: a.id) }
        case .addNote:
            if let a = requireAction(&s, "add a note to") { s.mode = .prompt(Prompt(.addNote(id: a.id))) }
        case .addAction: startAdd(&s)
        case .deleteAction:
            if let a = requireAction(&s, "delete") { s.mode = .question(.deleteAction(id: a.id)) }
        case .undo:
            switch s.undo() {
            case .nothing: s.message = StatusMessage("Nothing to undo")
            case .done(let label, _):
                s.message = StatusMessage("Undid: \(label)" + (s.undoStack.isEmpty ? " (nothing more to undo)" : ""))
            case .refused(let label, let conflicts):
                s.message = StatusMessage(refusal("undo", label, conflicts), isError: true)
            }
        case .redo:
            switch s.redo() {
            case .nothing: s.message = StatusMessage("Nothing to redo")
            case .done(let label, _): s.message = StatusMessage("Redid: \(label)")
            case .refused(let label, let conflicts):
                s.message = StatusMessage(refusal("redo", label, conflicts), isError: true)
            }
        case .save:
            if s.isModified { return [.save(quitAfter: false)] }
            s.message = StatusMessage("No unsaved changes")
        case .quit:
            if s.isModified {
                s.mode = .question(.quitUnsaved)
            } else {
                return [.quit]
            }
        case .export:
            let base = s.filePath.hasSuffix(".json") ? String(s.filePath.dropLast(5)) : s.filePath
            s.mode = .prompt(Prompt(.exportPath, text: "\(base)-report-\(s.asOf).html"))
        case .help:
            s.mode = .help
            s.layout.helpScroll = 0
        default:
            break
        }
        return []
    }

    /// Why an undo or redo of `label` was refused: what others changed since in the fields it would change.
    static func refusal(_ verb: String, _ label: String, _ conflicts: [MergeConflict]) -> String {
        let list = conflicts.map { "\($0.key) is now \"\($0.ours)\" (\(verb) would make it \"\($0.theirs)\")" }
        return "Cannot \(verb) \(label): saved changes since then touch the same field: "
            + list.joined(separator: "; ") + ". Edit it instead"
    }

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

    static func toggleFold(_ s: inout AppState) {
        guard s.derived.visible.isTree else {
            s.message = StatusMessage("Folding works in plan order (press a, or S until plan order)")
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

    static func setView(_ view: ViewMode, sort: SortOrder, _ s: inout AppState) {
        let keep = s.anchor
        s.view.mode = view
        s.view.sort = sort
        s.rebuild(anchor: keep)
        if s.anchor != keep { s.view.selectedRow = 0 }
        s.layout.detailScroll = 0
    }

    /// The selected action, or nil with a message saying an action must be selected to `verb` it.
    static func requireAction(_ s: inout AppState, _ verb: String) -> Action? {
        if let a = s.selectedAction { return a }
        s.message = StatusMessage("Select an action to \(verb) (this row is a heading)", isError: true)
        return nil
    }

    // MARK: Search

    /// Selects the action at view index `index`, unfolding its theme and group if needed.
    static func reveal(viewIndex index: Int, _ s: inout AppState) {
        guard s.derived.visible.actions.indices.contains(index) else { return }
        let path = s.derived.visible.actions[index]
        if s.derived.visible.rowOfAction[index] < 0 {
            s.view.foldedThemes.remove(path.theme)
            s.view.foldedGroups.remove(GroupKey(theme: path.theme, group: path.group))
            s.rebuild(anchor: .action(s.plan[path].id, at: path))
        }
        if let row = s.derived.visible.row(of: path) { select(row, &s) }
        s.view.focus = .plan
    }

    static func stepMatch(forward: Bool, _ s: inout AppState) {
        guard let search = s.view.search else {
            s.message = StatusMessage("No search yet: press / to search")
            return
        }
        let matches = s.derived.matches ?? s.refreshMatches()
        guard !matches.isEmpty else {
            s.message = StatusMessage("No match for \"\(search.query)\" in this view", isError: true)
            return
        }
        let row =
            s.derived.visible.rows.indices.contains(s.view.selectedRow)
            ? s.derived.visible.rows[s.view.selectedRow] : nil
        let here = row?.viewIndex ?? -1
        let onAction: Bool
        if case .action? = row?.item { onAction = true } else { onAction = false }
        var k: Int
        var wrapped = false
        if forward {
            k = matches.firstIndex { onAction ? $0 > here : $0 >= here } ?? -1
            if k < 0 {
                k = 0
                wrapped = true
            }
        } else {
            k = matches.lastIndex { $0 < here } ?? -1
            if k < 0 {
                k = matches.count - 1
                wrapped = true
            }
        }
        reveal(viewIndex: matches[k], &s)
        let note = wrapped ? (forward ? " (wrapped to the top)" : " (wrapped to the bottom)") : ""
        s.message = StatusMessage("Match \(k + 1) of \(matches.count) for \"\(search.query)\"" + note)
    }

    // MARK: Help

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
