/// The working state of one ``PlanMerge`` run: the choices given and the conflicts found so far.
///
/// Field rules live here; where actions, groups and themes end up is in
/// `PlanMerger+Layout.swift`.
struct PlanMerger {
    /// Settled conflicts, from an earlier merge of the same edits.
    let choices: [MergeConflict.Key: MergeSide]
    /// Conflicts found and not settled, in the order met (plan order).
    private(set) var conflicts: [MergeConflict] = []

    /// Whether a settled rating clash gets a history entry recording the choice (``settledRatingEntry``).
    let recordingChoices: Bool

    init(choices: [MergeConflict.Key: MergeSide], recordingChoices: Bool = false) {
        self.choices = choices
        self.recordingChoices = recordingChoices
    }

    /// The three-way value of one field: the side that changed it, or a conflict
    /// (settled by a choice, else recorded and ours kept). `base` nil: no common version.
    mutating func pick<T: Equatable>(
        _ scope: MergeConflict.Scope, _ field: String, base: T?, ours: T, theirs: T, show: (T) -> String
    ) -> T {
        if let value = PlanMerge.resolvedTrivially(base: base, ours: ours, theirs: theirs) { return value }
        return conflict(
            scope, field, base: base.map(show), ours: ours, theirs: theirs, oursText: show(ours),
            theirsText: show(theirs))
    }

    /// Records (or settles by a choice) a conflict between `ours` and `theirs`, returning the value to use.
    mutating func conflict<T>(
        _ scope: MergeConflict.Scope, _ field: String, base: String?, ours: T, theirs: T, oursText: String,
        theirsText: String
    ) -> T {
        let key = MergeConflict.Key(scope: scope, field: field)
        switch choices[key] {
        case .theirs?: return theirs
        case .ours?: return ours
        case nil:
            conflicts.append(MergeConflict(key: key, base: base, ours: oursText, theirs: theirsText))
            return ours
        }
    }

    // MARK: - The plan

    /// Merges the header, the officers register, the themes with their actions, and the snapshots.
    mutating func mergePlan(base: Plan?, ours: Plan, theirs: Plan) -> Plan {
        var p = ours
        p.title = pick(
            .plan, "title", base: base.map(\.title), ours: ours.title, theirs: theirs.title, show: MergeText.text)
        p.organisation = pick(
            .plan, "organisation", base: base.map(\.organisation), ours: ours.organisation, theirs: theirs.organisation,
            show: MergeText.text)
        p.version = pick(
            .plan, "version", base: base.map(\.version), ours: ours.version, theirs: theirs.version,
            show: MergeText.text)
        p.period = pick(
            .plan, "period", base: base.map(\.period), ours: ours.period, theirs: theirs.period, show: MergeText.text)
        for rating in Rating.allCases {
            let kp = RAGKey.path(rating)
            p.ragKey[keyPath: kp] = pick(
                .plan, "RAG key \(rating.rawValue)", base: base.map { $0.ragKey[keyPath: kp] },
                ours: ours.ragKey[keyPath: kp],
                theirs: theirs.ragKey[keyPath: kp], show: MergeText.text)
        }
        p.scale = pick(.plan, "rating scale", base: base.map(\.scale), ours: ours.scale, theirs: theirs.scale) {
            $0.map { $0.levels.map(\.name).joined(separator: "/") } ?? "BRAG"
        }
        p.narrative = pick(
            .plan, "narrative", base: base.map(\.narrative), ours: ours.narrative, theirs: theirs.narrative,
            show: MergeText.narrative)
        p.recommendations = mergeRecommendations(
            base: base?.recommendations, ours: ours.recommendations, theirs: theirs.recommendations)
        p.measures = mergeMeasures(base: base?.measures, ours: ours.measures, theirs: theirs.measures)
        p.officers = MergeLog.merge(base: base?.officers ?? [], ours: ours.officers, theirs: theirs.officers, date: nil)
        p.themes = mergeThemes(base: base, ours: ours, theirs: theirs)
        p.snapshots = mergeSnapshots(base: base, ours: ours, theirs: theirs)
        return p
    }

    // MARK: - Actions

