/// Merging measures and the recommendations register: each matched by its ID; a measure's observations and a
/// recommendation's linked actions are append-only sets (``MergeLog``), so figures recorded or links made by
/// two people are both kept; every other field is three-way, a clash a conflict of the plan.
extension PlanMerger {
    /// The merged measures (ours in our order, those only they added after).
    mutating func mergeMeasures(base: [Measure]?, ours: [Measure], theirs: [Measure]) -> [Measure] {
        if let list = PlanMerge.resolvedTrivially(base: base, ours: ours, theirs: theirs) { return list }
        return mergeByID(base: base, ours: ours, theirs: theirs, id: \.id, item: "measure") { me, b, o, t in
            me.mergeMeasure(base: b, ours: o, theirs: t)
        } show: {
            "\($0.id): \($0.title)"
        }
    }

    private mutating func mergeMeasure(base b: Measure?, ours o: Measure, theirs t: Measure) -> Measure {
        if let m = PlanMerge.resolvedTrivially(base: b, ours: o, theirs: t) { return m }
        let f = "measure \(o.id) "
        var m = o
        m.title = pick(.plan, f + "title", base: b?.title, ours: o.title, theirs: t.title, show: MergeText.text)
        m.unit = pick(.plan, f + "unit", base: b?.unit, ours: o.unit, theirs: t.unit, show: \.rawValue)
        m.polarity = pick(
            .plan, f + "polarity", base: b.map(\.polarity), ours: o.polarity, theirs: t.polarity,
            show: { $0?.rawValue ?? "(none)" })
        m.target = pick(
            .plan, f + "target", base: b.map(\.target), ours: o.target, theirs: t.target, show: { $0 ?? "(none)" })
        m.planIDs = pick(
            .plan, f + "plan IDs", base: b?.planIDs, ours: o.planIDs, theirs: t.planIDs, show: MergeText.list)
        m.section = pick(
            .plan, f + "section", base: b?.section, ours: o.section, theirs: t.section, show: MergeText.text)
        m.note = pick(.plan, f + "note", base: b?.note, ours: o.note, theirs: t.note, show: MergeText.text)
        m.observations = MergeLog.merge(
            base: b?.observations ?? [], ours: o.observations, theirs: t.observations, date: nil)
        m.subMeasures = mergeMeasures(base: b?.subMeasures, ours: o.subMeasures, theirs: t.subMeasures)
        return m
    }

    /// The merged recommendations register: text and source three-way, linked actions as a set.
    mutating func mergeRecommendations(
        base: [Recommendation]?, ours: [Recommendation], theirs: [Recommendation]
    ) -> [Recommendation] {
        if let list = PlanMerge.resolvedTrivially(base: base, ours: ours, theirs: theirs) { return list }
        return mergeByID(base: base, ours: ours, theirs: theirs, id: \.id, item: "recommendation") { me, b, o, t in
            if let r = PlanMerge.resolvedTrivially(base: b, ours: o, theirs: t) { return r }
            var r = o
            let f = "recommendation \(o.id) "
            r.source = me.pick(
                .plan, f + "source", base: b?.source, ours: o.source, theirs: t.source, show: MergeText.text)
            r.text = me.pick(.plan, f + "text", base: b?.text, ours: o.text, theirs: t.text, show: MergeText.text)
            r.actions = MergeLog.merge(base: b?.actions ?? [], ours: o.actions, theirs: t.actions, date: nil)
            return r
        } show: {
            "\($0.id): \($0.text)"
        }
    }

    /// Items matched by `id`: present on both sides merged by `both`, added on one side kept, deleted on one
    /// side and unchanged on the other dropped, else a conflict.
    private mutating func mergeByID<T: Equatable>(
        base: [T]?, ours: [T], theirs: [T], id: (T) -> String, item: String,
        both: (inout PlanMerger, T?, T, T) -> T, show: (T) -> String
    ) -> [T] {
        let b = Dictionary((base ?? []).map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
        let o = Dictionary(ours.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
        let t = Dictionary(theirs.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
        var out: [T] = []
        var done = Set<String>()
        for k in ours.map(id) + theirs.map(id) where done.insert(k).inserted {
            if let ov = o[k], let tv = t[k] {
                out.append(both(&self, b[k], ov, tv))
            } else if let v = presence(.plan, "\(item) \(k)", base: b[k], ours: o[k], theirs: t[k], show: show) {
                out.append(v)
            }
        }
        return out
    }
}
