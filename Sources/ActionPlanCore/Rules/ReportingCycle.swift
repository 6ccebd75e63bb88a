/// Reporting cycles: the plan as it stood on a day, and snapshots that freeze it for the next report.
///
/// A council reports to a committee every few weeks, and each report has to say
/// what moved since the last one. A snapshot records, for every action, the
/// rating, deadline, latest note and number of updates on the day of a report, so
/// the next report can be compared with it even after the plan has moved on.
/// History is append-only, so the position on any earlier day can be rebuilt
/// from the file: a report or snapshot "as of" a past day leaves out rating
/// changes, date revisions and notes recorded after that day.
extension Plan {
    /// The plan as it stood at the end of `day`: later rating changes, date revisions and notes left out.
    ///
    /// Actions, texts and leads are kept as they are now (the file does not record
    /// when those were edited). A rating changed after `day` is rolled back to the
    /// rating the first later change started from.
    public func position(asOf day: CalendarDay) -> Plan {
        var out = self
        for ti in out.themes.indices {
            for gi in out.themes[ti].groups.indices {
                for ai in out.themes[ti].groups[gi].actions.indices {
                    let a = out.themes[ti].groups[gi].actions[ai]
                    if a.hasEntries(after: day) {
                        out.themes[ti].groups[gi].actions[ai] = a.position(asOf: day)
                    }
                }
            }
        }
        return out
    }

    /// Freezes every action's position on `day` under `label` and keeps it in the plan, oldest first.
    ///
    /// Labels are unique (a report names the snapshot it compares with), so a
    /// label already used, or an empty one, is an error naming `--label`.
    @discardableResult
    public mutating func takeSnapshot(label: String, asOf day: CalendarDay) throws -> Snapshot {
        let label = DeliveryDate.normalise(label)
        if label.isEmpty {
            throw PlanError(path: "--label", message: "the snapshot needs a label, e.g. \"November 2018 committee\"")
        }
        if let existing = snapshot(labelled: label) {
            throw PlanError(
                path: "--label",
                message: "a snapshot labelled \"\(label)\" already exists (taken as of \(existing.date)); "
                    + "labels must be unique")
        }
        let now = position(asOf: day)
        let entries = now.allActions.map { a in
            SnapshotEntry(
                id: a.id, rating: a.rating, deadline: a.deadline, latestNote: a.latestNote?.text ?? "",
                updates: a.updateCount)
        }
        let s = Snapshot(label: label, date: day, actions: entries)
        let at = snapshots.lastIndex(where: { $0.date <= day }).map { $0 + 1 } ?? 0
        snapshots.insert(s, at: at)
        return s
    }

    /// The snapshot labelled `label` (compared after collapsing white space), or nil.
    public func snapshot(labelled label: String) -> Snapshot? {
        let key = DeliveryDate.normalise(label)
        return snapshots.first { DeliveryDate.normalise($0.label) == key }
    }

    /// The latest snapshot taken strictly before `day`, or nil.
    ///
    /// Strictly before, so a report re-run on the day its own snapshot was taken
    /// still compares with the previous cycle rather than with itself.
    public func latestSnapshot(before day: CalendarDay) -> Snapshot? {
        var best: Snapshot?
        for s in snapshots where s.date < day {
            if best == nil || s.date >= best!.date { best = s }
        }
        return best
    }
}

extension Action {
    /// How many rating changes, progress notes and date revisions the action has.
    ///
    /// Snapshots keep this number; an action whose number has not grown since the
    /// last snapshot has not been updated since the last report.
    public var updateCount: Int { history.count + notes.count + revisions.count }

    /// Whether any rating change, note or revision is dated after `day`.
    func hasEntries(after day: CalendarDay) -> Bool {
        history.contains { $0.date > day } || notes.contains { $0.date > day } || revisions.contains { $0.on > day }
    }

    /// The action as it stood at the end of `day` (see `Plan.position(asOf:)`).
    ///
    /// Entries are kept in the order they were appended, up to the first one dated after `day`.
    public func position(asOf day: CalendarDay) -> Action {
        var a = self
        if let i = history.firstIndex(where: { $0.date > day }) {
            a.rating = history[i].from
            a.history = Array(history[..<i])
        }
        if let i = notes.firstIndex(where: { $0.date > day }) { a.notes = Array(notes[..<i]) }
        if let i = revisions.firstIndex(where: { $0.on > day }) { a.revisions = Array(revisions[..<i]) }
        return a
    }
}

/// Lists a plan's snapshots as a table, TSV or JSON (`actionplan snapshots`).
public enum SnapshotListing {
    /// The snapshots of `plan`, oldest first, with their counts by rating, in `format`.
    public static func render(_ plan: Plan, format: ActionListing.Format) -> String {
        struct Row {
            var label: String
            var date: CalendarDay
            var counts: RatingCounts
            /// B, G, A, R and unrated, in column order.
            var byRating: [Int] { [counts.blue, counts.green, counts.amber, counts.red, counts.unrated] }
        }
        let rows = plan.snapshots.map { s in
            Row(label: s.label, date: s.date, counts: RatingCounts.of(ratings: s.actions.lazy.map(\.rating)))
        }
        switch format {
        case .tsv:
            var out = "label\tdate\tactions\tblue\tgreen\tamber\tred\tunrated\n"
            for r in rows {
                out +=
                    ([ActionListing.tsvCell(r.label), r.date.description, String(r.counts.total)]
                    + r.byRating.map(String.init))
                    .joined(separator: "\t") + "\n"
            }
            return out
        case .json:
            var w = JSONWriter()
            w.array(rows) { w, r in
                w.object { w in
                    w.field("label", r.label)
                    w.field("date", r.date.description)
                    w.field("actions", r.counts.total)
                    w.field("blue", r.counts.blue)
                    w.field("green", r.counts.green)
                    w.field("amber", r.counts.amber)
                    w.field("red", r.counts.red)
                    w.field("unrated", r.counts.unrated)
                }
            }
            w.finish()
            return String(decoding: w.bytes, as: UTF8.self)
        case .table:
            if rows.isEmpty {
                return "(no snapshots: take one with `actionplan snapshot PLAN --label \"November 2018 committee\"`)\n"
            }
            var out =
                DisplayWidth.pad("DATE", to: 11) + DisplayWidth.pad("LABEL", to: 36)
                + "ACTIONS   B   G   A   R   ·\n"
            for r in rows {
                out += DisplayWidth.pad(r.date.description, to: 11)
                out += DisplayWidth.pad(TerminalSafe.escape(r.label), to: 35) + " "
                out += DisplayWidth.pad(String(r.counts.total), to: 7, alignRight: true)
                for v in r.byRating { out += DisplayWidth.pad(String(v), to: 4, alignRight: true) }
                out += "\n"
            }
            return out
        }
    }
}
