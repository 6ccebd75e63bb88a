import Foundation

/// Reading a plan file: strict, every error names the line, column and JSON path (see `PlanCodec`).
extension PlanCodec {
    /// Reads a plan from the bytes of a JSON file; `file` names it in errors.
    public static func decode(_ bytes: [UInt8], file: String, allowDuplicateIDs: Bool = false) throws -> Plan {
        try decode(bytes, file: file, allowDuplicateIDs: allowDuplicateIDs, keepText: true, ranges: false).plan
    }

    /// Reads a plan, keeping the text of its logs or not (`readText`) and recording each action's byte range or not.
    static func decode(_ bytes: [UInt8], file: String, allowDuplicateIDs: Bool = false, keepText: Bool, ranges: Bool)
        throws -> (plan: Plan, ranges: [Range<Int>])
    {
        let plan: Plan
        var found: [Range<Int>] = []
        do {
            plan = try bytes.withUnsafeBufferPointer { buffer in
                var r = JSONReader(bytes: buffer, file: file)
                r.keepsText = keepText
                if ranges { r.actionRanges = [] }
                let plan = try decodePlan(&r, file: file)
                found = r.actionRanges ?? []
                return plan
            }
        } catch let e as PlanError {
            // A file left by an unresolved `git merge` deserves a better message than "expected a string".
            if let line = ConflictMarkers.firstMarkerLine(in: bytes) {
                throw PlanError(
                    .invalidPlan,
                    file: file, line: line,
                    message: "unresolved merge conflict (git conflict markers <<<<<<< ======= >>>>>>>): keep one side "
                        + "of each conflict and delete the marker lines, then git add the file")
            }
            throw e
        }
        if !allowDuplicateIDs { try validateIDs(plan, file: file) }
        return (plan, found)
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
                            guard let rating = try readRating(&r) else {
                                throw r.error("a level's rating must not be null")
                            }
                            l.rating = rating
                            sawRating = true
                        default: throw r.unknownField(key, expected: "name, letter, definition, rating")
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
                        case "actions": rec.actions = try r.readStringArray()
                        default: throw r.unknownField(key, expected: "id, source, text, actions")
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
                        default: throw r.unknownField(key, expected: "code, name, role")
                        }
                    }
                    plan.officers.append(o)
                }
            case "themes":
                try r.readArray { r, _ in plan.themes.append(try readTheme(&r)) }
            case "snapshots":
                try r.readArray { r, _ in plan.snapshots.append(try readSnapshot(&r)) }
            case "measures": plan.measures = try readMeasures(&r)
            default:
                throw r.unknownField(
                    key,
                    expected: "schemaVersion, title, organisation, version, period, ragKey, ratingScale, "
                        + "recommendations, narrative, officers, themes, snapshots, measures"
                )
            }
        }
        try r.expectEnd()
        if !sawVersion {
            throw PlanError(
                .invalidPlan, file: file, path: "$.schemaVersion", message: "missing field schemaVersion (expected 1)")
        }
        if !sawTitle { throw PlanError(.invalidPlan, file: file, path: "$.title", message: "missing field title") }
        return plan
    }

    private static func readRAGKey(_ r: inout JSONReader) throws -> RAGKey {
        var k = RAGKey.standard
        try r.readObject { r, key in
            switch key {
            case "blue": k.blue = try r.readString()
            case "green": k.green = try r.readString()
            case "amber": k.amber = try r.readString()
            case "red": k.red = try r.readString()
            default: throw r.unknownField(key, expected: "blue, green, amber, red")
            }
        }
        return k
    }

    /// One theme; its actions read by `readAction` (the full reader, or ``readListedAction(_:keeping:)`` for
    /// ``EncodedPlan/listing(file:keeping:)``, which leaves out those it gives nil for).
    static func readTheme(
        _ r: inout JSONReader, action readAction: (inout JSONReader) throws -> Action? = readAction
    ) throws -> Theme {
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
                        case "actions":
                            try r.readArray { r, _ in
                                let start = r.offsetOfNextValue()
                                if let action = try readAction(&r) { g.actions.append(action) }
                                let end = r.offset
                                r.actionRanges?.append(start..<end)
                            }
                        default: throw r.unknownField(key, expected: "title, actions")
                        }
                    }
                    t.groups.append(g)
                }
            default: throw r.unknownField(key, expected: "number, title, leads, narrative, groups")
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
                default: throw r.unknownField(key, expected: "heading, text")
                }
            }
            out.append(b)
        }
        return out
    }

    static func readDay(_ r: inout JSONReader) throws -> CalendarDay {
        if let day = r.readISODay() { return day }
        let s = try r.readString()
        guard let d = CalendarDay(iso: s) else {
            throw r.error("expected a date as YYYY-MM-DD, found \"\(s)\"")
        }
        return d
    }

    static func readOptionalDay(_ r: inout JSONReader) throws -> CalendarDay? {
        if r.readNull() { return nil }
        return try readDay(&r)
    }

    static func readRating(_ r: inout JSONReader) throws -> Rating? {
        if r.readNull() { return nil }
        if let rating = r.readPlainRating() { return rating }
        let s = try r.readString()
        guard let rating = Rating(rawValue: s) else {
            throw r.error("unknown rating \"\(s)\" (expected blue, green, amber, red or null)")
        }
        return rating
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
                        case "latestNote": e.latestNote = try r.readText()
                        case "updates": e.updates = try r.readInt()
                        default: throw r.unknownField(key, expected: "id, rating, deadline, latestNote, updates")
                        }
                    }
                    s.actions.append(e)
                }
            default: throw r.unknownField(key, expected: "label, date, actions")
            }
        }
        return s
    }

    /// Fails on duplicate action IDs, naming both places.
    public static func validateIDs(_ plan: Plan, file: String) throws {
        var seen = Set<String>(minimumCapacity: plan.actionCount)
        for (ti, t) in plan.themes.enumerated() {
            for (gi, g) in t.groups.enumerated() {
                for ai in g.actions.indices where !seen.insert(g.actions[ai].id).inserted {
                    let id = g.actions[ai].id
                    let p = ActionPath(theme: ti, group: gi, action: ai)
                    let first = plan.path(of: id) ?? p
                    throw PlanError(
                        .invalidPlan,
                        file: file, path: jsonPath(p) + ".id",
                        message:
                            "duplicate action ID \"\(id)\" (first used at \(jsonPath(first)).id); IDs must be unique"
                    )
                }
            }
        }
    }

    /// The JSON path of the action at `p`.
    public static func jsonPath(_ p: ActionPath) -> String {
        "$.themes[\(p.theme)].groups[\(p.group)].actions[\(p.action)]"
    }
}
