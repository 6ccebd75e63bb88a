import ActionPlanCore
import ActionPlanStore

/// The modal steps of ``Update``: pickers, yes/no questions and the prompts of multi-step edits.
///
/// Each step either moves to the next mode carrying what was collected, stays
/// with the reason shown (invalid input), or applies the whole edit at once, so
/// undo always undoes a complete operation.
extension Update {
    static func editPick(_ command: Command, id: String, _ s: inout AppState) {
        guard let path = s.path(of: id, hint: s.selectedActionPath) else {
            cancel(&s, "Action \(id) no longer exists")
            return
        }
        let a = s.plan[path]
        switch command {
        case .editText: s.mode = .prompt(Prompt(.editText(id: id), text: a.text))
        case .editLeads: s.mode = .prompt(Prompt(.editLeads(id: id), text: Plan.joinLeads(a.leads)))
        case .editDeliveryDate: s.mode = .prompt(Prompt(.editDeliveryDate(id: id), text: a.deliveryDate))
        case .reviseDate: s.mode = .prompt(Prompt(.reviseDate(id: id), text: a.revisions.last?.date ?? a.deliveryDate))
        case .cancel: cancel(&s, "Edit cancelled")
        default: break
        }
    }

    static func answer(_ question: Question, _ command: Command, _ s: inout AppState) -> [Effect] {
        guard command == .yes || command == .no || command == .cancel else { return [] }
        s.mode = .browse
        switch question {
        case .deleteAction(let id):
            guard command == .yes else {
                s.message = StatusMessage("Not deleted")
                return []
            }
            var p = s.plan
            do {
                let path = try s.path(of: id, hint: s.selectedActionPath) ?? p.requirePath(id)
                p.removeAction(at: path)
                s.commit(p, label: "delete \(id)", change: .removed(path))
                s.message = StatusMessage("Deleted \(id) (u to undo)")
            } catch {
                s.message = StatusMessage(describe(error), isError: true)
            }
        case .quitUnsaved:
            switch command {
            case .yes: return [.save(quitAfter: true)]
            case .no: return [.quit]
            default: s.message = StatusMessage("Not quitting")
            }
        case .reloadDiscarding:
            if command == .yes { return [.reloadFromDisk] }
            s.message = StatusMessage("Not reloaded; your edits are kept, unsaved")
        case .restoreRecovery:
            guard let recovered = s.clashes.pendingRecovery else { return [] }
            switch command {
            case .yes:
                return [.restoreRecovery(recovered, choices: [:])]
            case .no:
                s.clashes.pendingRecovery = nil
                return [.deleteRecovery(path: recovered.path)]
            default:
                s.clashes.pendingRecovery = nil
                s.message = StatusMessage("Recovery file kept; it will be offered again next time")
            }
        case .overwrite(let path, let quitAfter):
            if command == .yes { return [.saveAs(path: path, quitAfter: quitAfter, overwrite: true)] }
            s.mode = .prompt(Prompt(.saveAsPath(quitAfter: quitAfter), text: path))
            s.message = StatusMessage("Not replaced; type another path")
        }
        return []
    }

    static func startAdd(_ s: inout AppState) {
        guard !s.plan.themes.isEmpty else {
            s.message = StatusMessage("The plan has no themes to add an action to", isError: true)
            return
        }
        let theme: Int
        let group: Int
        switch s.selectedItem {
        case .theme(let t)?:
            theme = t
            group = max(0, s.plan.themes[t].groups.count - 1)
        case .group(let t, let g)?:
            theme = t
            group = g
        case .action(let p)?:
            theme = p.theme
            group = p.group
        case nil:
            theme = 0
            group = max(0, s.plan.themes[0].groups.count - 1)
        }
        s.mode = .prompt(Prompt(.addID(theme: theme, group: group)))
    }

