/// An improvement action plan: its header, RAG key, officers register and themes of actions.
///
/// A value type: every edit produces a new plan, so undo is keeping old values
/// and saving never races with editing.
public struct Plan: Hashable, Sendable {
    /// The newest file format version this build reads and writes. A plan that uses nothing newer than
    /// version 1 (no own rating scale, recommendations, plan narrative, statuses or extra fields) is written as
    /// version 1, so older builds keep reading it.
    public static let schemaVersion = 2

    /// The plan's title.
    public var title: String
    /// The body that owns it, e.g. `London Borough of Barnet`.
    public var organisation: String
    /// The version/status line, e.g. `Final October 2018`.
    public var version: String
    /// The period it covers, e.g. `September 2018 – September 2019`.
    public var period: String
    /// The four rating definitions, verbatim from the document.
    public var ragKey: RAGKey
    /// The plan's own rating scale when it is not BRAG (see ``RatingScale``); nil for BRAG with ``ragKey``.
    public var scale: RatingScale?
    /// The recommendations the plan answers, in the document's order.
    public var recommendations: [Recommendation]
    /// Text of the plan outside its themes (introduction, governance), in order.
    public var narrative: [NarrativeBlock]
    /// The named officers, in the document's order.
    public var officers: [Officer]
    /// The themes, in order.
    public var themes: [Theme]
    /// Frozen reporting-cycle positions, oldest first.
    public var snapshots: [Snapshot]
    /// The measures of impact the board watches (a data dashboard), in order.
    public var measures: [Measure] = []

    /// A plan.
    public init(
        title: String, organisation: String = "", version: String = "", period: String = "",
        ragKey: RAGKey = .standard, scale: RatingScale? = nil, recommendations: [Recommendation] = [],
        narrative: [NarrativeBlock] = [], officers: [Officer] = [], themes: [Theme] = [], snapshots: [Snapshot] = []
    ) {
        self.title = title
        self.organisation = organisation
        self.version = version
        self.period = period
        self.ragKey = ragKey
        self.scale = scale
        self.recommendations = recommendations
        self.narrative = narrative
        self.officers = officers
        self.themes = themes
        self.snapshots = snapshots
    }

    /// Every action in plan order (themes, then groups, then actions).
    public var allActions: [Action] {
        var out: [Action] = []
        for t in themes { for g in t.groups { out.append(contentsOf: g.actions) } }
        return out
    }

    /// How many actions the plan has, counted without copying them as `allActions` does.
    public var actionCount: Int { themes.reduce(0) { $0 + $1.groups.reduce(0) { $0 + $1.actions.count } } }

    /// Every action with where it sits, in plan order.
    public var locatedActions: [LocatedAction] {
        var out: [LocatedAction] = []
        for (ti, t) in themes.enumerated() {
            for (gi, g) in t.groups.enumerated() {
                for (ai, a) in g.actions.enumerated() {
                    out.append(LocatedAction(action: a, path: ActionPath(theme: ti, group: gi, action: ai)))
                }
            }
        }
        return out
    }

    /// Where the action with `id` sits, or nil.
    public func path(of id: String) -> ActionPath? {
        for (ti, t) in themes.enumerated() {
            for (gi, g) in t.groups.enumerated() {
                if let ai = g.actions.firstIndex(where: { $0.id == id }) {
                    return ActionPath(theme: ti, group: gi, action: ai)
                }
            }
        }
        return nil
    }

    /// The action at `path`.
    public subscript(path: ActionPath) -> Action {
        get { themes[path.theme].groups[path.group].actions[path.action] }
        set { themes[path.theme].groups[path.group].actions[path.action] = newValue }
    }

    /// How `lead` resolves against the officers register: an officer's code (exactly, case-sensitive), a
    /// group (`All …`), a code-shaped lead not in the register (``isCodeShaped(_:)``), or else a name or
    /// role written in full (`Sarah D'Souza`, `Head of Service`).
    public func resolve(lead code: String) -> LeadResolution {
        let matches = officers.filter { $0.code == code }
        if matches.count == 1 { return .officer(matches[0]) }
        if matches.count > 1 { return .ambiguous(matches) }
        if Plan.isGroupLead(code) { return .group(code) }
        if Plan.isCodeShaped(code) { return .unknown(code) }
        return .name(code)
    }

    /// Whether a lead names a group of people (`All HoS`) rather than one officer.
    public static func isGroupLead(_ code: String) -> Bool {
        code.lowercased().hasPrefix("all ")
    }
}

