import ActionPlanCore

/// The detail pane's content for the selected row, as styled lines wrapped to the pane's width.
///
/// For an action: its full text, cross-references, leads resolved to names and
/// roles, the delivery date as written and the deadline it gives, revisions with
/// reasons, the rating history and progress notes. For a heading: the theme's
/// leads, counts and narrative, or the group's counts.
enum DetailLines {
    static let labelWidth = 11

    /// The lines for `state`'s selected row at `width` columns.
    static func lines(_ state: AppState, width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        switch state.selectedItem {
        case .action(let p)?: return action(state, p, width: width)
        case .theme(let t)?: return theme(state, t, width: width)
        case .group(let t, let g)?: return group(state, t, g, width: width)
        case nil:
            return StyledLine.wrapped("Nothing to show: this view has no actions. Press a to show all.", width: width)
        }
    }

    static func themeHeading(_ t: Theme) -> String { "Theme \(t.number): " + SafeText.line(t.title) }

    /// An action's lines: heading, text, leads, dates, rating, the plan's other columns, history and notes.
    static func action(_ state: AppState, _ p: ActionPath, width: Int) -> [StyledLine] {
        let plan = state.plan
        let a = plan[p]
        var out = heading(a, at: p, in: plan, width: width) + leads(a, in: plan, width: width)
        out += dates(a, state: state, width: width) + rating(a, in: plan, width: width) + fields(a, width: width)
        out += recommendations(a, in: plan, width: width) + measures(a, in: plan, width: width)
        return out + history(a, width: width)
    }

    /// `label` in the label column, then `text` wrapped beside it.
    static func labelled(_ label: String, _ text: String, width: Int, style: Style = .plain) -> [StyledLine] {
        StyledLine.labelled(label, text, width: width, labelWidth: labelWidth, style: style)
    }

    /// Badge, ID and rating; the theme and group; the actions it continues; the text.
    static func heading(_ a: Action, at p: ActionPath, in plan: Plan, width: Int) -> [StyledLine] {
        let t = plan.themes[p.theme]
        var head = StyledLine()
        let level = plan.level(of: a)
        head.append(" \(level.map { SafeText.line($0.letter) } ?? a.rating.badgeLetter) ", UIStyle.badge(a.rating))
        head.append(" ")
        head.append(SafeText.line(a.id), .strong)
        head.append("  ")
        head.append(level.map { SafeText.line($0.name) } ?? "Unrated", UIStyle.letter(a.rating))
        var out = [head]
        var place = "\(t.number) " + SafeText.line(t.title)
        if let g = t.groups[p.group].title { place += " › " + SafeText.line(g) }
        out += labelled("Theme", place, width: width)
        if !a.crossReferences.isEmpty {
            out += labelled("Continues", a.crossReferences.map(SafeText.line).joined(separator: ", "), width: width)
        }
        out.append(StyledLine())
        out += StyledLine.wrapped(SafeText.block(a.text), width: width)
        out.append(StyledLine())
        return out
    }

    /// The leads, resolved against the officers register.
    static func leads(_ a: Action, in plan: Plan, width: Int) -> [StyledLine] {
        if a.leads.isEmpty { return labelled("Leads", "none given", width: width, style: UIStyle.warning) }
        var out: [StyledLine] = []
        for (i, code) in a.leads.enumerated() {
            let label = i == 0 ? (a.leads.count == 1 ? "Lead" : "Leads") : ""
            let (text, style) = describe(lead: code, in: plan)
            out += labelled(label, text, width: width, style: style)
        }
        return out
    }

    /// The delivery date as written, its revisions and the deadline they give.
    static func dates(_ a: Action, state: AppState, width: Int) -> [StyledLine] {
        let written = a.deliveryDate.isEmpty ? "(blank)" : SafeText.line(a.deliveryDate)
        var out = labelled(
            "Delivery", written + (a.revisions.isEmpty ? " (as written)" : " (as first written)"), width: width)
        for r in a.revisions {
            var s = "to " + SafeText.line(r.date) + " on \(r.on.humanDescription)"
            if !r.by.isEmpty { s += " by " + SafeText.line(r.by) }
            if !r.reason.isEmpty { s += ": " + SafeText.line(r.reason) }
            out += labelled("Revised", s, width: width)
        }
        let (deadlineText, deadlineStyle) = deadline(a, state: state)
        out += labelled("Deadline", deadlineText, width: width, style: deadlineStyle)
        return out
    }

    /// The rating: the plan's level, what it counts as, the status as written, and the level's definition.
    static func rating(_ a: Action, in plan: Plan, width: Int) -> [StyledLine] {
        guard let level = plan.level(of: a), let r = a.rating else {
            let text = a.status.isEmpty ? "unrated" : "unrated, written \"" + SafeText.line(a.status) + "\""
            return labelled("Rating", text, width: width)
        }
        var s = SafeText.line(level.name) + (level.name == r.name ? "" : " (counts as \(r.name))")
        if !a.status.isEmpty && a.status.lowercased() != level.name.lowercased() {
            s += ", written \"" + SafeText.line(a.status) + "\""
        }
        return labelled("Rating", s + ": " + SafeText.line(level.definition), width: width)
    }

