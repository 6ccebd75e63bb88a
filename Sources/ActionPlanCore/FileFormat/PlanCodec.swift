import Foundation

/// Converts a plan to and from its JSON file format (docs/file-format.md).
///
/// Reading is strict — unknown fields, wrong types, unknown ratings, duplicate
/// IDs, a deadline that disagrees with its delivery date and newer schema
/// versions are all errors naming the line, column and JSON path — because a
/// plan is edited by hand and by several tools, and a silently dropped field is
/// lost work.
public enum PlanCodec {
    /// The plan as the bytes of its JSON file.
    public static func encode(_ plan: Plan) -> [UInt8] {
        var w = JSONWriter(capacity: 4096 + plan.themes.count * 4096)
        w.object { w in
            w.field("schemaVersion", plan.usesVersion2 ? 2 : 1)
            writeHeader(plan, &w)
            w.key("ragKey")
            writeRAGKey(plan.ragKey, &w)
            if let scale = plan.scale { writeRatingScale(scale, &w) }
            if !plan.recommendations.isEmpty {
                w.key("recommendations")
                w.array(plan.recommendations) { w, r in
                    w.object { w in
                        w.field("id", r.id)
                        w.field("source", r.source)
                        w.field("text", r.text)
                    }
                }
            }
            if !plan.narrative.isEmpty {
                w.key("narrative")
                writeNarrative(plan.narrative, &w)
            }
            w.key("officers")
            w.array(plan.officers) { w, o in
                w.object { w in
                    w.field("code", o.code)
                    w.field("name", o.name)
                    w.field("role", o.role)
                }
            }
            w.key("themes")
            w.array(plan.themes) { w, t in encode(t, &w) }
            w.key("snapshots")
            w.array(plan.snapshots) { w, s in
                w.object { w in
                    w.field("label", s.label)
                    w.field("date", s.date.description)
                    w.key("actions")
                    w.array(s.actions) { w, e in
                        w.object { w in
                            w.field("id", e.id)
                            w.field("rating", e.rating?.rawValue)
                            w.field("deadline", e.deadline?.description)
                            w.field("latestNote", e.latestNote)
                            w.field("updates", e.updates)
                        }
                    }
                }
            }
        }
        w.finish()
        return w.bytes
    }

    /// Writes the header fields of `plan` — `title`, `organisation`, `version`, `period` — into the object
    /// being written (the plan file and the export JSON's `plan` object write the same fields).
    static func writeHeader(_ plan: Plan, _ w: inout JSONWriter) {
        w.field("title", plan.title)
        w.field("organisation", plan.organisation)
        w.field("version", plan.version)
        w.field("period", plan.period)
    }

    /// Writes `scale` as the `ratingScale` field (the plan file and the export JSON write the same).
    static func writeRatingScale(_ scale: RatingScale, _ w: inout JSONWriter) {
        w.key("ratingScale")
        w.array(scale.levels) { w, l in
            w.object { w in
                w.field("name", l.name)
                w.field("letter", l.letter)
                w.field("definition", l.definition)
                w.field("rating", l.rating.rawValue)
            }
        }
    }

    /// Writes `key` as the `ragKey` object of the plan file (the export JSON writes the same object).
    static func writeRAGKey(_ key: RAGKey, _ w: inout JSONWriter) {
        w.object { w in
            w.field("blue", key.blue)
            w.field("green", key.green)
            w.field("amber", key.amber)
            w.field("red", key.red)
        }
    }

    private static func encode(_ t: Theme, _ w: inout JSONWriter) {
        w.object { w in
            w.field("number", t.number)
            w.field("title", t.title)
            w.key("leads")
            w.inlineStrings(t.leads)
            w.key("narrative")
            writeNarrative(t.narrative, &w)
            w.key("groups")
            w.array(t.groups) { w, g in
                w.object { w in
                    w.field("title", g.title)
                    w.key("actions")
                    w.array(g.actions) { w, a in encode(a, &w) }
                }
            }
        }
    }