    /// Merges one action present on both sides, field by field (`base` nil: added on both sides).
    mutating func mergeAction(_ id: String, base b: Action?, ours o: Action, theirs t: Action) -> Action {
        if let a = PlanMerge.resolvedTrivially(base: b, ours: o, theirs: t) { return a }
        let s = MergeConflict.Scope.action(id)
        let refs = pick(
            s, "cross-references", base: b.map(\.crossReferences), ours: o.crossReferences, theirs: t.crossReferences,
            show: MergeText.list)
        let text = pick(s, "text", base: b.map(\.text), ours: o.text, theirs: t.text, show: MergeText.text)
        let leads = pick(s, "leads", base: b.map(\.leads), ours: o.leads, theirs: t.leads, show: MergeText.list)
        let date = pick(
            s, "delivery date", base: b.map(\.deliveryDate), ours: o.deliveryDate, theirs: t.deliveryDate,
            show: MergeText.text)
        let revisions = MergeLog.merge(
            base: b?.revisions ?? [], ours: o.revisions, theirs: t.revisions, date: { $0.on })
        let rated = pick(
            s, "rating", base: b.map(RatedAs.init), ours: RatedAs(o), theirs: RatedAs(t), show: MergeText.rated)
        let fields = mergeKeyed(
            s, "field", base: b?.fields, ours: o.fields, theirs: t.fields, key: \.name,
            show: { "\($0.name): \($0.value)" })
        var history = MergeLog.merge(base: b?.history ?? [], ours: o.history, theirs: t.history, date: { $0.date })
        if let entry = settledRatingEntry(s, rated, history, ours: o, theirs: t) { history.append(entry) }
        let notes = MergeLog.merge(base: b?.notes ?? [], ours: o.notes, theirs: t.notes, date: { $0.date })
        return Action(
            id: id, crossReferences: refs, text: text, leads: leads, deliveryDate: date, revisions: revisions,
            rating: rated.rating, status: rated.status, fields: fields, history: history, notes: notes)
    }

    /// When a rating clash was settled by a choice and the merged history ends with the other side's change
    /// (both entries are kept, in time order), the entry that makes the history end at the chosen rating,
    /// saying so: a file's rating always equals its last history entry's `to` (`actionplan check`'s
    /// history-disagrees).
    func settledRatingEntry(
        _ scope: MergeConflict.Scope, _ rated: RatedAs, _ history: [RatingChange], ours o: Action, theirs t: Action
    ) -> RatingChange? {
        guard recordingChoices, let side = choices[MergeConflict.Key(scope: scope, field: "rating")],
            let last = history.last, last.to != rated.rating,
            let chosen = (side == .ours ? o : t).history.last(where: { $0.to == rated.rating })
        else { return nil }
        return RatingChange(
            date: max(last.date, chosen.date), from: last.to, to: rated.rating, by: chosen.by,
            note: chosen.note + " (kept over the change to \(MergeText.rating(last.to)) by \(last.by) saved meanwhile)",
            status: rated.status)
    }