    /// Columns of the plan with no place of their own, by name.
    static func fields(_ a: Action, width: Int) -> [StyledLine] {
        a.fields.flatMap { StyledLine.wrapped(SafeText.line($0.name) + ": " + SafeText.block($0.value), width: width) }
    }

    /// The rating history and the progress notes.
    static func history(_ a: Action, width: Int) -> [StyledLine] {
        var out = [StyledLine(), StyledLine("Rating history", UIStyle.label)]
        if a.history.isEmpty { out += StyledLine.wrapped("none yet", width: width, indent: 2, style: UIStyle.muted) }
        for h in a.history {
            var s = "\(h.date.humanDescription)  \(h.from.badgeLetter) → \(h.to.badgeLetter)"
            if !h.by.isEmpty { s += "  by " + SafeText.line(h.by) }
            s += ": " + SafeText.line(h.note)
            out += StyledLine.wrapped(s, width: width, indent: 2)
        }
        out.append(StyledLine("Progress notes", UIStyle.label))
        if a.notes.isEmpty { out += StyledLine.wrapped("none yet", width: width, indent: 2, style: UIStyle.muted) }
        for n in a.notes {
            var s = n.date.humanDescription
            if !n.by.isEmpty { s += "  " + SafeText.line(n.by) }
            s += ": " + SafeText.block(n.text)
            out += StyledLine.wrapped(s, width: width, indent: 2)
        }
        return out
    }

    /// A lead as `BT — Name, Role`, marking ambiguous, group and unknown codes; a name or role as written.
    static func describe(lead code: String, in plan: Plan) -> (String, Style) {
        let c = SafeText.line(code)
        switch plan.resolve(lead: code) {
        case .officer(let o):
            let role = o.role.isEmpty ? "" : ", " + SafeText.line(o.role)
            return ("\(c) — " + SafeText.line(o.name) + role, .plain)
        case .ambiguous(let os):
            let names = os.map { SafeText.line($0.name) + ($0.role.isEmpty ? "" : " (" + SafeText.line($0.role) + ")") }
            return ("\(c) — ambiguous: " + names.joined(separator: " or "), UIStyle.warning)
        case .group(let g):
            return (SafeText.line(g) + " — a group of people", .plain)
        case .unknown:
            return ("\(c) — unknown code (not in the officers register)", UIStyle.warning)
        case .name:
            return (c, .plain)
        }
    }

    /// The deadline line: the day, and how late or how soon, or why there is none.
    static func deadline(_ a: Action, state: AppState) -> (String, Style) {
        let today = state.asOf
        switch a.currentDelivery {
        case .recurring(let w):
            return ("none: \(w) is recurring work, never overdue", .plain)
        case .notSet:
            return ("not set yet (TBC)", UIStyle.muted)
        case .unrecognised(let why):
            return ("not understood: " + SafeText.line(why), UIStyle.warning)
        case .day, .month, .quarter:
            guard let d = a.deadline else { return ("none", .plain) }
            var s = d.humanDescription
            if a.rating == .blue { return (s + ", completed", .plain) }
            if let late = a.daysOverdue(asOf: today) {
                s += ", \(late) day\(late == 1 ? "" : "s") overdue as of \(today.humanDescription)"
                return (s, UIStyle.overdue)
            }
            let left = today.days(until: d)
            s += left == 0 ? ", due today" : ", due in \(left) day\(left == 1 ? "" : "s")"
            return (s, .plain)
        }
    }

    static func counts(_ c: RatingCounts) -> String {
        var s = "B\(c.blue) G\(c.green) A\(c.amber) R\(c.red)"
        if c.unrated > 0 { s += ", \(c.unrated) unrated" }
        if c.overdue > 0 { s += ", \(c.overdue) overdue" }
        return s
    }

    static func theme(_ state: AppState, _ ti: Int, width: Int) -> [StyledLine] {
        let t = state.plan.themes[ti]
        var out = StyledLine.wrapped(themeHeading(t), width: width, style: .strong)
        if !t.leads.isEmpty {
            out += labelled("Leads", t.leads.map(SafeText.line).joined(separator: ", "), width: width)
        }
        let c = state.derived.visible.themeCounts[ti] ?? RatingCounts()
        let scope = state.view.mode == .all ? "" : " (in this view)"
        out += labelled(
            "Actions", "\(c.total)\(scope): " + counts(c) + " — \(c.percentComplete)% complete", width: width)
        for block in t.narrative {
            out.append(StyledLine())
            out += StyledLine.wrapped(SafeText.line(block.heading), width: width, style: UIStyle.label)
            out += StyledLine.wrapped(SafeText.block(block.text), width: width)
        }
        return out
    }

    static func group(_ state: AppState, _ ti: Int, _ gi: Int, width: Int) -> [StyledLine] {
        let t = state.plan.themes[ti]
        let g = t.groups[gi]
        var out = StyledLine.wrapped(SafeText.line(g.title ?? ""), width: width, style: .strong)
        out += labelled("Theme", "\(t.number) " + SafeText.line(t.title), width: width)
        var c = RatingCounts()
        let today = state.asOf.ordinal
        let index = state.derived.index
        for i in index.range(theme: ti, group: gi) { index.add(i, to: &c, today: today) }
        out += labelled("Actions", "\(c.total): " + counts(c) + " — \(c.percentComplete)% complete", width: width)
        return out
    }
}
