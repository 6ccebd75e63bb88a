import ActionPlanCore

/// Typing into a prompt, and Enter: each purpose of prompt is submitted by a function in a file named after
/// its kind (Update+SearchPrompts, +RatePrompts, +EditPrompts, +LinkPrompts, +AddPrompts,
/// +PathPrompts).
///
/// Each step either moves to the next prompt carrying what was collected, stays
/// with the reason shown (invalid input), or applies the whole edit at once, so
/// undo always undoes a complete operation.
extension Update {
    /// Enter, Esc or a line-editing key in `prompt`.
    static func promptCommand(_ command: Command, _ prompt: Prompt, _ s: inout AppState) -> [Effect] {
        switch command {
        case .confirm: return submit(prompt, &s)
        case .cancel: stepBack(from: prompt, &s)
        case .historyPrevious, .historyNext: stepHistory(back: command == .historyPrevious, prompt, &s)
        default:
            var prompt = prompt
            if prompt.editor.apply(command) {
                prompt.error = nil
                s.mode = .prompt(prompt)
            }
        }
        return []
    }

    /// The user pressed Enter in `prompt`.
    static func submit(_ prompt: Prompt, _ s: inout AppState) -> [Effect] {
        let raw = prompt.editor.text
        let text = raw.trimmingCharacters(in: .whitespaces)
        switch prompt.purpose {
        case .search:
            submitSearch(text, &s)
        case .filter:
            submitFilter(text, prompt, &s)
        case .rateNote(let id, let rating, let status):
            submitRateNote(text, id: id, rating: rating, status: status, prompt, &s)
        case .rateMarkedNote(let ids, let rating, let status):
            submitRateMarked(text, ids: ids, rating: rating, status: status, prompt, &s)
        case .rateRevisedDate(let id, let rating, let note, let status):
            submitRateRevisedDate(text, id: id, rating: rating, note: note, status: status, prompt, &s)
        case .editText(let id):
            submitText(raw, id: id, prompt, &s)
        case .editLeads(let id):
            submitLeads(text, id: id, prompt, &s)
        case .editDeliveryDate(let id):
            submitDeliveryDate(text, id: id, prompt, &s)
        case .reviseDate(let id):
            submitRevisedDate(text, id: id, prompt, &s)
        case .reviseReason(let id, let date):
            submitRevisionReason(text, id: id, date: date, prompt, &s)
        case .addNote(let id):
            submitNote(text, id: id, prompt, &s)
        case .linkRecommendations(let id):
            submitLinks(text, id: id, prompt, &s)
        case .addID(let theme, let group):
            submitNewID(text, theme: theme, group: group, prompt, &s)
        case .addText(let theme, let group, let id):
            submitNewText(text, theme: theme, group: group, id: id, prompt, &s)
        case .addLeads(let theme, let group, let id, let actionText):
            submitNewLeads(text, theme: theme, group: group, id: id, actionText: actionText, &s)
        case .addDate(let theme, let group, let id, let actionText, let leads):
            submitNewDate(text, theme: theme, group: group, id: id, actionText: actionText, leads: leads, prompt, &s)
        case .exportPath:
            return submitExportPath(text, prompt, &s)
        case .saveAsPath(let quitAfter):
            return submitSaveAsPath(text, quitAfter: quitAfter, prompt, &s)
        }
        return []
    }

    /// Esc in `prompt`: back one step with what that step had typed (the note, the date, the ID…), or, at
    /// the first step of an operation, cancel it.
    static func stepBack(from prompt: Prompt, _ s: inout AppState) {
        switch prompt.purpose {
        case .rateNote(let id, _, _):
            s.mode = .ratingPicker(actionID: id)
        case .rateMarkedNote(let ids, _, _):
            s.mode = .markedRatingPicker(ids: ids)
        case .rateRevisedDate(let id, let rating, let note, let status):
            s.mode = .prompt(Prompt(.rateNote(id: id, rating: rating, status: status), text: note))
        case .editText(let id), .editLeads(let id), .editDeliveryDate(let id), .reviseDate(let id):
            s.mode = .editPicker(actionID: id)
        case .reviseReason(let id, let date):
            s.mode = .prompt(Prompt(.reviseDate(id: id), text: date))
        case .addText(let theme, let group, let id):
            s.mode = .prompt(Prompt(.addID(theme: theme, group: group), text: id))
        case .addLeads(let theme, let group, let id, let text):
            s.mode = .prompt(Prompt(.addText(theme: theme, group: group, id: id), text: text))
        case .addDate(let theme, let group, let id, let text, let leads):
            s.mode = .prompt(
                Prompt(.addLeads(theme: theme, group: group, id: id, text: text), text: Plan.joinLeads(leads)))
        case .search, .filter, .addNote, .linkRecommendations, .addID, .saveAsPath, .exportPath:
            cancel(&s, "Cancelled")
        }
    }

    // MARK: What the submitters share

    /// Keeps `prompt` open with its text, saying why Enter was refused.
    static func refuse(_ prompt: Prompt, _ why: String, _ s: inout AppState) {
        var p = prompt
        p.error = why
        s.mode = .prompt(p)
    }

    /// Whether `text` is a delivery date the deadline rules read (`field` names it in the refusal); when not,
    /// `prompt` stays open with the reason.
    static func checkDate(
        _ text: String, field: String, allowUnset: Bool = false, _ prompt: Prompt, _ s: inout AppState
    ) -> Bool {
        do {
            try Plan.validateDeliveryDate(text, field: field, allowUnset: allowUnset)
            return true
        } catch {
            refuse(prompt, describe(error), &s)
            return false
        }
    }

    /// Applies an edit of the plan labelled `label` (the undo step's name); `body` makes it and returns how
    /// the plan changed and what to select after (nil keeps the selection). On failure `prompt` stays open
    /// with the reason. Returns whether the edit was made.
    @discardableResult
    static func applyEdit(
        _ label: String, _ prompt: Prompt, _ s: inout AppState,
        _ body: (inout Plan) throws -> (change: PlanChange, select: AppState.Anchor?)
    ) -> Bool {
        var p = s.plan
        let result: (change: PlanChange, select: AppState.Anchor?)
        do {
            result = try body(&p)
        } catch {
            refuse(prompt, describe(error), &s)
            return false
        }
        s.mode = .browse
        s.commit(p, label: label, change: result.change, select: result.select)
        s.message = StatusMessage(label.prefix(1).uppercased() + label.dropFirst() + " (u to undo)")
        return true
    }

    /// Applies an edit of action `id` in place, through ``applyEdit(_:_:_:_:)``.
    static func editAction(
        _ label: String, id: String, _ prompt: Prompt, _ s: inout AppState, _ body: (inout Plan) throws -> Void
    ) {
        let change = s.path(of: id, hint: s.selectedActionPath).map { PlanChange.action($0) } ?? .unknown
        applyEdit(label, prompt, &s) {
            try body(&$0)
            return (change, nil)
        }
    }
}
