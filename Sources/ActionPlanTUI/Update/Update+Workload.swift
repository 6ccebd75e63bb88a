import ActionPlanCore

/// The workload screen (W): opening it, moving between leads, and Enter to list a lead's actions.
extension Update {
    /// W: the workload of every lead as of the state's day.
    static func openWorkload(_ s: inout AppState) {
        let screen = WorkloadScreen(s.plan, asOf: s.asOf)
        guard !screen.leads.isEmpty else {
            s.message = StatusMessage("No action has a lead", isError: true)
            return
        }
        s.mode = .workload(screen)
    }

    /// Up, Down, Enter or Esc on the workload screen.
    static func workloadCommand(_ command: Command, _ screen: WorkloadScreen, _ s: inout AppState) {
        var screen = screen
        switch command {
        case .moveUp: screen.selected = max(0, screen.selected - 1)
        case .moveDown: screen.selected = min(screen.leads.count - 1, screen.selected + 1)
        case .confirm:
            let lead = screen.leads[screen.selected].code
            s.mode = .browse
            setView(.filtered(ActionFilter(lead: lead), text: "lead " + lead), sort: .deadline, &s)
            s.message = StatusMessage("\(s.derived.visible.actions.count) actions led by \(lead) (Esc: all actions)")
            return
        case .cancel:
            s.mode = .browse
            return
        default: break
        }
        s.mode = .workload(screen)
    }
}