    /// Merges lists of items identified by `key` (recommendations by number, an action's fields by name): each
    /// item's presence and value three-way, in our order with theirs added after; `field` names an item in a
    /// conflict (`field Success measure`).
    mutating func mergeKeyed<T: Equatable>(
        _ scope: MergeConflict.Scope, _ field: String, base: [T]?, ours: [T], theirs: [T], key: (T) -> String,
        show: (T) -> String
    ) -> [T] {
        if let list = PlanMerge.resolvedTrivially(base: base, ours: ours, theirs: theirs) { return list }
        let b = Dictionary((base ?? []).map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let o = Dictionary(ours.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let t = Dictionary(theirs.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        var out: [T] = []
        for k in ours.map(key) + theirs.map(key).filter({ o[$0] == nil }) where !out.contains(where: { key($0) == k }) {
            if let v = presence(
                scope, "\(field) \(k)", base: base == nil ? nil : b[k], ours: o[k], theirs: t[k], show: show)
            {
                out.append(v)
            }
        }
        return out
    }

    // MARK: - Snapshots

    /// Merges snapshots by label: each is one value (a frozen record), so two different
    /// snapshots under one label, or a change to one the other side deleted, is a conflict.
    mutating func mergeSnapshots(base: Plan?, ours: Plan, theirs: Plan) -> [Snapshot] {
        let label = { (s: Snapshot) in Whitespace.collapse(s.label) }
        let b = Dictionary(OccurrenceKey.keyed(base?.snapshots ?? [], by: label), uniquingKeysWith: { a, _ in a })
        let oList = OccurrenceKey.keyed(ours.snapshots, by: label)
        let tList = OccurrenceKey.keyed(theirs.snapshots, by: label)
        let o = Dictionary(oList, uniquingKeysWith: { a, _ in a })
        let t = Dictionary(tList, uniquingKeysWith: { a, _ in a })
        var out: [Snapshot] = []
        for (k, os) in oList {
            if let v = presence(
                .snapshot(os.label), "snapshot", base: b[k], ours: os, theirs: t[k], show: MergeText.snapshot)
            {
                out.append(v)
            }
        }
        for (k, ts) in tList where o[k] == nil {
            guard
                let v = presence(
                    .snapshot(ts.label), "snapshot", base: b[k], ours: nil, theirs: ts, show: MergeText.snapshot)
            else { continue }
            var i = out.count
            while i > 0 && out[i - 1].date > v.date { i -= 1 }
            out.insert(v, at: i)
        }
        return out
    }

    /// Three-way presence and value of one item matched by key (a snapshot, a theme's header):
    /// added on one side is kept, deleted on one side and unchanged on the other is dropped.
    mutating func presence<T: Equatable>(
        _ scope: MergeConflict.Scope, _ field: String, base: T?, ours: T?, theirs: T?, show: (T) -> String
    ) -> T? {
        switch (ours, theirs) {
        case (let o?, let t?):
            return pick(scope, field, base: base, ours: o, theirs: t, show: show)
        case (let o?, nil):
            guard let base else { return o }
            if base == o { return nil }
            return conflict(
                scope, field, base: show(base), ours: o, theirs: nil, oursText: "changed: " + show(o),
                theirsText: "deleted")
        case (nil, let t?):
            guard let base else { return t }
            if base == t { return nil }
            return conflict(
                scope, field, base: show(base), ours: nil, theirs: t, oursText: "deleted",
                theirsText: "changed: " + show(t))
        case (nil, nil):
            return nil
        }
    }
}

/// Display text for merge conflicts.
enum MergeText {
    /// A string, or `(empty)`.
    static func text(_ s: String) -> String { s.isEmpty ? "(empty)" : s }
    /// A list joined by commas, or `(none)`.
    static func list(_ a: [String]) -> String { a.isEmpty ? "(none)" : a.joined(separator: ", ") }
    /// A rating's name, or `unrated`.
    static func rating(_ r: Rating?) -> String { r?.name ?? "unrated" }
    /// A rating with the status it is written as: `Amber`, `Amber (At risk)`.
    static func rated(_ r: RatedAs) -> String {
        r.status.isEmpty || r.status == rating(r.rating) ? rating(r.rating) : "\(rating(r.rating)) (\(r.status))"
    }
    /// Narrative blocks by their headings.
    static func narrative(_ blocks: [NarrativeBlock]) -> String {
        blocks.isEmpty ? "(none)" : blocks.map { $0.heading.isEmpty ? "(text)" : $0.heading }.joined(separator: "; ")
    }
    /// A snapshot's label, date and size.
    static func snapshot(_ s: Snapshot) -> String { "\(s.label) as of \(s.date), \(s.actions.count) actions" }
}

/// Keys that tell apart items sharing a natural key (two groups titled alike, two themes numbered alike).
enum OccurrenceKey {
    /// Each item with `key(item) + "#" + n`, n counting earlier items with the same key.
    static func keyed<T>(_ items: [T], by key: (T) -> String) -> [(String, T)] {
        var seen: [String: Int] = [:]
        return items.map { item in
            let k = key(item)
            let n = seen[k, default: 0]
            seen[k] = n + 1
            return (k + "#\(n)", item)
        }
    }
}

extension RAGKey {
    /// The key path of `rating`'s definition.
    static func path(_ rating: Rating) -> WritableKeyPath<RAGKey, String> {
        switch rating {
        case .blue: return \.blue
        case .green: return \.green
        case .amber: return \.amber
        case .red: return \.red
        }
    }
}

/// An action's rating and the status it is written as, merged as one field: a clash on either is a clash on
/// the rating.
struct RatedAs: Equatable {
    var rating: Rating?
    var status: String

    init(_ a: Action) {
        rating = a.rating
        status = a.status
    }
}
