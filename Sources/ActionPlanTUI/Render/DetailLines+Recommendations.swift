import ActionPlanCore

/// The detail pane's recommendations of an action: each one of the register the action is linked to (`L`,
/// `actionplan link`), its ID and the start of its text on one line, so what the action answers is seen.
extension DetailLines {
    /// The lines of the recommendations `a` is linked to, or none when it answers none (and the register is
    /// empty); `none linked (L to link)` when the plan has recommendations but the action no link.
    static func recommendations(_ a: Action, in plan: Plan, width: Int) -> [StyledLine] {
        guard !plan.recommendations.isEmpty else { return [] }
        let linked = plan.recommendations.filter { $0.actions.contains(a.id) }
        var out = [StyledLine(), StyledLine("Recommendations", UIStyle.label)]
        if linked.isEmpty {
            return out + StyledLine.wrapped("none linked (L to link)", width: width, indent: 2, style: UIStyle.muted)
        }
        for r in linked {
            var text = SafeText.line(r.id)
            if !r.source.isEmpty { text += " (" + SafeText.line(r.source) + ")" }
            text += " " + SafeText.line(r.text)
            out.append(StyledLine("  " + DisplayWidth.truncate(text, to: max(1, width - 2))))
        }
        return out
    }
}
