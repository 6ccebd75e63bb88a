import ActionPlanCore

/// Adding an action (`A`): its ID, text, leads and delivery date, one prompt each, added at the end in one
/// undoable step.
extension Update {
    /// Opens the first prompt, for an action at the end of the selected group (or of the selected theme's
    /// last group).
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

    /// Step 1: an ID not yet used in the plan.
    static func submitNewID(_ text: String, theme: Int, group: Int, _ prompt: Prompt, _ s: inout AppState) {
        guard !text.isEmpty else { return refuse(prompt, "The action needs an ID, e.g. 3c(v)", &s) }
        guard s.plan.path(of: text) == nil else { return refuse(prompt, "ID \(text) is already used in this plan", &s) }
        s.mode = .prompt(Prompt(.addText(theme: theme, group: group, id: text)))
    }

    /// Step 2: the action's text (not empty).
    static func submitNewText(
        _ text: String, theme: Int, group: Int, id: String, _ prompt: Prompt, _ s: inout AppState
    ) {
        guard !text.isEmpty else { return refuse(prompt, "The action text must not be empty", &s) }
        s.mode = .prompt(Prompt(.addLeads(theme: theme, group: group, id: id, text: text)))
    }

    /// Step 3: the leads, any (none is allowed), split as ``submitLeads(_:id:_:_:)`` splits them.
    static func submitNewLeads(
        _ text: String, theme: Int, group: Int, id: String, actionText: String, _ s: inout AppState
    ) {
        let leads = s.plan.splitLeads(text)
        s.mode = .prompt(Prompt(.addDate(theme: theme, group: group, id: id, text: actionText, leads: leads)))
    }

    /// Step 4: the delivery date (empty: TBC); then the action is added and selected.
    static func submitNewDate(
        _ text: String, theme: Int, group: Int, id: String, actionText: String, leads: [String],
        _ prompt: Prompt, _ s: inout AppState
    ) {
        guard checkDate(text, field: "delivery date", allowUnset: true, prompt, &s) else { return }
        let action = Action(
            id: id, text: actionText, leads: leads, deliveryDate: text.split(separator: " ").joined(separator: " "))
        // A group addAction has to create (in a theme with none) is more than the index can follow.
        let groupExists = s.plan.themes.indices.contains(theme) && s.plan.themes[theme].groups.indices.contains(group)
        let added = applyEdit("add action \(id)", prompt, &s) {
            let path = try $0.addAction(action, theme: theme, group: group)
            return (groupExists ? .inserted(path) : .unknown, .action(id, at: path))
        }
        if added, s.selectedAction?.id != id {
            s.message = StatusMessage("Added \(id); it is not shown in this view (a shows all)")
        }
    }
}
