import ActionPlanCore

/// The workload screen: a table of leads with their actions, overdue and not-updated counts, one selected.
extension Renderer {
    /// The table's lines at `width` columns: a heading, then one line per lead (codes and names made safe).
    static func workloadLines(_ screen: WorkloadScreen, width: Int) -> [String] {
        let number = 9
        let leadWidth = min(12, max(4, screen.leads.map { DisplayWidth.of(SafeText.line($0.code)) }.max() ?? 4))
        let nameWidth = max(0, width - leadWidth - 3 * number - 2)
        func row(_ lead: String, _ name: String, _ a: String, _ o: String, _ n: String) -> String {
            DisplayWidth.pad(lead, to: leadWidth) + "  " + DisplayWidth.pad(name, to: nameWidth)
                + [a, o, n].map { String(repeating: " ", count: max(0, number - $0.count)) + $0 }.joined()
        }
        var lines = [row("Lead", "Name", "Actions", "Overdue", "Stale")]
        for w in screen.leads {
            lines.append(
                row(
                    SafeText.line(w.code), SafeText.line(w.registerName), String(w.counts.total),
                    String(w.counts.overdue),
                    screen.since == nil ? "-" : String(w.notUpdated)))
        }
        return lines
    }

    static func drawWorkload(_ state: AppState, _ screen: WorkloadScreen, in rect: Rect, _ grid: inout Grid) {
        guard rect.height > 1, rect.width > 0 else { return }
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: UIStyle.focusedTitle)
        let since = screen.since.map { "stale: not updated since " + SafeText.line($0) } ?? "no snapshot yet"
        grid.put(
            " Workload per lead · \(since)", x: rect.x, y: rect.y,
            style: UIStyle.focusedTitle, maxWidth: rect.width)
        let lines = workloadLines(screen, width: rect.width - 1)
        grid.put(lines[0], x: rect.x + 1, y: rect.y + 1, style: UIStyle.label, maxWidth: rect.width - 1)
        let height = rect.height - 2
        guard height > 0 else { return }
        let top = max(0, min(screen.selected - height + 1, lines.count - 1 - height))
        for i in 0..<min(height, lines.count - 1 - top) {
            let index = top + i
            let y = rect.y + 2 + i
            grid.put(lines[index + 1], x: rect.x + 1, y: y, maxWidth: rect.width - 1)
            if index == screen.selected {
                grid.restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1)) { $0.reverse = true }
            }
        }
    }
}