    /// Writes narrative blocks `{ heading, text }` (a theme's, or the plan's own).
    private static func writeNarrative(_ blocks: [NarrativeBlock], _ w: inout JSONWriter) {
        w.array(blocks) { w, n in
            w.object { w in
                w.field("heading", n.heading)
                w.field("text", n.text)
            }
        }
    }

    private static func encode(_ a: Action, _ w: inout JSONWriter) {
        w.object { w in
            w.field("id", a.id)
            w.key("crossReferences")
            w.inlineStrings(a.crossReferences)
            w.field("text", a.text)
            w.key("leads")
            w.inlineStrings(a.leads)
            w.field("deliveryDate", a.deliveryDate)
            w.field("deadline", a.deadline?.description)
            writeRevisions(a, &w)
            w.field("rating", a.rating?.rawValue)
            writeStatusAndFields(a, &w)
            writeHistoryAndNotes(a, &w)
        }
    }

    /// Writes the `status` and `fields` of `a` when it has them (shared with `actionplan show --format json`).
    static func writeStatusAndFields(_ a: Action, _ w: inout JSONWriter) {
        if !a.status.isEmpty { w.field("status", a.status) }
        if !a.fields.isEmpty {
            w.key("fields")
            w.array(a.fields) { w, f in
                w.object { w in
                    w.field("name", f.name)
                    w.field("value", f.value)
                }
            }
        }
    }

    /// Writes the `revisions` field of `a` (shared with `actionplan show --format json`).
    static func writeRevisions(_ a: Action, _ w: inout JSONWriter) {
        w.key("revisions")
        w.array(a.revisions) { w, r in
            w.object { w in
                w.field("date", r.date)
                w.field("on", r.on.description)
                w.field("by", r.by)
                w.field("reason", r.reason)
            }
        }
    }

    /// Writes the `history` and `notes` fields of `a` (shared with `actionplan show --format json`).
    static func writeHistoryAndNotes(_ a: Action, _ w: inout JSONWriter) {
        w.key("history")
        w.array(a.history) { w, h in
            w.object { w in
                w.field("date", h.date.description)
                w.field("from", h.from?.rawValue)
                w.field("to", h.to?.rawValue)
                if !h.status.isEmpty { w.field("status", h.status) }
                w.field("by", h.by)
                w.field("note", h.note)
            }
        }
        w.key("notes")
        w.array(a.notes) { w, n in
            w.object { w in
                w.field("date", n.date.description)
                w.field("by", n.by)
                w.field("text", n.text)
            }
        }
    }

    // MARK: - Decoding

    /// Reads a plan from the bytes of a JSON file; `file` names it in errors.
    public static func decode(_ bytes: [UInt8], file: String, allowDuplicateIDs: Bool = false) throws -> Plan {
        let plan: Plan
        do {
            plan = try bytes.withUnsafeBufferPointer { buffer in
                var r = JSONReader(bytes: buffer, file: file)
                return try decodePlan(&r, file: file)
            }
        } catch let e as PlanError {
            // A file left by an unresolved `git merge` deserves a better message than "expected a string".
            if let line = ConflictMarkers.firstMarkerLine(in: bytes) {
                throw PlanError(
                    file: file, line: line,
                    message: "unresolved merge conflict (git conflict markers <<<<<<< ======= >>>>>>>): keep one side "
                        + "of each conflict and delete the marker lines, then git add the file")
            }
            throw e
        }
        if !allowDuplicateIDs { try validateIDs(plan, file: file) }
        return plan
    }

