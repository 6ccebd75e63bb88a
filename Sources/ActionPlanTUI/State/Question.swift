/// A yes/no question the UI is asking.
///
/// For ``quitUnsaved`` the answers are save-and-quit (y), quit without saving (n)
/// and stay (Esc); for ``restoreRecovery``, restore (y), delete the recovery file (n) and keep it to be offered
/// next time (Esc), which its text says; for the others, n and Esc both mean no.
public enum Question: Hashable, Sendable {
    /// Delete the action with this ID?
    case deleteAction(id: String)
    /// There are unsaved changes: save before quitting?
    case quitUnsaved
    /// Reload the file from disk, discarding edits?
    case reloadDiscarding
    /// A recovery file from an interrupted session exists: restore it?
    case restoreRecovery(path: String)
    /// "Save elsewhere" to a file that exists: replace it?
    case overwrite(path: String, quitAfter: Bool)

    /// The question as shown on the prompt line.
    public var text: String {
        switch self {
        case .deleteAction(let id): return "Delete action \(id)? (y/n)"
        case .quitUnsaved: return "Save changes? (y/n/Esc)"
        case .reloadDiscarding: return "Reload from disk and discard your unsaved edits? (y/n)"
        case .restoreRecovery:
            return "Restore an interrupted session's unsaved edits? (y; n deletes them; Esc: later)"
        case .overwrite(let path, _):
            return "\(path) exists. Replace it (a backup of it is kept)? (y/n)"
        }
    }
}
