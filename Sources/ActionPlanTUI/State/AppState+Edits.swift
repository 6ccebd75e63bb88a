import ActionPlanCore

/// Every change of the document goes through here, so the derived data and the selection follow it.
extension AppState {
    /// Records this user's edit that made `newPlan`, and selects `select` (or keeps the selection).
    ///
    /// `change` says how the new plan differs, so the index is updated rather than rebuilt.
    mutating func commit(_ newPlan: Plan, label: String, change: PlanChange, select: Anchor? = nil) {
        let keep = select ?? anchor
        document.edit(newPlan, label: label, change: change)
        planChanged(change)
        rebuild(anchor: keep)
    }

    /// Records that the file now holds `filePlan` with `fingerprint` (after a save), keeping the selection.
    mutating func saved(_ filePlan: Plan, fingerprint: UInt64?) {
        let keep = anchor
        let same = filePlan == plan
        document.saved(filePlan, fingerprint: fingerprint)
        if !same {
            planChanged(.unknown)
            rebuild(anchor: keep)
        }
    }

    /// Replaces the plan and its base (a reload, a restored recovery file) as one undoable step.
    mutating func replaceDocument(plan newPlan: Plan, base: Plan, fingerprint: UInt64?, saved: Bool, label: String) {
        let keep = anchor
        document.replace(plan: newPlan, base: base, fingerprint: fingerprint, saved: saved, label: label)
        planChanged(.unknown)
        rebuild(anchor: keep)
    }

    /// Takes back this user's last edit (see ``Document/undo()``).
    mutating func undo() -> Document.Outcome {
        step { $0.undo() }
    }

    /// Applies again the edit last undone.
    mutating func redo() -> Document.Outcome {
        step { $0.redo() }
    }

    /// Runs an undo or redo on the document and brings derived data and the selection after it.
    private mutating func step(_ body: (inout Document) -> Document.Outcome) -> Document.Outcome {
        let keep = anchor
        let outcome = body(&document)
        if case .done(_, let change) = outcome {
            planChanged(change)
            rebuild(anchor: keep)
        }
        return outcome
    }
}
