/// A full-screen program the terminal backend drives: it draws frames and handles keys.
///
/// The backend owns the terminal and the event loop; the program only turns its
/// state into a ``Grid`` and reacts to ``KeyEvent``s. That keeps every screen
/// testable without a terminal: a test calls `handle` and snapshots `frame`.
public protocol TerminalProgram: AnyObject {
    /// Draws the current state into a grid of exactly width x height (may be tiny, even 1x1 or 0).
    func frame(width: Int, height: Int) -> Grid
    /// Handles one key; returns false when the program wants to quit.
    func handle(_ key: KeyEvent) -> Bool
    /// Called (on the main loop, not inside the signal handler) after SIGINT/SIGTERM/SIGHUP; returns a message
    /// to print on stderr after the terminal is restored (e.g. where a recovery file was written), or nil.
    func interrupted(by signal: Int32) -> String?
    /// After `handle` returned false: the exit status and a message for stderr once the terminal is restored,
    /// when the program ended on an error (a plan that could not be read); nil for a plain quit.
    func farewell() -> (status: Int32, message: String)?
    /// Whether the program asked (since the last call) for the terminal to be cleared and drawn again (Ctrl-L).
    func takeRedrawRequest() -> Bool
    /// Gives the program the backend's way to run something with the terminal handed back to the shell (an
    /// editor): `suspend(body)` ends the full-screen mode, runs `body`, then restores it and redraws.
    func setSuspender(_ suspend: @escaping (() -> Void) -> Void)
}

extension TerminalProgram {
    /// A program that never asks for a full redraw.
    public func takeRedrawRequest() -> Bool { false }
    /// A program that always quits plainly.
    public func farewell() -> (status: Int32, message: String)? { nil }
    /// A program that never hands the terminal over.
    public func setSuspender(_ suspend: @escaping (() -> Void) -> Void) {}
}
