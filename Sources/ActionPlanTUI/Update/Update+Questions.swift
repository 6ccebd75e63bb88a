import ActionPlanCore

/// The yes/no questions: delete an action, save before quitting, reload discarding edits, restore a recovery
/// file, replace an existing file.
extension Update {
    /// y, n or Esc for `question`.
    static func answer(_ question: Question, _ command: Command, _ s: inout AppState) -> [Effect] {
        guard command == .yes || command == .no || command == .cancel else { return [] }
        s.mode = .browse
        switch question {
        case .deleteAction(let id):
            deleteAction(id: id, yes: command == .yes, &s)
        case .quitUnsaved:
            switch command {
            case .yes: return [.save(quitAfter: true)]
            case .no: return [.quit]
            default: s.message = StatusMessage("Not quitting")
            }
        case .reloadDiscarding:
            if command == .yes { return [.reloadFromDisk] }
            s.message = StatusMessage("Not reloaded; your edits are kept, unsaved")
        case .restoreRecovery:
            guard let recovered = s.clashes.pendingRecovery else { return [] }
            switch command {
            case .yes:
                return [.restoreRecovery(recovered, choices: [:])]
            case .no:
                s.clashes.pendingRecovery = nil
                return [.deleteRecovery(path: recovered.path)]
            default:
                s.clashes.pendingRecovery = nil
                s.message = StatusMessage("Recovery file kept; it will be offered again next time")
            }
        case .overwrite(let path, let quitAfter):
            if command == .yes { return [.saveAs(path: path, quitAfter: quitAfter, overwrite: true)] }
            s.mode = .prompt(Prompt(.saveAsPath(quitAfter: quitAfter), text: path))
            s.message = StatusMessage("Not replaced; type another path")
        }
        return []
    }

    /// Deletes action `id` when the answer was yes (undoable).
    static func deleteAction(id: String, yes: Bool, _ s: inout AppState) {
        guard yes else {
            s.message = StatusMessage("Not deleted")
            return
        }
        var p = s.plan
        do {
            let path = try s.path(of: id, hint: s.selectedActionPath) ?? p.requirePath(id)
            p.removeAction(at: path)
            s.commit(p, label: "delete \(id)", change: .removed(path))
            s.message = StatusMessage("Deleted \(id) (u to undo)")
        } catch {
            s.message = StatusMessage(describe(error), isError: true)
        }
    }
}
