/// Where actions, groups and themes end up in a merged plan.
///
/// Contents and places are merged separately: first every action's fields and
/// its place (theme and group), then the themes and groups that must exist
/// (kept, added, or needed because a surviving action sits in them), then the
/// order of actions in each group — ours, with actions only the other side has
/// there placed after the action they follow on that side.
extension PlanMerger {
    /// Where an action sits: the keys of its theme and group.
    struct Place: Hashable {
        var theme: String
        var group: String
    }

    /// An action with its place.
    typealias Placed = (action: Action, place: Place)

    /// One side's plan indexed by keys.
    struct Layout {
        var actions: [String: Placed] = [:]
        /// Action IDs in plan order.
        var actionOrder: [String] = []
        var themeOrder: [String] = []
        var themes: [String: Theme] = [:]
        var groupOrder: [String: [String]] = [:]
        var groupTitles: [Place: String?] = [:]
        var groupActions: [Place: [String]] = [:]

        init(_ plan: Plan?) {
            guard let plan else { return }
            for (tk, theme) in OccurrenceKey.keyed(plan.themes, by: { String($0.number) }) {
                themeOrder.append(tk)
                themes[tk] = theme
                var groups: [String] = []
                for (gk, group) in OccurrenceKey.keyed(theme.groups, by: { $0.title.map { "t:" + $0 } ?? "n:" }) {
                    groups.append(gk)
                    let place = Place(theme: tk, group: gk)
                    groupTitles[place] = group.title
                    groupActions[place] = group.actions.map(\.id)
                    for a in group.actions where actions[a.id] == nil {
                        actions[a.id] = (a, place)
                        actionOrder.append(a.id)
                    }
                }
                groupOrder[tk] = groups
            }
        }

        /// `theme 2, group "Effective MASH"` (or `ungrouped`).
        func describe(_ place: Place) -> String {
            let number = themes[place.theme].map { String($0.number) } ?? "?"
            let title = groupTitles[place] ?? nil
            return "theme \(number), " + (title.map { "group \"\($0)\"" } ?? "ungrouped")
        }
    }

    /// The merged themes, with their groups and actions.
    mutating func mergeThemes(base: Plan?, ours: Plan, theirs: Plan) -> [Theme] {
        let b = Layout(base)
        let o = Layout(ours)
        let t = Layout(theirs)

        // 1. Every action's contents and place.
        var merged: [String: Placed] = [:]
        var ids = o.actionOrder
        ids += t.actionOrder.filter { o.actions[$0] == nil }
        for id in ids {
            let bs = b.actions[id]
            switch (o.actions[id], t.actions[id]) {
            case (let os?, let ts?):
                let a = mergeAction(id, base: bs?.action, ours: os.action, theirs: ts.action)
                let place = pick(
                    .action(id), "position", base: bs?.place, ours: os.place, theirs: ts.place,
                    show: { p in (o.groupTitles[p] != nil ? o : t.groupTitles[p] != nil ? t : b).describe(p) })
                merged[id] = (a, place)
            case (let os?, nil):
                if let kept = deletedByOneSide(id, base: bs, changed: os, changedIsOurs: true) { merged[id] = kept }
            case (nil, let ts?):
                if let kept = deletedByOneSide(id, base: bs, changed: ts, changedIsOurs: false) { merged[id] = kept }
            case (nil, nil):
                break
            }
        }
        var occupied: Set<Place> = []
        var occupiedThemes: Set<String> = []
        for (_, v) in merged {
            occupied.insert(v.place)
            occupiedThemes.insert(v.place.theme)
        }

        // 2. Themes and their headers.
        var themes: [Theme] = []
        var placedCount = 0
        for tk in mergedOrder(ours: o.themeOrder, theirs: t.themeOrder) {
            guard
                var theme = mergeThemeHeader(tk, base: b.themes[tk], ours: o.themes[tk], theirs: t.themes[tk])
                    ?? (occupiedThemes.contains(tk) ? (o.themes[tk] ?? t.themes[tk]) : nil)
            else { continue }
            // 3. Groups, and the actions in each.
            theme.groups = []
            for gk in mergedOrder(ours: o.groupOrder[tk] ?? [], theirs: t.groupOrder[tk] ?? []) {
                let place = Place(theme: tk, group: gk)
                let inB = b.groupTitles[place] != nil
                let inO = o.groupTitles[place] != nil
                let inT = t.groupTitles[place] != nil
                let kept = (inO && inT) || (inO && !inB) || (inT && !inB)
                guard kept || occupied.contains(place) else { continue }
                let title = o.groupTitles[place] ?? t.groupTitles[place] ?? nil
                let order = actionOrder(
                    in: place, ours: o.groupActions[place] ?? [], theirs: t.groupActions[place] ?? [], merged: merged)
                placedCount += order.count
                theme.groups.append(ActionGroup(title: title, actions: order.map { merged[$0]!.action }))
            }
            themes.append(theme)
        }

        // Never lose an action, even if the rules above missed a place for it.
        if placedCount < merged.count {
            var placed: Set<String> = []
            for th in themes { for g in th.groups { for a in g.actions { placed.insert(a.id) } } }
            let missing = ids.filter { merged[$0] != nil && !placed.contains($0) }.map { merged[$0]!.action }
            if themes.isEmpty { themes.append(Theme(number: 1, title: "")) }
            themes[themes.count - 1].groups.append(ActionGroup(title: nil, actions: missing))
        }
        return themes
    }

