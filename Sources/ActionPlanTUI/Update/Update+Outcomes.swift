import ActionPlanCore
import ActionPlanStore

/// What the session reports back after performing an effect (a save, a reload, a restored recovery file).
extension Update {
    /// The file at `path` now holds `plan` (this user's edits, merged with others' when `merged`).
    static func saved(
        path: String, plan: Plan, fingerprint: UInt64, merged: Bool, warnings: [String], _ s: inout AppState
    ) {
        s.saved(plan, fingerprint: fingerprint)
        s.filePath = path
        s.mode = .browse
        let text = merged ? "Saved \(path), merged with changes others saved meanwhile" : "Saved \(path)"
        s.message =
            warnings.isEmpty
            ? StatusMessage(text) : StatusMessage(text + "; but: " + warnings.joined(separator: "; "), isError: true)
    }

    /// A save was refused: what others saved meanwhile clashes with `conflicts` fields of this user's edits.
    static func saveClashed(quitAfter: Bool, conflicts: [MergeConflict], _ s: inout AppState) {
        s.mode = .conflict(quitAfter: quitAfter)
        s.clashes.start(conflicts)
        if !conflicts.isEmpty {
            let list = conflicts.map { $0.describe(ours: "yours", theirs: "saved") }.joined(separator: "; ")
            s.message = StatusMessage(
                "\(conflicts.count) clash(es) with changes saved meanwhile: " + list, isError: true)
        }
    }

    /// The file was read again, replacing the edits (undoable).
    static func reloaded(_ plan: Plan, fingerprint: UInt64, _ s: inout AppState) {
        s.mode = .browse
        s.replaceDocument(plan: plan, base: plan, fingerprint: fingerprint, saved: true, label: "reload from disk")
        s.message = StatusMessage("Reloaded \(s.filePath) from disk (u brings your edits back)")
    }

    /// An interrupted session's edits were merged into the plan as the file holds it (`base`).
    static func recoveryRestored(plan: Plan, base: Plan, fingerprint: UInt64, _ s: inout AppState) {
        s.mode = .browse
        s.clashes.conflicts = []
        s.clashes.pendingRecovery = nil
        s.replaceDocument(
            plan: plan, base: base, fingerprint: fingerprint, saved: plan == base, label: "restore unsaved changes")
        s.message = StatusMessage(
            "Restored the unsaved changes of an interrupted session, merged with what was saved since "
                + "(w saves them, u takes them back)")
    }

    /// The recovered edits clash with what was saved since: choose clash by clash.
    static func recoveryClashed(_ conflicts: [MergeConflict], _ s: inout AppState) {
        guard let recovered = s.clashes.pendingRecovery else { return }
        s.clashes.start(conflicts)
        s.mode = .chooseClash(.restore(recovered), index: 0)
    }
}
