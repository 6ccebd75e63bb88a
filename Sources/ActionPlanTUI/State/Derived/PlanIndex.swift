import ActionPlanCore

/// Flat arrays of what views need about every action (deadline, rating, leads), in plan order.
///
/// Filtering, sorting and counting 100,000 actions by walking `Plan` values
/// (copying each `Action`, parsing each date) costs tens of milliseconds; the
/// same work over these arrays of integers costs a few. The index is built once
/// per plan and updated in place for the one-action changes edits make
/// (see ``PlanChange``). ``matches(_:_:asOf:)`` is `ActionFilter.matches` over
/// these arrays; a test checks the two agree.
public struct PlanIndex: Sendable {
    /// Each action's path, in plan order (the "global index" of an action is its position here).
    public private(set) var paths: [ActionPath] = []
    /// Each action's deadline as `CalendarDay.ordinal`, or `Int.max` for none.
    private(set) var deadlines: [Int] = []
    /// Each action's rating severity (Blue 0 … Red 3), or -1 for unrated.
    private(set) var ratings: [Int8] = []
    /// Each action's interned lead list (an index into `leadSets`).
    private(set) var leadSetOf: [Int32] = []
    /// Each action's ID width in columns.
    private var idWidths: [Int] = []
    /// The distinct lead lists, lowercased.
    private(set) var leadSets: [[String]] = []
    private var leadSetIDs: [[String]: Int32] = [:]
    /// The global index of the first action of each group, by theme then group.
    private(set) var groupStart: [[Int]] = []
    /// Whether each group has a title (shown as a heading).
    public private(set) var groupTitled: [[Bool]] = []
    /// Each theme's number.
    public private(set) var themeNumbers: [Int] = []
    /// The widest action ID, in columns.
    public private(set) var idWidth = 0

    /// An empty index.
    public init() {}

    /// The index of `plan`.
    public init(_ plan: Plan) {
        rebuild(plan)
    }

    /// How many actions the plan has.
    public var count: Int { paths.count }

    private mutating func rebuild(_ plan: Plan) {
        self = PlanIndex()
        var n = 0
        for t in plan.themes {
            var starts: [Int] = []
            var titled: [Bool] = []
            for g in t.groups {
                starts.append(n)
                titled.append(g.title != nil)
                n += g.actions.count
            }
            groupStart.append(starts)
            groupTitled.append(titled)
            themeNumbers.append(t.number)
        }
        paths.reserveCapacity(n)
        deadlines.reserveCapacity(n)
        ratings.reserveCapacity(n)
        leadSetOf.reserveCapacity(n)
        idWidths.reserveCapacity(n)
        for (ti, t) in plan.themes.enumerated() {
            for (gi, g) in t.groups.enumerated() {
                for ai in g.actions.indices {
                    paths.append(ActionPath(theme: ti, group: gi, action: ai))
                    let (d, r, l, w) = fields(of: g.actions[ai])
                    deadlines.append(d)
                    ratings.append(r)
                    leadSetOf.append(l)
                    idWidths.append(w)
                }
            }
        }
        idWidth = idWidths.max() ?? 0
    }

    /// What the index keeps of action `a`: its deadline (parsed once, by the action itself), rating, leads
    /// and ID width.
    private mutating func fields(of a: Action) -> (Int, Int8, Int32, Int) {
        let deadline = a.deadline?.ordinal ?? Int.max
        let rating = a.rating.map { Int8($0.severity) } ?? -1
        let leads = a.leads.map { $0.lowercased() }
        let set: Int32
        if let known = leadSetIDs[leads] {
            set = known
        } else {
            set = Int32(leadSets.count)
            leadSets.append(leads)
            leadSetIDs[leads] = set
        }
        return (deadline, rating, set, DisplayWidth.of(SafeText.line(a.id)))
    }

    /// The global index of the action at `path` (which must exist in the indexed plan).
    public func index(of path: ActionPath) -> Int {
        groupStart[path.theme][path.group] + path.action
    }

    /// The global indexes of the actions of group `group` of theme `theme`.
    public func range(theme: Int, group: Int) -> Range<Int> {
        let start = groupStart[theme][group]
        if group + 1 < groupStart[theme].count { return start..<groupStart[theme][group + 1] }
        for t in (theme + 1)..<groupStart.count {
            if let first = groupStart[t].first { return start..<first }
        }
        return start..<paths.count
    }

    /// Brings the index from the plan before `change` to `plan`, the plan after it.
    public mutating func apply(_ change: PlanChange, newPlan plan: Plan) {
        switch change {
        case .unknown:
            rebuild(plan)
        case .action(let p):
            guard plan.themes.count == themeNumbers.count, p.theme < groupStart.count,
                p.group < groupStart[p.theme].count
            else { return rebuild(plan) }
            let i = index(of: p)
            let (d, r, l, w) = fields(of: plan[p])
            deadlines[i] = d
            ratings[i] = r
            leadSetOf[i] = l
            let old = idWidths[i]
            idWidths[i] = w
            if w > idWidth { idWidth = w } else if old == idWidth && w < old { idWidth = idWidths.max() ?? 0 }
        case .inserted(let p):
            guard p.theme < groupStart.count, p.group < groupStart[p.theme].count else {
                return rebuild(plan)
            }
            let i = index(of: p)
            let (d, r, l, w) = fields(of: plan[p])
            paths.insert(p, at: i)
            deadlines.insert(d, at: i)
            ratings.insert(r, at: i)
            leadSetOf.insert(l, at: i)
            idWidths.insert(w, at: i)
            idWidth = max(idWidth, w)
            shift(after: p, by: 1, from: i + 1)
        case .removed(let p):
            guard p.theme < groupStart.count, p.group < groupStart[p.theme].count else {
                return rebuild(plan)
            }
            let i = index(of: p)
            paths.remove(at: i)
            deadlines.remove(at: i)
            ratings.remove(at: i)
            leadSetOf.remove(at: i)
            let w = idWidths.remove(at: i)
            if w == idWidth { idWidth = idWidths.max() ?? 0 }
            shift(after: p, by: -1, from: i)
        }
    }

