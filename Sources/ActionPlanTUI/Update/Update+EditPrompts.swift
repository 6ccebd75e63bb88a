import ActionPlanCore

/// Editing an action's fields (after `e`: text, leads, delivery date, a revised date with its reason) and
/// adding a progress note (`p`).
extension Update {
    /// The action's new text, as typed (surrounding spaces kept).
    static func submitText(_ raw: String, id: String, _ prompt: Prompt, _ s: inout AppState) {
        editAction("edit text of \(id)", id: id, prompt, &s) { try $0.editAction(id: id, text: raw) }
    }

    /// The text the editor (E) saved for action `id`, white space collapsed to one line: checked and applied
    /// as the text prompt does; when refused, the text prompt opens with it and the reason.
    static func editedInEditor(id: String, text: String, _ s: inout AppState) {
        let text = Whitespace.collapse(text)
        guard let path = s.path(of: id, hint: s.selectedActionPath) else {
            s.message = StatusMessage("Action \(id) no longer exists; the edit is lost", isError: true)
            return
        }
        guard text != s.plan[path].text else {
            s.message = StatusMessage("Text of \(id) unchanged")
            return
        }
        submitText(text, id: id, Prompt(.editText(id: id), text: text), &s)
    }

    /// The action's leads: codes separated by spaces, names or roles by commas (`Plan.splitLeads`).
    static func submitLeads(_ text: String, id: String, _ prompt: Prompt, _ s: inout AppState) {
        let leads = s.plan.splitLeads(text)
        editAction("set leads of \(id) to \(Plan.joinLeads(leads))", id: id, prompt, &s) {
            try $0.editAction(id: id, leads: leads)
        }
    }

    /// The delivery date as written, corrected (empty: TBC).
    static func submitDeliveryDate(_ text: String, id: String, _ prompt: Prompt, _ s: inout AppState) {
        guard checkDate(text, field: "delivery date", allowUnset: true, prompt, &s) else { return }
        editAction("set delivery date of \(id) to \(text.isEmpty ? "TBC" : text)", id: id, prompt, &s) {
            try $0.editAction(id: id, deliveryDate: text)
        }
    }

    /// A revised delivery date; the reason is asked next.
    static func submitRevisedDate(_ text: String, id: String, _ prompt: Prompt, _ s: inout AppState) {
        guard checkDate(text, field: "revised date", prompt, &s) else { return }
        s.mode = .prompt(Prompt(.reviseReason(id: id, date: text)))
    }

    /// Why the date is revised (required); then the revision is applied, the original date kept.
    static func submitRevisionReason(_ text: String, id: String, date: String, _ prompt: Prompt, _ s: inout AppState) {
        guard !text.isEmpty else { return refuse(prompt, "A reason is required for a revised date", &s) }
        let (user, today) = (s.user, s.today)
        editAction("revise date of \(id) to \(date)", id: id, prompt, &s) {
            try $0.reviseDate(id: id, to: date, reason: text, by: user, on: today)
        }
    }

    /// A dated progress note.
    static func submitNote(_ text: String, id: String, _ prompt: Prompt, _ s: inout AppState) {
        let (user, today) = (s.user, s.today)
        editAction("add a note to \(id)", id: id, prompt, &s) {
            try $0.addNote(id: id, text: text, by: user, on: today)
        }
    }
}