/// The position of an action: indexes of its theme, group and place in the group.
public struct ActionPath: Hashable, Sendable, Comparable {
    /// Index into `Plan.themes`.
    public var theme: Int
    /// Index into `Theme.groups`.
    public var group: Int
    /// Index into `ActionGroup.actions`.
    public var action: Int

    /// A path.
    public init(theme: Int, group: Int, action: Int) {
        self.theme = theme
        self.group = group
        self.action = action
    }

    /// Plan order: by theme, then group, then place in the group.
    public static func < (a: ActionPath, b: ActionPath) -> Bool {
        (a.theme, a.group, a.action) < (b.theme, b.group, b.action)
    }
}

/// An action together with its path, as returned by queries.
public struct LocatedAction: Hashable, Sendable {
    /// The action.
    public var action: Action
    /// Where it sits.
    public var path: ActionPath
}

/// The four rating definitions of a plan.
public struct RAGKey: Hashable, Sendable {
    /// What Blue means.
    public var blue: String
    /// What Green means.
    public var green: String
    /// What Amber means.
    public var amber: String
    /// What Red means.
    public var red: String

    /// A key.
    public init(blue: String, green: String, amber: String, red: String) {
        self.blue = blue
        self.green = green
        self.amber = amber
        self.red = red
    }

    /// The definition of `rating`.
    public func definition(of rating: Rating) -> String {
        switch rating {
        case .blue: return blue
        case .green: return green
        case .amber: return amber
        case .red: return red
        }
    }

    /// The usual definitions, used when a document states none.
    public static let standard = RAGKey(
        blue: "Action completed",
        green: "Action on track to be completed in timescales",
        amber: "Action unlikely to meet timescales, but plan in place to deliver",
        red: "Action will not be delivered in timescales and no plan in place to mitigate")
}

/// A theme (priority) of the plan: number, title, leads, narrative and grouped actions.
public struct Theme: Hashable, Sendable {
    /// The theme's number, e.g. 3.
    public var number: Int
    /// The title, e.g. `Right Interventions, Right Time (Thresholds)`.
    public var title: String
    /// The theme leads as written (names).
    public var leads: [String]
    /// Narrative blocks (what do we need to fix / change / want to see), in order.
    public var narrative: [NarrativeBlock]
    /// Action groups in order; a group with no title holds ungrouped actions.
    public var groups: [ActionGroup]

    /// A theme.
    public init(
        number: Int, title: String, leads: [String] = [], narrative: [NarrativeBlock] = [],
        groups: [ActionGroup] = []
    ) {
        self.number = number
        self.title = title
        self.leads = leads
        self.narrative = narrative
        self.groups = groups
    }

    /// Every action of the theme, in order.
    public var actions: [Action] { groups.flatMap(\.actions) }
}

/// A heading and its text within a theme's narrative.
public struct NarrativeBlock: Hashable, Sendable {
    /// E.g. `What do we need to fix?`.
    public var heading: String
    /// The block's text; bullet lines keep their leading `- `.
    public var text: String

    /// A block.
    public init(heading: String, text: String) {
        self.heading = heading
        self.text = text
    }
}

/// A run of actions under a sub-heading such as `Effective MASH`; no title for ungrouped actions.
public struct ActionGroup: Hashable, Sendable {
    /// The sub-heading, or nil.
    public var title: String?
    /// The actions, in order.
    public var actions: [Action]

    /// A group.
    public init(title: String?, actions: [Action] = []) {
        self.title = title
        self.actions = actions
    }
}

/// The position of every action frozen at a reporting cycle (e.g. a committee date).
public struct Snapshot: Hashable, Sendable {
    /// The label, e.g. `November 2018 committee`.
    public var label: String
    /// The day the snapshot was taken ("as of").
    public var date: CalendarDay
    /// Each action's position, in plan order.
    public var actions: [SnapshotEntry]

    /// A snapshot.
    public init(label: String, date: CalendarDay, actions: [SnapshotEntry]) {
        self.label = label
        self.date = date
        self.actions = actions
    }
}

/// One action's frozen position in a snapshot.
public struct SnapshotEntry: Hashable, Sendable {
    /// The action's ID.
    public var id: String
    /// Its rating then.
    public var rating: Rating?
    /// Its deadline then.
    public var deadline: CalendarDay?
    /// Its latest note then.
    public var latestNote: String
    /// How many history entries, notes and revisions it had (to tell "not updated since").
    public var updates: Int

    /// An entry.
    public init(id: String, rating: Rating?, deadline: CalendarDay?, latestNote: String, updates: Int) {
        self.id = id
        self.rating = rating
        self.deadline = deadline
        self.latestNote = latestNote
        self.updates = updates
    }
}
