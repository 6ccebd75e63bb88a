import ActionPlanCore

/// After a save was refused because others' changes clash: reload, save elsewhere, or choose clash by clash
/// (also how a recovery file's clashes are settled).
extension Update {
    /// What Esc says when it leaves a refused save.
    static let notSaved = "Not saved; your edits are kept"

    /// r, s, c or Esc when the file changed on disk before a save.
    static func conflictCommand(_ command: Command, quitAfter: Bool, _ s: inout AppState) {
        switch command {
        case .reload: s.mode = .question(.reloadDiscarding)
        case .saveElsewhere: s.mode = .prompt(Prompt(.saveAsPath(quitAfter: quitAfter), text: s.filePath))
        case .chooseEach:
            if s.clashes.conflicts.isEmpty {
                s.message = StatusMessage("No field-by-field clashes to choose from: reload or save elsewhere")
            } else {
                s.clashes.choices = [:]
                s.mode = .chooseClash(.save(quitAfter: quitAfter), index: 0)
                s.message = nil
            }
        case .cancel: cancel(&s, notSaved)
        default: break
        }
    }

    /// m or t for clash `index` (then the next, and after the last the save or restore with those choices),
    /// or Esc.
    static func chooseClash(_ command: Command, _ purpose: ClashPurpose, index: Int, _ s: inout AppState) -> [Effect] {
        guard s.clashes.conflicts.indices.contains(index) else {
            s.mode = .browse
            return []
        }
        switch command {
        case .keepMine, .takeTheirs:
            s.clashes.choices[s.clashes.conflicts[index].key] = command == .keepMine ? .ours : .theirs
            if index + 1 < s.clashes.conflicts.count {
                s.mode = .chooseClash(purpose, index: index + 1)
                return []
            }
            s.mode = .browse
            switch purpose {
            case .save(let quitAfter): return [.saveWithChoices(s.clashes.choices, quitAfter: quitAfter)]
            case .restore(let recovered): return [.restoreRecovery(recovered, choices: s.clashes.choices)]
            }
        case .cancel:
            if case .restore = purpose {
                s.clashes.pendingRecovery = nil
                cancel(&s, "Not restored; the recovery file is kept and offered again next time")
            } else {
                cancel(&s, notSaved)
            }
        default: break
        }
        return []
    }
}
