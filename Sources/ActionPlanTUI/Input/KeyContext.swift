/// Where the user is when a key arrives: browsing, or inside one of the modal questions and prompts.
///
/// The same key means different things in different places (Enter folds a theme
/// while browsing but confirms a prompt), so every ``KeyBinding`` names its context
/// and lookups go through ``KeyTable/command(for:in:)``.
public enum KeyContext: String, CaseIterable, Hashable, Sendable {
    /// Browsing the plan and detail panes.
    case browse
    /// Choosing a new rating after `r`.
    case ratingPicker
    /// Choosing which field to edit after `e`.
    case editPicker
    /// Deciding what to do when the file changed on disk before a save.
    case conflict
    case clashChoice
    /// Answering a yes/no question (delete, quit with unsaved changes, restore a recovery file).
    case question
    /// Typing into a prompt (search, filter, notes, edits).
    case lineEditor
    /// Reading the help screen.
    case help
    /// The workload per lead (after W).
    case workload

    /// A heading for the help screen and docs/keys.md.
    public var title: String {
        switch self {
        case .browse: return "Browsing the plan"
        case .ratingPicker: return "Rating picker (after r)"
        case .editPicker: return "Edit picker (after e)"
        case .conflict: return "File changed on disk (when saving)"
        case .clashChoice: return "Choosing between your value and the saved one (after c)"
        case .question: return "Yes/no questions"
        case .lineEditor: return "Prompts (line editor)"
        case .help: return "Help screen"
        case .workload: return "Workload per lead (after W)"
        }
    }
}
