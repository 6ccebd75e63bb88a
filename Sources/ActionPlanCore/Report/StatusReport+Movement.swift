/// What moved since the comparison snapshot: the movement lists and how they are computed.
extension StatusReport {
    /// One action in a movement list.
    public struct MovementItem: Hashable, Sendable {
        /// The action's ID.
        public var id: String
        /// Its theme's number (nil for a removed action).
        public var themeNumber: Int?
        /// Its text (empty for a removed action: the snapshot keeps no text).
        public var text: String
        /// Its leads' names.
        public var leadNames: [String]
        /// Its rating in the snapshot (nil when unrated or new).
        public var before: Rating?
        /// Its rating now (nil when unrated or removed).
        public var after: Rating?
        /// Its deadline in the snapshot.
        public var deadlineBefore: CalendarDay?
        /// Its deadline now.
        public var deadlineAfter: CalendarDay?
        /// When it changed: the rating change, completion, revision or last update (nil if never).
        public var date: CalendarDay?
        /// For a newly Blue action completed after its deadline: how many days late.
        public var daysLate: Int?
        /// The note explaining it (the rating change's note, the revision's reason, or the latest note).
        public var note: String
    }

    /// One kind of movement, with its title and the rule that puts an action in it.
    public struct MovementSection: Hashable, Sendable {
        /// A stable key for JSON, e.g. `ratingUp`.
        public var key: String
        /// The heading, e.g. `Rating moved up`.
        public var title: String
        /// The rule, in one sentence, for the reader.
        public var rule: String
        /// The actions, in plan order.
        public var items: [MovementItem]
    }

    /// What moved between the comparison snapshot and the report's day.
    public struct Movement: Hashable, Sendable {
        /// Actions in the plan now that the snapshot does not have.
        public var added: [MovementItem] = []
        /// Actions in the snapshot that the plan no longer has.
        public var removed: [MovementItem] = []
        /// Actions Blue now that were not Blue in the snapshot; `daysLate` set when delivered after the deadline.
        public var completed: [MovementItem] = []
        /// Ratings that improved (Red → Amber → Green), not counting newly Blue.
        public var ratingUp: [MovementItem] = []
        /// Ratings that worsened (towards Red, or Blue reopened).
        public var ratingDown: [MovementItem] = []
        /// Ratings set for the first time or cleared.
        public var ratingSetOrCleared: [MovementItem] = []
        /// Actions whose deadline differs from the snapshot's.
        public var deadlinesRevised: [MovementItem] = []
        /// Actions not Blue with no rating change, note or date revision since the snapshot.
        public var notUpdated: [MovementItem] = []

        /// The movement lists in report order, each with its title and rule.
        public var sections: [MovementSection] {
            [
                MovementSection(
                    key: "new", title: "New actions", rule: "In the plan now but not in the snapshot.", items: added),
                MovementSection(
                    key: "removed", title: "Removed actions", rule: "In the snapshot but no longer in the plan.",
                    items: removed),
                MovementSection(
                    key: "completed", title: "Newly Blue (completed)",
                    rule: "Blue now, not Blue in the snapshot; marked late when completed after the deadline.",
                    items: completed),
                MovementSection(
                    key: "ratingUp", title: "Rating moved up",
                    rule: "Rating improved (Red → Amber → Green); newly Blue actions are listed above.", items: ratingUp
                ),
                MovementSection(
                    key: "ratingDown", title: "Rating moved down",
                    rule: "Rating worsened (towards Red, or no longer Blue).", items: ratingDown),
                MovementSection(
                    key: "ratingSetOrCleared", title: "Rating set or cleared",
                    rule: "Rated for the first time, or the rating was removed.", items: ratingSetOrCleared),
                MovementSection(
                    key: "deadlinesRevised", title: "Deadlines revised",
                    rule: "The deadline in force differs from the snapshot's.", items: deadlinesRevised),
                MovementSection(
                    key: "notUpdated", title: "Not updated since the last report",
                    rule: "Not Blue, and no rating change, progress note or date revision since the snapshot.",
                    items: notUpdated),
            ]
        }
    }

    private func item(_ a: Action, theme: Int?, entry: SnapshotEntry?) -> MovementItem {
        MovementItem(
            id: a.id, themeNumber: theme, text: a.text, leadNames: leadNames(of: a), before: entry?.rating,
            after: a.rating, deadlineBefore: entry?.deadline, deadlineAfter: a.deadline, date: nil, daysLate: nil,
            note: a.latestNote?.text ?? "")
    }

    /// Fills `movement`, and each theme's and the total's change, against `snapshot` in one pass over the plan.
    mutating func computeMovement(_ snapshot: Snapshot) {
        var m = Movement()
        var entries: [String: SnapshotEntry] = [:]
        entries.reserveCapacity(snapshot.actions.count)
        for e in snapshot.actions where entries[e.id] == nil { entries[e.id] = e }
        var present = Set<String>()
        present.reserveCapacity(entries.count)
        var totalUp = 0
        var totalDown = 0
        for (ti, t) in plan.themes.enumerated() {
            var up = 0
            var down = 0
            var then = RatingCounts()
            for a in t.actions {
                present.insert(a.id)
                guard let e = entries[a.id] else {
                    var i = item(a, theme: t.number, entry: nil)
                    i.date = a.lastUpdated
                    m.added.append(i)
                    continue
                }
                then.add(rating: e.rating)
                if a.rating != e.rating {
                    var i = item(a, theme: t.number, entry: e)
                    if let h = a.history.last {
                        i.date = h.date
                        i.note = h.note
                    }
                    if a.rating == .blue {
                        let done = a.history.last(where: { $0.to == .blue })?.date
                        i.date = done
                        if let done, let d = a.deadline, done > d { i.daysLate = d.days(until: done) }
                        m.completed.append(i)
                        up += 1
                    } else if let before = e.rating, let after = a.rating {
                        if after.severity < before.severity {
                            m.ratingUp.append(i)
                            up += 1
                        } else {
                            m.ratingDown.append(i)
                            down += 1
                        }
                    } else {
                        m.ratingSetOrCleared.append(i)
                    }
                }
                if a.deadline != e.deadline {
                    var i = item(a, theme: t.number, entry: e)
                    if let r = a.revisions.last {
                        i.date = r.on
                        i.note = r.reason
                    }
                    m.deadlinesRevised.append(i)
                }
                if a.isNotUpdated(since: e) {
                    var i = item(a, theme: t.number, entry: e)
                    i.date = a.lastUpdated
                    m.notUpdated.append(i)
                }
            }
            themes[ti].change = Change(now: themes[ti].counts, then: then, movedUp: up, movedDown: down)
            totalUp += up
            totalDown += down
        }
        for e in snapshot.actions where !present.contains(e.id) {
            present.insert(e.id)
            m.removed.append(
                MovementItem(
                    id: e.id, themeNumber: nil, text: "", leadNames: [], before: e.rating, after: nil,
                    deadlineBefore: e.deadline, deadlineAfter: nil, date: nil, daysLate: nil, note: e.latestNote))
        }
        let then = RatingCounts.of(ratings: snapshot.actions.lazy.map(\.rating))
        total.change = Change(now: total.counts, then: then, movedUp: totalUp, movedDown: totalDown)
        movement = m
    }
}
