import ActionPlanCore

/// Commands while browsing, by what they are about: moving (Update+Navigation), finding (Update+Search),
/// which actions are shown, starting an edit, undo and redo, the file and the program.
extension Update {
    static func browse(_ command: Command, _ s: inout AppState) -> [Effect] {
        switch command {
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom, .toggleFold, .foldAll, .unfoldAll, .switchPane,
            .foldOrParent, .unfoldOrChild, .zoom:
            navigate(command, &s)
        case .redraw:
            return [.redraw]
        case .back:
            back(&s)
        case .search, .nextMatch, .previousMatch:
            find(command, &s)
        case .viewOverdue, .viewDueSoon, .filter, .viewAll, .cycleSort:
            changeView(command, &s)
        case .viewMine:
            viewMine(&s)
        case .viewWorkload:
            openWorkload(&s)
        case .rate where !s.view.marked.isEmpty:
            startMarkedRating(&s)
        case .rate, .edit, .addNote, .addAction, .deleteAction, .linkRecommendations:
            startEdit(command, &s)
        case .toggleMark:
            toggleMark(&s)
        case .editInEditor:
            if let a = requireAction(&s, "edit") { return [.editInEditor(id: a.id, text: a.text)] }
        case .undo, .redo:
            stepHistory(command, &s)
        case .quit where s.view.mode != .all || s.view.sort != .plan:
            back(&s)
        case .save, .quit, .quitNow, .export, .help:
            return fileOrProgram(command, &s)
        case .showMeasures:
            showMeasures(&s)
        default:
            break
        }
        return []
    }

    // MARK: Which actions are shown

    /// o, d, f, a, S: the overdue, due-soon, filtered or whole view, and the sort.
    static func changeView(_ command: Command, _ s: inout AppState) {
        switch command {
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
            setView(.all, sort: .plan, keepSelection: true, &s)
            s.message = StatusMessage("All \(s.derived.visible.actions.count) actions, plan order")
        case .cycleSort:
            setView(s.view.mode, sort: s.view.sort.next, &s)
            s.message = StatusMessage("Sorted by \(s.view.sort.label)")
        default:
            break
        }
    }

    /// M: the actions the user leads, or why there are none (the user is not a lead code of the plan).
    static func viewMine(_ s: inout AppState) {
        setView(.mine(lead: s.user), sort: .deadline, &s)
        let n = s.derived.visible.actions.count
        s.message =
            n > 0
            ? StatusMessage("\(n) actions led by \(s.user), soonest deadline first")
            : StatusMessage(
                "No action is led by \"\(s.user)\": start with --user CODE or set ACTIONPLAN_USER to your lead code",
                isError: true)
    }

    /// Esc (and q in a view): back to all actions in plan order, keeping the selection; with nothing to
    /// leave, clears the search.
    static func back(_ s: inout AppState) {
        if s.view.mode != .all || s.view.sort != .plan {
            setView(.all, sort: .plan, keepSelection: true, &s)
            s.message = StatusMessage("All \(s.derived.visible.actions.count) actions, plan order")
        } else if s.view.search != nil {
            s.view.search = nil
            s.derived.matches = []
            s.message = StatusMessage("Search cleared")
        } else {
            s.message = StatusMessage("Showing all actions (q quits, ? for the keys)")
        }
    }

    /// Shows `view` sorted by `sort`, from its top: the first row selected and scrolled to, so the most
    /// overdue (or first) action is never above the screen. With `keepSelection` (back to all actions) the
    /// selection stays when it is still shown, and the list scrolls to keep it visible.
    static func setView(_ view: ViewMode, sort: SortOrder, keepSelection: Bool = false, _ s: inout AppState) {
        let keep = s.anchor
        s.view.mode = view
        s.view.sort = sort
        s.rebuild(anchor: keep)
        if !keepSelection || s.anchor != keep {
            s.view.selectedRow = 0
            s.layout.planTop = 0
        }
        s.layout.detailScroll = 0
    }

    // MARK: Starting an edit

    /// r, e, p, L, A, D: the first step of rating, editing, noting, linking, adding or deleting.
    static func startEdit(_ command: Command, _ s: inout AppState) {
        switch command {
        case .rate:
            if let a = requireAction(&s, "rate") { s.mode = .ratingPicker(actionID: a.id) }
        case .edit:
            if let a = requireAction(&s, "edit") { s.mode = .editPicker(actionID: a.id) }
        case .addNote:
            if let a = requireAction(&s, "add a note to") { s.mode = .prompt(Prompt(.addNote(id: a.id))) }
        case .linkRecommendations:
            startLinking(&s)
        case .addAction:
            startAdd(&s)
        case .deleteAction:
            if let a = requireAction(&s, "delete") { s.mode = .question(.deleteAction(id: a.id)) }
        default:
            break
        }
    }

    /// The selected action, or nil with a message saying an action must be selected to `verb` it.
    static func requireAction(_ s: inout AppState, _ verb: String) -> Action? {
        if let a = s.selectedAction { return a }
        s.message = StatusMessage("Select an action to \(verb) (this row is a heading)", isError: true)
        return nil
    }

    // MARK: Undo and redo

    /// u, Ctrl-R: takes back or applies again this user's own edit (see ``Document``).
    static func stepHistory(_ command: Command, _ s: inout AppState) {
        let undoing = command == .undo
        switch undoing ? s.undo() : s.redo() {
        case .nothing:
            s.message = StatusMessage(undoing ? "Nothing to undo" : "Nothing to redo")
        case .done(let label, _):
            s.message = StatusMessage(
                undoing
                    ? "Undid: \(label)" + (s.undoStack.isEmpty ? " (nothing more to undo)" : "")
                    : "Redid: \(label)")
        case .refused(let label, let conflicts):
            s.message = StatusMessage(refusal(undoing ? "undo" : "redo", label, conflicts), isError: true)
        }
    }

    /// Why an undo or redo of `label` was refused: what others changed since in the fields it would change.
    static func refusal(_ verb: String, _ label: String, _ conflicts: [MergeConflict]) -> String {
        let list = conflicts.map { "\($0.key) is now \"\($0.ours)\" (\(verb) would make it \"\($0.theirs)\")" }
        return "Cannot \(verb) \(label): saved changes since then touch the same field: "
            + list.joined(separator: "; ") + ". Edit it instead"
    }

    // MARK: The file and the program

    /// w, q, x, ?: save, quit (asking first when there are unsaved edits), export, help.
    static func fileOrProgram(_ command: Command, _ s: inout AppState) -> [Effect] {
        switch command {
        case .save:
            if s.isModified { return [.save(quitAfter: false)] }
            s.message = StatusMessage("No unsaved changes")
        case .quit, .quitNow:
            if !s.isModified { return [.quit] }
            s.mode = .question(.quitUnsaved)
        case .export:
            let base = s.filePath.hasSuffix(".json") ? String(s.filePath.dropLast(5)) : s.filePath
            s.mode = .prompt(Prompt(.exportPath(unsaved: s.isModified), text: "\(base)-report-\(s.asOf).html"))
        case .help:
            s.mode = .help
            s.layout.helpScroll = 0
        default:
            break
        }
        return []
    }
}
