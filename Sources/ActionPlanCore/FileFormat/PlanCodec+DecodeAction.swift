/// Reading one action of a plan file, field by field.
extension PlanCodec {
    /// One action object; its stored `deadline`, if any, must agree with the one its dates give.
    static func readAction(_ r: inout JSONReader) throws -> Action {
        // Fields are gathered first and the Action built once, so its derived
        // deadline is parsed once rather than on every field assignment.
        var a = ActionFields()
        var sawID = false
        var storedDeadline: CalendarDay?
        var sawDeadline = false
        try r.readObject(actionFields) { r, field in
            switch field {
            case .id:
                a.id = try r.readString()
                sawID = true
                if a.id.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    throw r.error("an action's id must not be empty")
                }
            case .crossReferences: a.crossReferences = try r.readStringArray()
            case .text: a.text = try r.readString()
            case .leads: a.leads = try r.readStringArray()
            case .deliveryDate: a.deliveryDate = try r.readString()
            case .deadline:
                storedDeadline = try readOptionalDay(&r)
                sawDeadline = true
            case .revisions: try r.readArray { r, _ in a.revisions.append(try readRevision(&r)) }
            case .rating: a.rating = try readRating(&r)
            case .status: a.status = try r.readString()
            case .fields: try r.readArray { r, _ in a.fields.append(try readField(&r)) }
            case .history: try r.readArray { r, _ in a.history.append(try readRatingChange(&r)) }
            case .notes: try r.readArray { r, _ in a.notes.append(try readNote(&r)) }
            }
        }
        if !sawID { throw r.error("missing field id in action") }
        let action = Action(
            id: a.id, crossReferences: a.crossReferences, text: a.text, leads: a.leads, deliveryDate: a.deliveryDate,
            revisions: a.revisions, rating: a.rating, status: a.status, fields: a.fields, history: a.history,
            notes: a.notes)
        if sawDeadline && storedDeadline != action.deadline
            && !(storedDeadline == nil && DeliveryDate.isNewlyRead(action.revisions.last?.date ?? action.deliveryDate))
        {
            let want = action.deadline?.description ?? "null"
            throw r.error(
                "deadline \(storedDeadline?.description ?? "null") of action \(a.id) does not match its delivery "
                    + "date (expected \(want)); edit deliveryDate or revisions, the deadline is derived from them")
        }
        return action
    }

    /// An action as the commands that list and count actions use it, from bytes known to be an encoding
    /// (``EncodedPlan/listing(file:keeping:)``): its ID, text, leads, delivery date, revisions, rating and status.
    /// Its cross-references, fields, history and notes are skipped unread, and its stored deadline too (the
    /// deadline is derived from the dates, as always). When `keeping` is given, the action's stored deadline
    /// and rating are looked at first, and an action it does not keep is skipped whole (nil).
    static func readListedAction(_ r: inout JSONReader, keeping: ListingFilter?) throws -> Action? {
        if let keeping, let (deadline, rating) = r.encodedDeadlineAndRating(), !keeping(deadline, rating) {
            try r.skipEncodedValue()
            return nil
        }
        var a = ActionFields()
        try r.readObject { r, key in
            switch key {
            case "id": a.id = try r.readString()
            case "text": a.text = try r.readString()
            case "leads": a.leads = try r.readStringArray()
            case "deliveryDate": a.deliveryDate = try r.readString()
            case "revisions": try r.readArray { r, _ in a.revisions.append(try readRevision(&r)) }
            case "rating": a.rating = try readRating(&r)
            case "status": a.status = try r.readString()
            default: try r.skipEncodedValue()
            }
        }
        return Action(
            id: a.id, text: a.text, leads: a.leads, deliveryDate: a.deliveryDate, revisions: a.revisions,
            rating: a.rating, status: a.status)
    }

    /// Which actions a listing keeps, by their deadline and rating (see ``readListedAction(_:keeping:)``).
    public typealias ListingFilter = @Sendable (_ deadline: CalendarDay?, _ rating: Rating?) -> Bool

    /// One `revisions` entry: `date` as written, `on`, `by`, `reason`; `on` is required.
    private static func readRevision(_ r: inout JSONReader) throws -> DateRevision {
        var v = DateRevision(date: "", on: CalendarDay(ordinal: 0), by: "", reason: "")
        var sawOn = false
        try r.readObject { r, key in
            switch key {
            case "date": v.date = try r.readString()
            case "on":
                v.on = try readDay(&r)
                sawOn = true
            case "by": v.by = try r.readText()
            case "reason": v.reason = try r.readText()
            default: throw r.unknownField(key, expected: "date, on, by, reason")
            }
        }
        if !sawOn { throw r.error("missing field on (the day the date was revised)") }
        return v
    }

    /// One of an action's own named `fields`: `name`, `value`.
    private static func readField(_ r: inout JSONReader) throws -> ActionField {
        var f = ActionField(name: "", value: "")
        try r.readObject { r, key in
            switch key {
            case "name": f.name = try r.readText()
            case "value": f.value = try r.readText()
            default: throw r.unknownField(key, expected: "name, value")
            }
        }
        return f
    }

    /// One `history` entry, a rating change: `date` (required), `from`, `to`, `status`, `by`, `note`.
    static func readRatingChange(_ r: inout JSONReader) throws -> RatingChange {
        try r.readPlainHistoryEntry() ?? readAnyRatingChange(&r)
    }

    /// ``readRatingChange(_:)`` by the general object reader: any spacing, order or escapes, and every error.
    static func readAnyRatingChange(_ r: inout JSONReader) throws -> RatingChange {
        var h = RatingChange(date: CalendarDay(ordinal: 0), from: nil, to: nil, by: "", note: "")
        var sawDate = false
        try r.readObject(historyFields) { r, field in
            switch field {
            case .date:
                h.date = try readDay(&r)
                sawDate = true
            case .from: h.from = try readRating(&r)
            case .to: h.to = try readRating(&r)
            case .status: h.status = try r.readString()
            case .by: h.by = try r.readText()
            case .note: h.note = try r.readText()
            }
        }
        if !sawDate { throw r.error("missing field date in history entry") }
        return h
    }

    /// The fields of an action (`PlanCodec.encode` writes them in this order).
    private enum ActionKey: String, CaseIterable {
        case id, crossReferences, text, leads, deliveryDate, deadline, revisions, rating, status, fields, history, notes
    }
    private static let actionFields = JSONReader.Fields<ActionKey>()

    /// The fields of a history entry, and of a note: found by their packed names (`JSONReader.Fields`), these
    /// two make up most of a long-kept plan's objects.
    private enum HistoryField: String, CaseIterable { case date, from, to, status, by, note }
    private enum NoteField: String, CaseIterable { case date, by, text }
    private static let historyFields = JSONReader.Fields<HistoryField>()
    private static let noteFields = JSONReader.Fields<NoteField>()

    /// One progress note: `date` (required), `by`, `text`.
    static func readNote(_ r: inout JSONReader) throws -> ProgressNote {
        try r.readPlainNote() ?? readAnyNote(&r)
    }

    /// ``readNote(_:)`` by the general object reader.
    static func readAnyNote(_ r: inout JSONReader) throws -> ProgressNote {
        var n = ProgressNote(date: CalendarDay(ordinal: 0), text: "")
        var sawDate = false
        try r.readObject(noteFields) { r, field in
            switch field {
            case .date:
                n.date = try readDay(&r)
                sawDate = true
            case .by: n.by = try r.readText()
            case .text: n.text = try r.readText()
            }
        }
        if !sawDate { throw r.error("missing field date in note") }
        return n
    }

    /// An action's fields while they are read.
    private struct ActionFields {
        var id = ""
        var crossReferences: [String] = []
        var text = ""
        var leads: [String] = []
        var deliveryDate = ""
        var revisions: [DateRevision] = []
        var rating: Rating?
        var status = ""
        var fields: [ActionField] = []
        var history: [RatingChange] = []
        var notes: [ProgressNote] = []
    }
}
