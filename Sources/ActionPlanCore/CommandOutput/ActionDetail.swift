/// Everything about one action, as text for people or JSON for tools (`actionplan show`).
public enum ActionDetail {
    /// A readable description of the action at `path`, wrapped to `width` columns, escaped for the terminal.
    public static func text(_ plan: Plan, _ path: ActionPath, asOf today: CalendarDay, width: Int = 80) -> String {
        let a = plan[path]
        let t = plan.themes[path.theme]
        let e = { (s: String) in TerminalSafe.escape(s) }
        var out = "\(e(a.id))  \(e(plan.ratingText(of: a)))\n"
        for line in DisplayWidth.wrap(e(a.text), width: width) { out += line + "\n" }
        out += "\n"
        func field(_ name: String, _ value: String) {
            let pad = String(repeating: " ", count: max(1, 13 - name.count))
            let lines = DisplayWidth.wrap(value, width: max(10, width - 13))
            for (i, l) in lines.enumerated() {
                out += (i == 0 ? name + pad : String(repeating: " ", count: 13)) + l + "\n"
            }
        }
        var where_ = "\(t.number). \(e(t.title))"
        if let g = t.groups[path.group].title { where_ += " / " + e(g) }
        field("Theme:", where_)
        field("Cross-refs:", a.crossReferences.isEmpty ? "—" : a.crossReferences.map(e).joined(separator: ", "))
        if a.leads.isEmpty { field("Leads:", "—") }
        for (i, l) in a.leads.enumerated() {
            let r: String
            switch plan.resolve(lead: l) {
            case .officer(let o): r = "\(e(l)) — \(e(o.name)), \(e(o.role))"
            case .ambiguous(let os):
                r = "\(e(l)) — ambiguous: " + os.map { "\(e($0.name)) (\(e($0.role)))" }.joined(separator: " or ")
            case .group(let g): r = "\(e(g)) (group)"
            case .unknown: r = "\(e(l)) — unknown code, not in the officers register"
            case .name(let n): r = e(n)
            }
            field(i == 0 ? "Leads:" : "", r)
        }
        var due = "\"\(e(a.deliveryDate))\""
        switch a.originalDelivery {
        case .recurring: due += " (recurring: no single deadline)"
        case .notSet: due += " (no date yet)"
        case .unrecognised(let why): due += " (not understood: \(e(why)))"
        default: if let d = a.originalDelivery.deadline { due += " → deadline \(d)" }
        }
        field("Delivery:", due)
        for r in a.revisions {
            let d = DeliveryDate.parse(r.date).deadline.map { " → \($0)" } ?? ""
            field("Revised:", "\(r.on): \"\(e(r.date))\"\(d) by \(e(r.by)) — \(e(r.reason))")
        }
        if let d = a.deadline {
            if let late = a.daysOverdue(asOf: today) {
                field("Status:", "OVERDUE by \(late) days (deadline \(d), as of \(today))")
            } else if a.rating == .blue {
                field("Status:", "completed")
            } else {
                field("Status:", "due \(d), in \(today.days(until: d)) days (as of \(today))")
            }
        }
        field("Rating:", e(plan.ratingText(of: a)) + (plan.level(of: a).map { " — " + e($0.definition) } ?? ""))
        for (i, f) in a.fields.enumerated() {
            field(i == 0 ? "Also:" : "", "\(e(f.name)): \(e(f.value))")
        }
        if a.history.isEmpty {
            field("History:", "—")
        }
        for (i, h) in a.history.enumerated() {
            field(
                i == 0 ? "History:" : "",
                "\(h.date)  \(h.from.badgeLetter) → \(h.to.badgeLetter)  by \(e(h.by)): \(e(h.note))")
        }
        if a.notes.isEmpty {
            field("Notes:", "—")
        }
        for (i, n) in a.notes.enumerated() {
            field(i == 0 ? "Notes:" : "", "\(n.date)\(n.by.isEmpty ? "" : " " + e(n.by)): \(e(n.text))")
        }
        return out
    }

    /// The action at `path` as a JSON object: the file's fields plus theme, group, resolved leads and status on `today`.
    public static func json(_ plan: Plan, _ path: ActionPath, asOf today: CalendarDay) -> String {
        let a = plan[path]
        let t = plan.themes[path.theme]
        var w = JSONWriter()
        w.object { w in
            w.field("id", a.id)
            w.field("theme", t.number)
            w.field("themeTitle", t.title)
            w.field("group", t.groups[path.group].title)
            w.key("crossReferences")
            w.inlineStrings(a.crossReferences)
            w.field("text", a.text)
            w.key("leads")
            w.array(a.leads) { w, l in
                w.object { w in
                    w.field("code", l)
                    switch plan.resolve(lead: l) {
                    case .officer(let o):
                        w.field("name", o.name)
                        w.field("role", o.role)
                    case .ambiguous(let os):
                        w.field("name", os.map(\.name).joined(separator: " or "))
                        w.field("ambiguous", true)
                    case .group:
                        w.field("group", true)
                    case .unknown:
                        w.field("unknown", true)
                    case .name(let n):
                        w.field("name", n)
                    }
                }
            }
            w.field("deliveryDate", a.deliveryDate)
            w.field("deadline", a.deadline?.description)
            w.field("asOf", today.description)
            w.field("daysOverdue", a.daysOverdue(asOf: today))
            PlanCodec.writeRevisions(a, &w)
            w.field("rating", a.rating?.rawValue)
            if plan.scale != nil { w.field("level", plan.level(of: a)?.name) }
            PlanCodec.writeStatusAndFields(a, &w)
            PlanCodec.writeHistoryAndNotes(a, &w)
        }
        w.finish()
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
