/// One action of an improvement plan: what will be done, by whom, by when, and how it is going.
///
/// The delivery date is kept as written; the deadline is derived from it (and
/// from the latest date revision) by the deadline rules, so the file can never
/// hold a deadline that disagrees with its text.
public struct Action: Hashable, Sendable {
    /// The action's ID, unique within the plan, e.g. `1c(iii)`.
    public var id: String
    /// IDs of the previous plan this action continues, e.g. `2c(iii)`, `T6`.
    public var crossReferences: [String]
    /// The action text.
    public var text: String
    /// The leads as written: codes (`BJ`, `TMcE`), group leads (`All HoS`) or names and roles
    /// (`Sarah D'Souza`, `Head of Service`); see ``Plan/resolve(lead:)``.
    public var leads: [String]
    /// The date of delivery as written in the plan (`March 2019`, `Ongoing`).
    public var deliveryDate: String { didSet { currentDelivery = Action.current(deliveryDate, revisions) } }
    /// Revisions of the delivery date, oldest first; the original is never lost.
    public var revisions: [DateRevision] { didSet { currentDelivery = Action.current(deliveryDate, revisions) } }
    /// The delivery date in force, parsed: the latest revision's, else the original.
    ///
    /// Kept up to date whenever the date or revisions change, so that sorting and
    /// filtering 100,000 actions by deadline never re-parses dates.
    public private(set) var currentDelivery: DeliveryDate
    /// The current rating; nil when unrated.
    public var rating: Rating?
    /// The status as the plan writes it (`On track`, `Yellow`, `Achieved`), or empty when the rating's name
    /// says it all. Kept verbatim from an import; set to the scale level's name when rated in the tool.
    public var status: String
    /// Columns of the plan with no place of their own (`Success measure`, `Progress update`…), in order.
    public var fields: [ActionField]
    /// Every rating change, oldest first (append-only).
    public var history: [RatingChange]
    /// Dated progress notes, oldest first.
    public var notes: [ProgressNote]

    /// An action.
    public init(
        id: String, crossReferences: [String] = [], text: String, leads: [String] = [],
        deliveryDate: String = "", revisions: [DateRevision] = [], rating: Rating? = nil, status: String = "",
        fields: [ActionField] = [], history: [RatingChange] = [], notes: [ProgressNote] = []
    ) {
        self.id = id
        self.crossReferences = crossReferences
        self.text = text
        self.leads = leads
        self.deliveryDate = deliveryDate
        self.revisions = revisions
        self.currentDelivery = Action.current(deliveryDate, revisions)
        self.rating = rating
        self.status = status
        self.fields = fields
        self.history = history
        self.notes = notes
    }

    /// The original delivery date, parsed.
    public var originalDelivery: DeliveryDate { DeliveryDate.parse(deliveryDate) }

    private static func current(_ original: String, _ revisions: [DateRevision]) -> DeliveryDate {
        DeliveryDate.parse(revisions.last?.date ?? original)
    }

    /// The current deadline (a revised date replaces the original), or nil.
    public var deadline: CalendarDay? { currentDelivery.deadline }

    /// Days overdue on `today`: `today − deadline` when there is a deadline before
    /// `today` and the action is not Blue; else nil. Due today is not overdue.
    public func daysOverdue(asOf today: CalendarDay) -> Int? {
        guard Action.isOverdue(deadline: deadline, rating: rating, asOf: today), let d = deadline else { return nil }
        return d.days(until: today)
    }

    /// Whether an action with `deadline` and `rating` is overdue on `today` (the rule of
    /// ``daysOverdue(asOf:)``, for readers that know only those two).
    public static func isOverdue(deadline: CalendarDay?, rating: Rating?, asOf today: CalendarDay) -> Bool {
        guard rating != .blue, let d = deadline else { return false }
        return d < today
    }

    /// The newest explanation of the action's state: the latest rating note or progress note.
    public var latestNote: (date: CalendarDay, text: String)? {
        let h = history.last.map { (date: $0.date, text: $0.note) }
        let n = notes.last.map { (date: $0.date, text: $0.text) }
        switch (h, n) {
        case (nil, nil): return nil
        case (let a?, nil): return a
        case (nil, let b?): return b
        case (let a?, let b?): return b.date > a.date ? b : a
        }
    }

    /// The day of the last rating change, progress note or date revision.
    public var lastUpdated: CalendarDay? {
        [history.last?.date, notes.last?.date, revisions.last?.on].compactMap { $0 }.max()
    }
}

/// One change of rating, recorded with when, by whom and why.
public struct RatingChange: Hashable, Sendable {
    /// The day of the change.
    public var date: CalendarDay
    /// The rating before (nil = unrated).
    public var from: Rating?
    /// The rating after (nil = unrated).
    public var to: Rating?
    /// Who made it (a lead code or user name).
    public var by: String
    /// Why: required, because a committee asks.
    public var note: String
    /// The status the change set, when the plan rates with its own words (`Yellow`); empty for BRAG.
    public var status: String

    /// A rating change.
    public init(date: CalendarDay, from: Rating?, to: Rating?, by: String, note: String, status: String = "") {
        self.date = date
        self.from = from
        self.to = to
        self.by = by
        self.note = note
        self.status = status
    }
}

/// A revision of an action's delivery date: the new date as written, when, by whom and why.
public struct DateRevision: Hashable, Sendable {
    /// The revised date of delivery as written (parsed by the same rules).
    public var date: String
    /// The day the revision was made.
    public var on: CalendarDay
    /// Who revised it.
    public var by: String
    /// Why it was revised.
    public var reason: String

    /// A date revision.
    public init(date: String, on: CalendarDay, by: String, reason: String) {
        self.date = date
        self.on = on
        self.by = by
        self.reason = reason
    }
}

/// A dated free-text progress note.
public struct ProgressNote: Hashable, Sendable {
    /// The day it was written.
    public var date: CalendarDay
    /// Who wrote it (may be empty).
    public var by: String
    /// The note.
    public var text: String

    /// A progress note.
    public init(date: CalendarDay, by: String = "", text: String) {
        self.date = date
        self.by = by
        self.text = text
    }
}
