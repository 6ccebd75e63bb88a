import Foundation

/// The edits a lead makes to a plan, with the rules that keep it consistent.
///
/// The CLI and the terminal UI both call these, so a rating change made either
/// way is recorded the same way: it needs a note, it appends to the history with
/// the day and the user, and a revised date must be one the deadline rules understand.
extension Plan {
    /// Changes the rating of action `id`, appending to its history; `revisedDate`
    /// (when not empty) also revises its delivery date with the same note. `status` is the level of the
    /// plan's own scale chosen (`Yellow`), empty for BRAG; it replaces the status the action was written with.
    public mutating func rate(
        id: String, to rating: Rating?, note: String, by user: String, on today: CalendarDay,
        revisedDate: String? = nil, status: String = ""
    ) throws {
        let p = try requirePath(id)
        try self[p].rate(to: rating, note: note, by: user, on: today, revisedDate: revisedDate, status: status)
    }

    /// Revises the delivery date of action `id`; the original is kept.
    public mutating func reviseDate(id: String, to date: String, reason: String, by user: String, on today: CalendarDay)
        throws
    {
        let p = try requirePath(id)
        try self[p].reviseDate(to: date, reason: reason, by: user, on: today)
    }

    /// Adds a dated progress note to action `id`.
    public mutating func addNote(id: String, text: String, by user: String, on today: CalendarDay) throws {
        let p = try requirePath(id)
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { throw PlanError(.invalidValue, path: "note", message: "the note is empty") }
        self[p].notes.append(ProgressNote(date: today, by: user, text: text))
    }

    /// Replaces the text, leads and/or delivery date of action `id` (nil leaves a field as it is).
    public mutating func editAction(
        id: String, text: String? = nil, leads: [String]? = nil, deliveryDate: String? = nil
    ) throws {
        let p = try requirePath(id)
        if let text {
            let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if t.isEmpty { throw PlanError(.invalidValue, path: "text", message: "the action text must not be empty") }
            self[p].text = t
        }
        if let leads { self[p].leads = leads }
        if let deliveryDate {
            let d = DeliveryDate.normalise(deliveryDate)
            try Plan.validateDeliveryDate(d, field: "delivery date", allowUnset: true)
            self[p].deliveryDate = d
        }
    }

    /// Adds `action` at the end of group `group` of theme `theme` (index into `themes`) and returns where it
    /// now is. A theme with no groups gets an untitled one first (so `group` must then be 0).
    @discardableResult
    public mutating func addAction(_ action: Action, theme: Int, group: Int) throws -> ActionPath {
        let id = action.id.trimmingCharacters(in: .whitespaces)
        if id.isEmpty { throw PlanError(.invalidValue, path: "id", message: "the action needs an ID, e.g. 3c(v)") }
        if path(of: id) != nil {
            throw PlanError(.invalidValue, path: "id", message: "ID \(id) is already used in this plan")
        }
        if action.text.trimmingCharacters(in: .whitespaces).isEmpty {
            throw PlanError(.invalidValue, path: "text", message: "the action text must not be empty")
        }
        try Plan.validateDeliveryDate(action.deliveryDate, field: "delivery date", allowUnset: true)
        guard themes.indices.contains(theme) else {
            throw PlanError(.invalidValue, path: "theme", message: "no theme \(theme + 1)")
        }
        if themes[theme].groups.isEmpty { themes[theme].groups.append(ActionGroup(title: nil)) }
        guard themes[theme].groups.indices.contains(group) else {
            throw PlanError(.invalidValue, path: "group", message: "no such group")
        }
        var a = action
        a.id = id
        themes[theme].groups[group].actions.append(a)
        return ActionPath(theme: theme, group: group, action: themes[theme].groups[group].actions.count - 1)
    }

    /// Removes action `id` and returns it.
    @discardableResult
    public mutating func deleteAction(id: String) throws -> Action {
        removeAction(at: try requirePath(id))
    }

    /// Removes the action at `path` (which must exist) and returns it: ``deleteAction(id:)`` for a caller
    /// that already knows where the action is.
    @discardableResult
    public mutating func removeAction(at path: ActionPath) -> Action {
        themes[path.theme].groups[path.group].actions.remove(at: path.action)
    }

    /// The path of `id`, or an error naming the ID.
    public func requirePath(_ id: String) throws -> ActionPath {
        guard let p = path(of: id) else {
            throw PlanError(.notFound, path: "id", message: "no action with ID \"\(id)\" in this plan")
        }
        return p
    }

    /// Refuses a date the deadline rules cannot read (a day, month, quarter, or
    /// recurring word; or, when `allowUnset`, empty/TBC), with the reason.
    public static func validateDeliveryDate(_ text: String, field: String, allowUnset: Bool = false) throws {
        switch DeliveryDate.parse(text) {
        case .day, .month, .quarter, .recurring: return
        case .notSet:
            if allowUnset { return }
            throw PlanError(
                .invalidValue, path: field,
                message: "\(field) is empty; expected a date such as March 2019 or 31/03/2019")
        case .unrecognised(let why):
            throw PlanError(.invalidValue, path: field, message: "\(field) \"\(text)\" is not understood: \(why)")
        }
    }
}

/// The edits of one action (``Plan/rate(id:to:note:by:on:revisedDate:status:)`` finds the action and calls
/// these; a store that changes one action without reading the whole plan calls them directly).
extension Action {
    /// Changes the rating, appending to the history; `revisedDate` (when not empty) also revises the
    /// delivery date with the same note. A note is required, and the change may not be dated before the
    /// action's latest rating change: the history is the order the ratings were in, and each entry's `from` is
    /// the rating before it, so a change slipped in before a later one would record a rating the action never
    /// had at that time, and leave the action rated other than its latest entry says.
    public mutating func rate(
        to rating: Rating?, note: String, by user: String, on today: CalendarDay, revisedDate: String? = nil,
        status: String = ""
    ) throws {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if note.isEmpty {
            throw PlanError(.invalidValue, path: "note", message: "a note explaining the rating change is required")
        }
        if let latest = history.map(\.date).max(), today < latest {
            throw PlanError(
                .invalidValue, path: "date",
                message: "\(id) was last rated on \(latest); a rating change cannot be recorded before that "
                    + "(\(today) given)")
        }
        if let revisedDate, !revisedDate.trimmingCharacters(in: .whitespaces).isEmpty {
            try reviseDate(to: revisedDate, reason: note, by: user, on: today)
        }
        history.append(RatingChange(date: today, from: self.rating, to: rating, by: user, note: note, status: status))
        self.rating = rating
        self.status = status
    }

    /// Revises the delivery date; the original is kept.
    public mutating func reviseDate(to date: String, reason: String, by user: String, on today: CalendarDay) throws {
        let text = DeliveryDate.normalise(date)
        try Plan.validateDeliveryDate(text, field: "revised date")
        revisions.append(DateRevision(date: text, on: today, by: user, reason: reason))
    }
}
