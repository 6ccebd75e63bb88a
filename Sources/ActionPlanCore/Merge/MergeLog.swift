/// Merges append-only lists — rating history, progress notes, date revisions, the officers register — as sets.
///
/// Why sets: two leads who each append an entry to the same action's history
/// have not disagreed about anything; both entries happened and both must
/// survive, in time order. An entry removed on one side (a hand edit) and
/// untouched on the other is removed; an identical entry added on both sides is
/// kept once.
enum MergeLog {
    /// The merged list: our entries in our order, with entries only they added inserted by `date`
    /// (after the last entry dated on or before theirs), or appended when there is no date.
    static func merge<T: Hashable>(base: [T], ours: [T], theirs: [T], date: ((T) -> CalendarDay)?) -> [T] {
        if let list = PlanMerge.resolvedTrivially(base: base, ours: ours, theirs: theirs) { return list }
        let b = counts(base)
        let o = counts(ours)
        let t = counts(theirs)
        var wanted: [T: Int] = [:]
        for e in Set(o.keys).union(t.keys) {
            let bc = b[e] ?? 0
            let oc = o[e] ?? 0
            let tc = t[e] ?? 0
            // Both only added (or kept): the union. One side removed some: the removal wins.
            wanted[e] = (oc >= bc && tc >= bc) ? max(oc, tc) : min(oc, tc)
        }
        var used: [T: Int] = [:]
        var out: [T] = []
        out.reserveCapacity(max(ours.count, theirs.count))
        for e in ours where used[e, default: 0] < wanted[e, default: 0] {
            used[e, default: 0] += 1
            out.append(e)
        }
        for e in theirs where used[e, default: 0] < wanted[e, default: 0] {
            used[e, default: 0] += 1
            guard let date else {
                out.append(e)
                continue
            }
            let d = date(e)
            var i = out.count
            while i > 0 && date(out[i - 1]) > d { i -= 1 }
            out.insert(e, at: i)
        }
        return out
    }

    private static func counts<T: Hashable>(_ list: [T]) -> [T: Int] {
        var c: [T: Int] = [:]
        for e in list { c[e, default: 0] += 1 }
        return c
    }
}
