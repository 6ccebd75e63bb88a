import ActionPlanCore

/// The one-key pickers: the rating after `r` and the field to edit after `e`; each opens the first prompt of
/// its edit.
extension Update {
    /// A letter of the plan's own rating scale in the rating picker (Y for Yellow), looked up before the BRAG
    /// keys of the key table; returns whether it was one.
    static func pickOwnScaleLevel(_ key: KeyEvent, _ s: inout AppState) -> Bool {
        guard case .char(let c) = key, let scale = s.plan.scale,
            let level = scale.levels.first(where: { $0.letter.lowercased() == String(c).lowercased() })
        else { return false }
        switch s.mode {
        case .ratingPicker(let id):
            s.mode = .prompt(Prompt(.rateNote(id: id, rating: level.rating, status: level.name)))
        case .markedRatingPicker(let ids):
            s.mode = .prompt(Prompt(.rateMarkedNote(ids: ids, rating: level.rating, status: level.name)))
        default:
            return false
        }
        return true
    }

    /// B, G, A or R (or Esc) in the rating picker for action `id`.
    static func pickRating(_ command: Command, id: String, _ s: inout AppState) {
        if let rating = command.pickedRating {
            // With the plan's own scale, the first of its levels that counts as this rating.
            let status = s.plan.scale?.levels.first { $0.rating == rating }?.name ?? ""
            s.mode = .prompt(Prompt(.rateNote(id: id, rating: rating, status: status)))
        } else if command == .cancel {
            cancel(&s, "Rating cancelled")
        }
    }

    /// B, G, A or R (or Esc) in the rating picker for the marked actions `ids`.
    static func pickMarkedRating(_ command: Command, ids: [String], _ s: inout AppState) {
        if let rating = command.pickedRating {
            let status = s.plan.scale?.levels.first { $0.rating == rating }?.name ?? ""
            s.mode = .prompt(Prompt(.rateMarkedNote(ids: ids, rating: rating, status: status)))
        } else if command == .cancel {
            cancel(&s, "Rating cancelled; the actions stay marked")
        }
    }

    /// t, l, d, v (or Esc) in the edit picker for action `id`: the prompt for that field, filled with its value.
    static func pickField(_ command: Command, id: String, _ s: inout AppState) {
        guard let path = s.path(of: id, hint: s.selectedActionPath) else {
            cancel(&s, "Action \(id) no longer exists")
            return
        }
        let a = s.plan[path]
        switch command {
        case .editText: s.mode = .prompt(Prompt(.editText(id: id), text: a.text))
        case .editLeads: s.mode = .prompt(Prompt(.editLeads(id: id), text: Plan.joinLeads(a.leads)))
        case .editDeliveryDate: s.mode = .prompt(Prompt(.editDeliveryDate(id: id), text: a.deliveryDate))
        case .reviseDate: s.mode = .prompt(Prompt(.reviseDate(id: id), text: a.revisions.last?.date ?? a.deliveryDate))
        case .cancel: cancel(&s, "Edit cancelled")
        default: break
        }
    }
}