    private static func decodePlan(_ r: inout JSONReader, file: String) throws -> Plan {
        var plan = Plan(title: "")
        var sawVersion = false
        var sawTitle = false
        try r.readObject { r, key in
            switch key {
            case "schemaVersion":
                let v = try r.readInt()
                if v > Plan.schemaVersion {
                    throw r.error(
                        "schemaVersion \(v) is newer than this actionplan understands (\(Plan.schemaVersion)); "
                            + "upgrade actionplan to read this file")
                }
                if v < 1 { throw r.error("schemaVersion must be 1 or more, found \(v)") }
                sawVersion = true
            case "title":
                plan.title = try r.readString()
                sawTitle = true
            case "organisation": plan.organisation = try r.readString()
            case "version": plan.version = try r.readString()
            case "period": plan.period = try r.readString()
            case "ragKey": plan.ragKey = try readRAGKey(&r)
            case "ratingScale":
                var levels: [RatingScale.Level] = []
                try r.readArray { r, _ in
                    var l = RatingScale.Level(name: "", letter: "", definition: "", rating: .green)
                    var sawRating = false
                    try r.readObject { r, key in
                        switch key {
                        case "name": l.name = try r.readString()
                        case "letter": l.letter = try r.readString()
                        case "definition": l.definition = try r.readString()
                        case "rating":
                            guard let rating = try readRating(&r) else { throw r.error("a level's rating must not be null") }
                            l.rating = rating
                            sawRating = true
                        default: throw unknownField(key, r, expected: "name, letter, definition, rating")
                        }
                    }
                    if l.name.isEmpty || !sawRating { throw r.error("a rating-scale level needs a name and a rating") }
                    levels.append(l)
                }
                plan.scale = RatingScale(levels: levels)
            case "recommendations":
                try r.readArray { r, _ in
                    var rec = Recommendation(id: "", source: "", text: "")
                    try r.readObject { r, key in
                        switch key {
                        case "id": rec.id = try r.readString()
                        case "source": rec.source = try r.readString()
                        case "text": rec.text = try r.readString()
                        default: throw unknownField(key, r, expected: "id, source, text")
                        }
                    }
                    plan.recommendations.append(rec)
                }
            case "narrative": plan.narrative = try readNarrative(&r)
            case "officers":
                try r.readArray { r, _ in
                    var o = Officer(code: "", name: "", role: "")
                    try r.readObject { r, key in
                        switch key {
                        case "code": o.code = try r.readString()
                        case "name": o.name = try r.readString()
                        case "role": o.role = try r.readString()
                        default: throw unknownField(key, r, expected: "code, name, role")
                        }
                    }
                    plan.officers.append(o)
                }
            case "themes":
                try r.readArray { r, _ in plan.themes.append(try readTheme(&r)) }
            case "snapshots":
                try r.readArray { r, _ in plan.snapshots.append(try readSnapshot(&r)) }
            default:
                throw unknownField(
                    key, r,
                    expected: "schemaVersion, title, organisation, version, period, ragKey, ratingScale, "
                        + "recommendations, narrative, officers, themes, snapshots"
                )
            }
        }
        try r.expectEnd()
        if !sawVersion {
            throw PlanError(file: file, path: "$.schemaVersion", message: "missing field schemaVersion (expected 1)")
        }
        if !sawTitle { throw PlanError(file: file, path: "$.title", message: "missing field title") }
        return plan
    }

    private static func unknownField(_ key: String, _ r: JSONReader, expected: String) -> PlanError {
        var e = r.error("unknown field \"\(key)\" (expected one of: \(expected))")
        e.path = r.pathString
        return e
    }

    private static func readRAGKey(_ r: inout JSONReader) throws -> RAGKey {
        var k = RAGKey.standard
        try r.readObject { r, key in
            switch key {
            case "blue": k.blue = try r.readString()
            case "green": k.green = try r.readString()
            case "amber": k.amber = try r.readString()
            case "red": k.red = try r.readString()
            default: throw unknownField(key, r, expected: "blue, green, amber, red")
            }
        }
        return k
    }

