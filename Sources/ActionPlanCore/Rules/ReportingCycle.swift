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
        let label = Whitespace.collapse(label)
        if label.isEmpty {
            throw PlanError(
                .invalidValue, path: "--label", message: "the snapshot needs a label, e.g. \"November 2018 committee\"")
        }
        if let existing = snapshot(labelled: label) {
            throw PlanError(
                .alreadyExists,
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
        let key = Whitespace.collapse(label)
        return snapshots.first { Whitespace.collapse($0.label) == key }
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

    /// Whether the action is not Blue and has had no rating change, note or revision since `entry` (its
    /// position in a snapshot) was taken: the one "not updated since the last report" rule.
    public func isNotUpdated(since entry: SnapshotEntry) -> Bool {
        rating != .blue && updateCount <= entry.updates
    }

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
