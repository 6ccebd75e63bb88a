import ActionPlanCore
import Foundation

/// What the session takes from outside the plan: the terminal handed to the user's editor for E, and full
/// redraws asked of the backend (Ctrl-L, and after the editor). (Its default clock is `SystemDay.today`.)
extension PlanSession {
    /// Runs the editor on action `id`'s text with the terminal handed over (E), and reports what it saved.
    func editInEditor(id: String, text: String) -> Outcome {
        guard let editor, !editor.isEmpty else {
            return .event(
                .notice("Set $VISUAL or $EDITOR to edit the text in your editor (e t edits it here)", isError: true))
        }
        guard let suspend else {
            return .event(.notice("This terminal cannot hand the screen to an editor", isError: true))
        }
        var outcome = ExternalEditor.Outcome.failed("the editor did not run")
        suspend { outcome = ExternalEditor(command: editor).edit(text, name: id) }
        redrawRequested = true
        switch outcome {
        case .edited(let edited): return .event(.editedInEditor(id: id, text: edited))
        case .failed(let why): return .event(.notice(why, isError: true))
        }
    }

    /// Keeps the backend's way to hand the terminal over (for E).
    public func setSuspender(_ suspend: @escaping (() -> Void) -> Void) {
        self.suspend = suspend
    }

    /// Whether Ctrl-L asked for a full redraw since the last call.
    public func takeRedrawRequest() -> Bool {
        defer { redrawRequested = false }
        return redrawRequested
    }
}
