import ActionPlanCore
import Foundation

/// The plan an import builds: themes, groups and actions as they are met, and the lead cells waiting for
/// the officers register (which a plan document prints last) to be split and checked.
struct PlanAssembler {
    var plan = Plan(title: "")
    /// The theme actions go into now (index into `plan.themes`).
    var theme: Int?
    /// Action rows read, with their lead cells, in order.
    private var rows: [PendingRow] = []
    /// Where the action added last is (theme, group, index).
    private var lastPath: (theme: Int, group: Int, action: Int)?

    /// An action as read, before its leads are resolved.
    private struct PendingRow {
        var location: SourceLocation
        var theme: Int
        var group: Int
        var leadCell: String
        /// Leads already split (an exported CSV separates them with `;`).
        var leads: [String]?
    }

    /// Makes theme `number` titled `title` current, creating it when new; returns whether it was new.
    @discardableResult
    mutating func enterTheme(number: Int, title: String) -> Bool {
        if let existing = plan.themes.firstIndex(where: { $0.number == number }) {
            theme = existing
            return false
        }
        plan.themes.append(Theme(number: number, title: title))
        theme = plan.themes.count - 1
        return true
    }

    /// The next unused theme number.
    var nextThemeNumber: Int { (plan.themes.map(\.number).max() ?? 0) + 1 }

    /// Makes a theme current for actions met before any theme heading: `title` (the nearest heading, or the
    /// document's title), numbered after the others; returns its index.
    mutating func implicitTheme(title: String) -> Int {
        if let t = theme { return t }
        enterTheme(number: nextThemeNumber, title: title.isEmpty ? "Actions" : title)
        return theme!
    }

    /// Starts a titled group in the current theme.
    mutating func startGroup(_ title: String?) {
        guard let t = theme else { return }
        plan.themes[t].groups.append(ActionGroup(title: title))
    }

    /// Makes group `title` current in the current theme: the last group when it has that title, else a new one.
    mutating func useGroup(_ title: String?) {
        guard let t = theme else { return }
        if let last = plan.themes[t].groups.last, last.title == title { return }
        startGroup(title)
    }

    /// Adds `action` to the current group (an untitled one when the theme has none), with its lead cell.
    mutating func add(_ action: Action, leadCell: String, splitLeads: [String]? = nil, at location: SourceLocation) {
        guard let t = theme else { return }
        if plan.themes[t].groups.isEmpty { plan.themes[t].groups.append(ActionGroup(title: nil)) }
        let g = plan.themes[t].groups.count - 1
        plan.themes[t].groups[g].actions.append(action)
        lastPath = (t, g, plan.themes[t].groups[g].actions.count - 1)
        rows.append(PendingRow(location: location, theme: t, group: g, leadCell: leadCell, leads: splitLeads))
    }

    /// The action added last (a measure whose breakdown rows follow it); setting it replaces that action.
    var lastAdded: Action? {
        get { lastPath.map { plan.themes[$0.theme].groups[$0.group].actions[$0.action] } }
        set {
            guard let p = lastPath, let newValue else { return }
            plan.themes[p.theme].groups[p.group].actions[p.action] = newValue
        }
    }

    /// Splits and checks the lead cells against the register now known, renames duplicate IDs and drops empty
    /// untitled groups.
    mutating func finish(_ report: inout ImportReport) {
        let codes = plan.officers.map(\.code)
        var counts: [String: Int] = [:]
        for c in codes { counts[c, default: 0] += 1 }
        var seenIDs: [String: SourceLocation] = [:]
        var cursor: [String: Int] = [:]
        for row in rows {
            let gk = "\(row.theme)/\(row.group)"
            let pos = cursor[gk, default: 0]
            cursor[gk] = pos + 1
            var a = plan.themes[row.theme].groups[row.group].actions[pos]
            a.leads = row.leads ?? Plan.splitLeads(row.leadCell, knownCodes: codes)
            if a.leads.isEmpty && !row.leadCell.isEmpty { a.leads = [row.leadCell] }
            for l in a.leads {
                switch plan.resolve(lead: l) {
                case .unknown:
                    let near = codes.filter {
                        $0.lowercased().hasPrefix(l.lowercased()) || l.lowercased().hasPrefix($0.lowercased())
                    }
                    let hint = near.isEmpty ? "" : " (did the document mean \(near.joined(separator: " or "))?)"
                    if !plan.officers.isEmpty {
                        report.warn(
                            row.location,
                            "action \(a.id): lead code \(l) is not in the named officers list; kept as written\(hint)")
                    }
                case .ambiguous:
                    report.warn(row.location, "action \(a.id): lead code \(l) matches more than one named officer")
                default: break
                }
            }
            if let first = seenIDs[a.id] {
                let newID = a.id + "#\(row.location.line ?? row.location.ordinal + 1)"
                report.repair(row.location, "duplicate action ID \(a.id) (first at \(first)) renamed \(newID)")
                a.id = newID
            } else {
                seenIDs[a.id] = row.location
            }
            plan.themes[row.theme].groups[row.group].actions[pos] = a
        }
        for ti in plan.themes.indices {
            plan.themes[ti].groups.removeAll { $0.title == nil && $0.actions.isEmpty }
        }
    }
}
