import ActionPlanStore

/// What the UI is doing: browsing, or waiting for an answer in one of its modal steps.
///
/// Multi-step operations (rate → note → revised date) are a chain of modes, each
/// carrying what earlier steps collected, so Esc at any step cancels the whole
/// operation and nothing is half-applied.
public enum Mode: Hashable, Sendable {
    /// Browsing the plan.
    case browse
    /// Reading the help screen.
    case help
    /// The workload per lead (W).
    case workload(WorkloadScreen)
    /// Reading the measures of impact, off target first (scrolled and closed with the help screen's keys).
    case measures
    /// Choosing a rating for the action.
    case ratingPicker(actionID: String)
    /// Choosing one rating for every marked action (`ids`, in plan order).
    case markedRatingPicker(ids: [String])
    /// Choosing which field of the action to edit.
    case editPicker(actionID: String)
    /// The file changed on disk before a save: reload, save elsewhere, or cancel.
    case conflict(quitAfter: Bool)
    /// Choosing, clash by clash, between the user's value and the saved one (`index` into `AppState.clashes`),
    /// to save (then quit, when `quitAfter`) or to restore a recovery file.
    case chooseClash(ClashPurpose, index: Int)
    /// A yes/no question.
    case question(Question)
    /// Typing into a prompt.
    case prompt(Prompt)

    /// The key context for this mode (which part of ``KeyTable`` applies).
    public var keyContext: KeyContext {
        switch self {
        case .browse: return .browse
        case .help, .measures: return .help
        case .workload: return .workload
        case .ratingPicker, .markedRatingPicker: return .ratingPicker
        case .editPicker: return .editPicker
        case .conflict: return .conflict
        case .chooseClash: return .clashChoice
        case .question: return .question
        case .prompt: return .lineEditor
        }
    }
}

/// Why clashes are being chosen: to finish a save, or to restore an interrupted session's edits.
public enum ClashPurpose: Hashable, Sendable {
    /// A save (quitting afterwards when `quitAfter`).
    case save(quitAfter: Bool)
    /// Restoring a recovery file.
    case restore(RecoveryFiles.Recovered)
}