    /// The user pressed Enter in `prompt`.
    static func submit(_ prompt: Prompt, _ s: inout AppState) -> [Effect] {
        let raw = prompt.editor.text
        let text = raw.trimmingCharacters(in: .whitespaces)
        func refuse(_ why: String) {
            var p = prompt
            p.error = why
            s.mode = .prompt(p)
        }
        func next(_ purpose: PromptPurpose, text: String = "") {
            s.mode = .prompt(Prompt(purpose, text: text))
        }
        /// Applies an edit of the plan; `body` makes it and returns how the plan changed and what to select
        /// after (nil keeps the selection). On failure the prompt stays open with the reason.
        func apply(
            _ label: String, _ body: (inout Plan) throws -> (change: PlanChange, select: AppState.Anchor?)
        ) -> Bool {
            var p = s.plan
            let result: (change: PlanChange, select: AppState.Anchor?)
            do {
                result = try body(&p)
            } catch {
                refuse(describe(error))
                return false
            }
            s.mode = .browse
            s.commit(p, label: label, change: result.change, select: result.select)
            s.message = StatusMessage(label.prefix(1).uppercased() + label.dropFirst() + " (u to undo)")
            return true
        }
        /// Applies an edit of action `id` in place, through `apply`.
        func edit(_ label: String, action id: String, _ body: (inout Plan) throws -> Void) -> Bool {
            let change = s.path(of: id, hint: s.selectedActionPath).map { PlanChange.action($0) } ?? .unknown
            return apply(label) {
                try body(&$0)
                return (change, nil)
            }
        }

        switch prompt.purpose {
        case .search:
            s.mode = .browse
            guard !text.isEmpty else {
                s.view.search = nil
                s.derived.matches = []
                s.message = StatusMessage("Search cleared")
                return []
            }
            s.view.search = TextSearch(text)
            let matches = s.refreshMatches()
            guard let first = matches.first else {
                s.message = StatusMessage("No match for \"\(text)\" in this view", isError: true)
                return []
            }
            reveal(viewIndex: first, &s)
            s.message = StatusMessage("Match 1 of \(matches.count) for \"\(text)\" (n next, N previous)")

        case .filter:
            do {
                let filter = try FilterParser.parse(text)
                s.mode = .browse
                setView(.filtered(filter, text: text), sort: s.view.sort, &s)
                let n = s.derived.visible.actions.count
                s.message = StatusMessage(
                    n == 0 ? "No actions match \(text) (a shows all)" : "\(n) actions match \(text)")
            } catch {
                refuse(describe(error))
            }

        case .rateNote(let id, let rating, let status):
            guard !text.isEmpty else {
                return refuseAndReturn(prompt, "A note is required: say why the rating changes", &s)
            }
            if rating == .amber {
                next(.rateRevisedDate(id: id, rating: rating, note: text, status: status))
            } else {
                _ = edit("rate \(id) \(status.isEmpty ? rating.name : status)", action: id) {
                    try $0.rate(id: id, to: rating, note: text, by: s.user, on: s.asOf, status: status)
                }
            }

        case .rateRevisedDate(let id, let rating, let note, let status):
            if !text.isEmpty {
                do {
                    try Plan.validateDeliveryDate(text, field: "revised date")
                } catch {
                    return refuseAndReturn(prompt, describe(error), &s)
                }
            }
            let label = "rate \(id) \(status.isEmpty ? rating.name : status)" + (text.isEmpty ? "" : ", revised to \(text)")
            _ = edit(label, action: id) {
                try $0.rate(
                    id: id, to: rating, note: note, by: s.user, on: s.asOf, revisedDate: text.isEmpty ? nil : text,
                    status: status)
            }

        case .editText(let id):
            _ = edit("edit text of \(id)", action: id) { try $0.editAction(id: id, text: raw) }

        case .editLeads(let id):
            let leads = s.plan.splitLeads(text)
            _ = edit("set leads of \(id) to \(Plan.joinLeads(leads))", action: id) {
                try $0.editAction(id: id, leads: leads)
            }

        case .editDeliveryDate(let id):
            do {
                try Plan.validateDeliveryDate(text, field: "delivery date", allowUnset: true)
            } catch {
                return refuseAndReturn(prompt, describe(error), &s)
            }
            _ = edit("set delivery date of \(id) to \(text.isEmpty ? "TBC" : text)", action: id) {
                try $0.editAction(id: id, deliveryDate: text)
            }

        case .reviseDate(let id):
            do {
                try Plan.validateDeliveryDate(text, field: "revised date")
            } catch {
                return refuseAndReturn(prompt, describe(error), &s)
            }
            next(.reviseReason(id: id, date: text))

        case .reviseReason(let id, let date):
            guard !text.isEmpty else { return refuseAndReturn(prompt, "A reason is required for a revised date", &s) }
            _ = edit("revise date of \(id) to \(date)", action: id) {
                try $0.reviseDate(id: id, to: date, reason: text, by: s.user, on: s.asOf)
            }

        case .addNote(let id):
            _ = edit("add a note to \(id)", action: id) {
                try $0.addNote(id: id, text: text, by: s.user, on: s.asOf)
            }

        case .addID(let theme, let group):
            guard !text.isEmpty else { return refuseAndReturn(prompt, "The action needs an ID, e.g. 3c(v)", &s) }
            if s.plan.path(of: text) != nil {
                return refuseAndReturn(prompt, "ID \(text) is already used in this plan", &s)
            }
            next(.addText(theme: theme, group: group, id: text))

        case .addText(let theme, let group, let id):
            guard !text.isEmpty else { return refuseAndReturn(prompt, "The action text must not be empty", &s) }
            next(.addLeads(theme: theme, group: group, id: id, text: text))

        case .addLeads(let theme, let group, let id, let actionText):
            next(.addDate(theme: theme, group: group, id: id, text: actionText, leads: s.plan.splitLeads(text)))

        case .addDate(let theme, let group, let id, let actionText, let leads):
            do {
                try Plan.validateDeliveryDate(text, field: "delivery date", allowUnset: true)
            } catch {
                return refuseAndReturn(prompt, describe(error), &s)
            }
            let action = Action(
                id: id, text: actionText, leads: leads, deliveryDate: text.split(separator: " ").joined(separator: " "))
            // A group addAction has to create (in a theme with none) is more than the index can follow.
            let groupExists =
                s.plan.themes.indices.contains(theme) && s.plan.themes[theme].groups.indices.contains(group)
            let added = apply("add action \(id)") {
                let path = try $0.addAction(action, theme: theme, group: group)
                return (groupExists ? .inserted(path) : .unknown, .action(id, at: path))
            }
            if added, s.selectedAction?.id != id {
                s.message = StatusMessage("Added \(id); it is not shown in this view (a shows all)")
            }

        case .exportPath:
            guard ExportFormat.inferred(fromPath: text) != nil else {
                return refuseAndReturn(prompt, "End the name with .html, .md, .csv, .ics or .json", &s)
            }
            guard text != s.filePath else { return refuseAndReturn(prompt, "That is the plan itself", &s) }
            s.mode = .browse
            return [.export(path: text)]

        case .saveAsPath(let quitAfter):
            guard !text.isEmpty else { return refuseAndReturn(prompt, "Type a path to save to", &s) }
            s.mode = .browse
            return [.saveAs(path: text, quitAfter: quitAfter, overwrite: false)]
        }
        return []
    }

    static func refuseAndReturn(_ prompt: Prompt, _ why: String, _ s: inout AppState) -> [Effect] {
        var p = prompt
        p.error = why
        s.mode = .prompt(p)
        return []
    }

    /// An error as one line for the status line.
    static func describe(_ error: Error) -> String {
        if let e = error as? PlanError { return e.message }
        return "\(error)"
    }
}
