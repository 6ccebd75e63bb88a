import ActionPlanCore

/// The detail pane's measures of an action: each measure (and sub-measure) whose plan IDs name the action or
/// one of its cross-references, with its latest figure, its target and status, and a small trend (a ▁▂▃▅▇
/// sparkline with the figures beside it), so impact is seen beside delivery.
extension DetailLines {
    /// The most measure lines shown for one action; the rest are counted (`… 4 more: actionplan measures`).
    static let measureLineLimit = 12

    /// The lines of `a`'s measures, or none when no measure evidences it.
    static func measures(_ a: Action, in plan: Plan, width: Int) -> [StyledLine] {
        let rows = plan.measures(for: a).flatMap(\.flattened)
        guard !rows.isEmpty else { return [] }
        var out = [StyledLine(), StyledLine("Measures", UIStyle.label)]
        var shown = 0
        for (m, depth) in rows {
            let s = MeasureStatus(m)
            guard !s.figures.isEmpty || !m.note.isEmpty || depth == 0 else { continue }
            if shown == measureLineLimit {
                out += StyledLine.wrapped(
                    "… \(rows.count - shown) more: actionplan measures", width: width, indent: 2, style: UIStyle.muted)
                break
            }
            shown += 1
            out += StyledLine.wrapped(line(m, s), width: width, indent: 2 + 2 * depth, style: style(s))
        }
        return out
    }

    /// `M5.1 Duty and Assessment: 13.3 (Mar-18), target 28.3, on target  ▇▁ 18.3 13.3`.
    static func line(_ m: Measure, _ s: MeasureStatus) -> String {
        var text = SafeText.line(m.id) + " " + SafeText.line(m.title)
        guard let latest = s.latest else {
            return text + (m.note.isEmpty ? "" : ": " + SafeText.line(m.note))
        }
        text += ": " + s.show(latest.value) + " (" + SafeText.line(latest.observation.period) + ")"
        if let target = m.target { text += ", target " + SafeText.line(target) }
        if s.targetStatus != .unknown { text += ", " + s.targetStatus.rawValue }
        let recent = s.figures.suffix(6)
        text +=
            "  " + String(s.sparkline.suffix(recent.count)) + " "
            + recent.map { s.show($0.value) }.joined(separator: " ")
        return text
    }

    /// Off target stands out; near target warns; the rest is plain.
    static func style(_ s: MeasureStatus) -> Style {
        switch s.targetStatus {
        case .offTarget: return UIStyle.overdue
        case .nearTarget: return UIStyle.warning
        default: return .plain
        }
    }
}