    /// An action one side deleted and the other kept: dropped when the keeper left it unchanged,
    /// kept when it was added there, otherwise a conflict (ours kept unless theirs is chosen).
    private mutating func deletedByOneSide(
        _ id: String, base: Placed?, changed: Placed, changedIsOurs: Bool
    ) -> Placed? {
        guard let base else { return changed }
        if base.action == changed.action && base.place == changed.place { return nil }
        let what =
            "changed: " + MergeText.list(changedFields(base.action, changed.action, moved: base.place != changed.place))
        let keep: Bool = conflict(
            .action(id), "action", base: "present", ours: changedIsOurs, theirs: !changedIsOurs,
            oursText: changedIsOurs ? what : "deleted", theirsText: changedIsOurs ? "deleted" : what)
        return keep ? changed : nil
    }

    /// The names of the fields that differ between two versions of an action.
    private func changedFields(_ a: Action, _ b: Action, moved: Bool) -> [String] {
        var out: [String] = []
        if a.crossReferences != b.crossReferences { out.append("cross-references") }
        if a.text != b.text { out.append("text") }
        if a.leads != b.leads { out.append("leads") }
        if a.deliveryDate != b.deliveryDate { out.append("delivery date") }
        if a.revisions != b.revisions { out.append("revisions") }
        if a.rating != b.rating { out.append("rating") }
        if a.history != b.history { out.append("history") }
        if a.notes != b.notes { out.append("notes") }
        if moved { out.append("position") }
        return out
    }

    /// A theme's merged header (number, title, leads, narrative), or nil when it is deleted.
    private mutating func mergeThemeHeader(_ key: String, base: Theme?, ours: Theme?, theirs: Theme?) -> Theme? {
        func header(_ t: Theme?) -> Theme? {
            guard var t else { return nil }
            t.groups = []
            return t
        }
        let b = header(base)
        let o = header(ours)
        let t = header(theirs)
        let number = (o ?? t ?? b)?.number ?? 0
        let scope = MergeConflict.Scope.theme(number)
        guard let o, let t else {
            return presence(scope, "theme", base: b, ours: o, theirs: t, show: { "\($0.number) \($0.title)" })
        }
        var out = o
        out.title = pick(scope, "title", base: b?.title, ours: o.title, theirs: t.title, show: MergeText.text)
        out.leads = pick(scope, "leads", base: b?.leads, ours: o.leads, theirs: t.leads, show: MergeText.list)
        out.narrative = pick(
            scope, "narrative", base: b?.narrative, ours: o.narrative, theirs: t.narrative,
            show: { $0.map { "\($0.heading): \($0.text)" }.joined(separator: " / ") })
        return out
    }

    /// The actions placed in `place`, in order: ours, then theirs' others after the action they follow.
    private func actionOrder(
        in place: Place, ours: [String], theirs: [String], merged: [String: Placed]
    ) -> [String] {
        var seq = ours.filter { merged[$0]?.place == place }
        var placed = Set(seq)
        let inTheirs = Set(theirs)
        for (i, id) in theirs.enumerated() where merged[id]?.place == place && !placed.contains(id) {
            seq.insert(id, at: insertionIndex(after: theirs[..<i], in: seq, placed: placed, otherSide: inTheirs))
            placed.insert(id)
        }
        return seq
    }

    /// Keys in our order, with keys only they have inserted after the key they follow there.
    private func mergedOrder(ours: [String], theirs: [String]) -> [String] {
        var out = ours
        var present = Set(ours)
        let inTheirs = Set(theirs)
        for (i, k) in theirs.enumerated() where !present.contains(k) {
            out.insert(k, at: insertionIndex(after: theirs[..<i], in: out, placed: present, otherSide: inTheirs))
            present.insert(k)
        }
        return out
    }

    /// Where to insert an item that follows `before` on their side: after the nearest of those
    /// already in `seq`, and after any items there that only we have (so ours come first); else at the start.
    private func insertionIndex(
        after before: ArraySlice<String>, in seq: [String], placed: Set<String>, otherSide: Set<String>
    ) -> Int {
        var at = 0
        for k in before.reversed() where placed.contains(k) {
            if let idx = seq.firstIndex(of: k) {
                at = idx + 1
                break
            }
        }
        while at < seq.count && !otherSide.contains(seq[at]) { at += 1 }
        return at
    }
}