    /// After inserting or removing at `p`: later actions of the group move by `delta`, later groups start later.
    private mutating func shift(after p: ActionPath, by delta: Int, from i: Int) {
        var k = i
        while k < paths.count, paths[k].theme == p.theme, paths[k].group == p.group {
            paths[k].action += delta
            k += 1
        }
        for ti in p.theme..<groupStart.count {
            for gi in groupStart[ti].indices where ti > p.theme || gi > p.group {
                groupStart[ti][gi] += delta
            }
        }
    }

    // MARK: Queries

    /// Days action `i` is overdue on the day with ordinal `today`, or nil (as `Action.daysOverdue`).
    public func daysOverdue(_ i: Int, today: Int) -> Int? {
        let d = deadlines[i]
        guard ratings[i] != 0, d != Int.max, d < today else { return nil }
        return today - d
    }

    /// The rating of action `i`.
    public func rating(_ i: Int) -> Rating? {
        switch ratings[i] {
        case 0: return .blue
        case 1: return .green
        case 2: return .amber
        case 3: return .red
        default: return nil
        }
    }

    /// The lead codes of action `i`, lowercased.
    public func leads(_ i: Int) -> [String] { leadSets[Int(leadSetOf[i])] }

    /// The deadline of action `i` as `CalendarDay.ordinal`, or nil.
    public func deadline(_ i: Int) -> Int? { deadlines[i] == Int.max ? nil : deadlines[i] }

    /// Adds action `i` to `counts` as `RatingCounts.add` would.
    public func add(_ i: Int, to counts: inout RatingCounts, today: Int) {
        counts.total += 1
        switch ratings[i] {
        case 0: counts.blue += 1
        case 1: counts.green += 1
        case 2: counts.amber += 1
        case 3: counts.red += 1
        default: counts.unrated += 1
        }
        if daysOverdue(i, today: today) != nil { counts.overdue += 1 }
    }

    /// A filter prepared for fast matching (the lead compared once per distinct lead list).
    public struct PreparedFilter {
        let filter: ActionFilter
        let leadSetMatches: [Bool]?
        let ratingAllowed: [Bool]?
    }

    /// `filter` prepared for ``matches(_:_:today:)``.
    public func prepare(_ filter: ActionFilter) -> PreparedFilter {
        let leads = filter.lead.map { lead -> [Bool] in
            let l = lead.lowercased()
            return leadSets.map { $0.contains(l) }
        }
        let ratings = filter.ratings.map { set -> [Bool] in
            (0...4).map { i in i == 4 ? filter.includeUnrated : set.contains { $0.severity == i } }
        }
        return PreparedFilter(filter: filter, leadSetMatches: leads, ratingAllowed: ratings)
    }

    /// Whether action `i` passes the filter on the day with ordinal `today`, exactly as `ActionFilter.matches`.
    public func matches(_ f: PreparedFilter, _ i: Int, today: Int) -> Bool {
        if let theme = f.filter.theme, themeNumbers[paths[i].theme] != theme { return false }
        if let leads = f.leadSetMatches, !leads[Int(leadSetOf[i])] { return false }
        if let allowed = f.ratingAllowed {
            let r = ratings[i]
            if !allowed[r < 0 ? 4 : Int(r)] { return false }
        }
        if f.filter.overdueOnly && daysOverdue(i, today: today) == nil { return false }
        if let within = f.filter.dueWithin {
            let d = deadlines[i]
            guard ratings[i] != 0, d != Int.max, d >= today, d - today <= within else { return false }
        }
        return true
    }

    /// The paths of the actions with global indexes `items` (in plan order) sorted by `sort`, ties in plan order.
    public func paths(of items: [Int], sortedBy sort: SortOrder) -> [ActionPath] {
        let keys: [Int]
        switch sort {
        case .plan: return items.map { paths[$0] }
        case .deadline:
            // Days after the earliest deadline; actions without one after every day.
            var earliest = Int.max
            var latest = Int.min
            for i in items where deadlines[i] != Int.max {
                earliest = min(earliest, deadlines[i])
                latest = max(latest, deadlines[i])
            }
            let none = earliest == Int.max ? 0 : latest - earliest + 1
            keys = items.map { deadlines[$0] == Int.max ? none : deadlines[$0] - earliest }
        case .severity: keys = items.map { ratings[$0] < 0 ? 4 : 3 - Int(ratings[$0]) }
        case .lead:
            // Rank each distinct first lead once; no lead sorts last.
            let firsts = leadSets.map { $0.first }
            let order = Set(firsts.compactMap { $0 }).sorted()
            let rankOf = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
            let ranks = firsts.map { $0.map { rankOf[$0]! } ?? order.count }
            keys = items.map { ranks[Int(leadSetOf[$0])] }
        }
        return StableKeySort.order(keys).map { paths[items[$0]] }
    }
}