    private static func readTheme(_ r: inout JSONReader) throws -> Theme {
        var t = Theme(number: 0, title: "")
        var sawNumber = false
        try r.readObject { r, key in
            switch key {
            case "number":
                t.number = try r.readInt()
                sawNumber = true
            case "title": t.title = try r.readString()
            case "leads": t.leads = try r.readStringArray()
            case "narrative": t.narrative = try readNarrative(&r)
            case "groups":
                try r.readArray { r, _ in
                    var g = ActionGroup(title: nil)
                    try r.readObject { r, key in
                        switch key {
                        case "title": g.title = try r.readOptionalString()
                        case "actions": try r.readArray { r, _ in g.actions.append(try readAction(&r)) }
                        default: throw unknownField(key, r, expected: "title, actions")
                        }
                    }
                    t.groups.append(g)
                }
            default: throw unknownField(key, r, expected: "number, title, leads, narrative, groups")
            }
        }
        if !sawNumber { throw r.error("missing field number in theme") }
        return t
    }

    private static func readNarrative(_ r: inout JSONReader) throws -> [NarrativeBlock] {
        var out: [NarrativeBlock] = []
        try r.readArray { r, _ in
            var b = NarrativeBlock(heading: "", text: "")
            try r.readObject { r, key in
                switch key {
                case "heading": b.heading = try r.readString()
                case "text": b.text = try r.readString()
                default: throw unknownField(key, r, expected: "heading, text")
                }
            }
            out.append(b)
        }
        return out
    }

    private static func readDay(_ r: inout JSONReader) throws -> CalendarDay {
        let s = try r.readString()
        guard let d = CalendarDay(iso: s) else {
            throw r.error("expected a date as YYYY-MM-DD, found \"\(s)\"")
        }
        return d
    }

    private static func readOptionalDay(_ r: inout JSONReader) throws -> CalendarDay? {
        if r.readNull() { return nil }
        return try readDay(&r)
    }

    private static func readRating(_ r: inout JSONReader) throws -> Rating? {
        if r.readNull() { return nil }
        let s = try r.readString()
        guard let rating = Rating(rawValue: s) else {
            throw r.error("unknown rating \"\(s)\" (expected blue, green, amber, red or null)")
        }
        return rating
    }

    private static func readAction(_ r: inout JSONReader) throws -> Action {
        // Fields are gathered first and the Action built once, so its derived
        // deadline is parsed once rather than on every field assignment.
        var a = ActionFields()
        var sawID = false
        var storedDeadline: CalendarDay?
        var sawDeadline = false
        try r.readObject { r, key in
            switch key {
            case "id":
                a.id = try r.readString()
                sawID = true
                if a.id.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    throw r.error("an action's id must not be empty")
                }
            case "crossReferences": a.crossReferences = try r.readStringArray()
            case "text": a.text = try r.readString()
            case "leads": a.leads = try r.readStringArray()
            case "deliveryDate": a.deliveryDate = try r.readString()
            case "deadline":
                storedDeadline = try readOptionalDay(&r)
                sawDeadline = true
            case "revisions":
                try r.readArray { r, _ in
                    var v = DateRevision(date: "", on: CalendarDay(ordinal: 0), by: "", reason: "")
                    var sawOn = false
                    try r.readObject { r, key in
                        switch key {
                        case "date": v.date = try r.readString()
                        case "on":
                            v.on = try readDay(&r)
                            sawOn = true
                        case "by": v.by = try r.readString()
                        case "reason": v.reason = try r.readString()
                        default: throw unknownField(key, r, expected: "date, on, by, reason")
                        }
                    }
                    if !sawOn { throw r.error("missing field on (the day the date was revised)") }
                    a.revisions.append(v)
                }
            case "rating": a.rating = try readRating(&r)
            case "status": a.status = try r.readString()
            case "fields":
                try r.readArray { r, _ in
                    var f = ActionField(name: "", value: "")
                    try r.readObject { r, key in
                        switch key {
                        case "name": f.name = try r.readString()
                        case "value": f.value = try r.readString()
                        default: throw unknownField(key, r, expected: "name, value")
                        }
                    }
                    a.fields.append(f)
                }
            case "history":
                try r.readArray { r, _ in
                    var h = RatingChange(date: CalendarDay(ordinal: 0), from: nil, to: nil, by: "", note: "")
                    var sawDate = false
                    try r.readObject { r, key in
                        switch key {
                        case "date":
                            h.date = try readDay(&r)
                            sawDate = true
                        case "from": h.from = try readRating(&r)
                        case "to": h.to = try readRating(&r)
                        case "status": h.status = try r.readString()
                        case "by": h.by = try r.readString()
                        case "note": h.note = try r.readString()
                        default: throw unknownField(key, r, expected: "date, from, to, status, by, note")
                        }
                    }
                    if !sawDate { throw r.error("missing field date in history entry") }
                    a.history.append(h)
                }
            case "notes":
                try r.readArray { r, _ in
                    var n = ProgressNote(date: CalendarDay(ordinal: 0), text: "")
                    var sawDate = false
                    try r.readObject { r, key in
                        switch key {
                        case "date":
                            n.date = try readDay(&r)
                            sawDate = true
                        case "by": n.by = try r.readString()
                        case "text": n.text = try r.readString()
                        default: throw unknownField(key, r, expected: "date, by, text")
                        }
                    }
                    if !sawDate { throw r.error("missing field date in note") }
                    a.notes.append(n)
                }
            default:
                throw unknownField(
                    key, r,
                    expected:
                        "id, crossReferences, text, leads, deliveryDate, deadline, revisions, rating, status, fields, "
                        + "history, notes")
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

    private static func readSnapshot(_ r: inout JSONReader) throws -> Snapshot {
        var s = Snapshot(label: "", date: CalendarDay(ordinal: 0), actions: [])
        try r.readObject { r, key in
            switch key {
            case "label": s.label = try r.readString()
            case "date": s.date = try readDay(&r)
            case "actions":
                try r.readArray { r, _ in
                    var e = SnapshotEntry(id: "", rating: nil, deadline: nil, latestNote: "", updates: 0)
                    try r.readObject { r, key in
                        switch key {
                        case "id": e.id = try r.readString()
                        case "rating": e.rating = try readRating(&r)
                        case "deadline": e.deadline = try readOptionalDay(&r)
                        case "latestNote": e.latestNote = try r.readString()
                        case "updates": e.updates = try r.readInt()
                        default: throw unknownField(key, r, expected: "id, rating, deadline, latestNote, updates")
                        }
                    }
                    s.actions.append(e)
                }
            default: throw unknownField(key, r, expected: "label, date, actions")
            }
        }
        return s
    }

    /// Fails on duplicate action IDs, naming both places.
    public static func validateIDs(_ plan: Plan, file: String) throws {
        var seen: [String: ActionPath] = [:]
        seen.reserveCapacity(plan.actionCount)
        for (ti, t) in plan.themes.enumerated() {
            for (gi, g) in t.groups.enumerated() {
                for (ai, a) in g.actions.enumerated() {
                    let p = ActionPath(theme: ti, group: gi, action: ai)
                    if let first = seen[a.id] {
                        throw PlanError(
                            file: file, path: jsonPath(p) + ".id",
                            message:
                                "duplicate action ID \"\(a.id)\" (first used at \(jsonPath(first)).id); IDs must be unique"
                        )
                    }
                    seen[a.id] = p
                }
            }
        }
    }

    /// The JSON path of the action at `p`.
    public static func jsonPath(_ p: ActionPath) -> String {
        "$.themes[\(p.theme)].groups[\(p.group)].actions[\(p.action)]"
    }
}

extension Plan {
    /// Whether the plan uses anything file format version 1 cannot hold: its own rating scale,
    /// recommendations, plan narrative, or statuses and extra fields on actions.
    var usesVersion2: Bool {
        if scale != nil || !recommendations.isEmpty || !narrative.isEmpty { return true }
        for t in themes {
            for g in t.groups {
                for a in g.actions where !a.status.isEmpty || !a.fields.isEmpty || a.history.contains(where: { !$0.status.isEmpty }) {
                    return true
                }
            }
        }
        return false
    }
}
