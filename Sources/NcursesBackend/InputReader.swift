import ActionPlanTUI
import CNcursesw
import Foundation

/// Reads one event at a time from curses and turns it into a ``KeyEvent``.
///
/// Key codes come from `wget_wch` with a short timeout, so the event loop can
/// notice signals between keys. Escape sequences that ncurses did not recognise
/// are decoded with ``KeyEvent/init(escapeSequence:)``; unknown ones are dropped
/// rather than delivered as stray characters. ESC followed at once by anything
/// else (Alt-x, or Esc then a key sent in one burst by `tmux send-keys`) is
/// Escape, and the following key is kept for the next read.
///
/// When the terminal goes away (the window or the pty closed), reads fail at once
/// instead of waiting: ``next()`` reports that as ``Read/hangup`` rather than as a
/// timeout, so the loop ends instead of spinning at full CPU for ever.
final class InputReader {
    private let window: UnsafeMutablePointer<WINDOW>
    private let mouse: Bool
    private let timeoutMilliseconds: Int32
    /// Reads in a row that failed well before the timeout (see ``failedRead(startedAt:)``).
    private var quickFailures = 0
    /// After this many quick failures in a row the terminal counts as gone, even where `poll` cannot tell.
    static let quickFailureLimit = 50

    init(window: UnsafeMutablePointer<WINDOW>, mouse: Bool, timeoutMilliseconds: Int32) {
        self.window = window
        self.mouse = mouse
        self.timeoutMilliseconds = timeoutMilliseconds
        wtimeout(window, timeoutMilliseconds)
    }

    /// What one read produced.
    enum Read {
        /// Nothing arrived within the timeout (or the read was interrupted by a signal).
        case timeout
        /// Something arrived that is not a key the program handles (an unknown sequence).
        case ignored
        case key(KeyEvent)
        /// The terminal is gone (hung up, or its reads fail at once, again and again): end as after SIGHUP.
        case hangup
    }

    /// Waits up to the timeout for the next input.
    func next() -> Read {
        var ch: wint_t = 0
        let started = DispatchTime.now().uptimeNanoseconds
        let result = wget_wch(window, &ch)
        guard result == OK || result == KEY_CODE_YES else { return failedRead(startedAt: started) }
        quickFailures = 0
        if result == KEY_CODE_YES { return keyCode(Int32(bitPattern: ch)) }
        if ch == 27 { return escape() }
        if let key = KeyEvent(controlCode: UInt32(ch)) { return .key(key) }
        guard ch >= 0xA0 || (ch >= 0x20 && ch < 0x7F), let scalar = Unicode.Scalar(UInt32(ch)) else {
            return .ignored
        }
        return .key(.char(Character(scalar)))
    }

    /// A read that returned no input: a timeout (or a signal), or a terminal that is gone.
    ///
    /// ncurses returns ERR for all of these. A terminal that hung up says so to `poll`
    /// (POLLHUP; Linux reports it for a pty whose other side closed); where `poll` cannot tell,
    /// a terminal with nothing to say still waits for the timeout, while a closed one fails at
    /// once, so many quick failures in a row mean it is gone too.
    private func failedRead(startedAt started: UInt64) -> Read {
        var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        if poll(&fd, 1, 0) == 1 && fd.revents & Int16(POLLHUP) != 0 { return .hangup }
        let elapsed = DispatchTime.now().uptimeNanoseconds &- started
        if elapsed < UInt64(timeoutMilliseconds) * 1_000_000 / 2 {
            quickFailures += 1
            if quickFailures >= Self.quickFailureLimit { return .hangup }
        } else {
            quickFailures = 0
        }
        return .timeout
    }

    private func keyCode(_ code: Int32) -> Read {
        switch code {
        case KEY_UP, KEY_SR: return .key(.up)
        case KEY_DOWN, KEY_SF: return .key(.down)
        case KEY_LEFT, KEY_SLEFT: return .key(.left)
        case KEY_RIGHT, KEY_SRIGHT: return .key(.right)
        case KEY_PPAGE, KEY_A3, KEY_SPREVIOUS: return .key(.pageUp)
        case KEY_NPAGE, KEY_C3, KEY_SNEXT: return .key(.pageDown)
        case KEY_HOME, KEY_A1, KEY_FIND, KEY_SHOME, KEY_BEG: return .key(.home)
        case KEY_END, KEY_C1, KEY_SELECT, KEY_SEND, KEY_LL: return .key(.end)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC, KEY_SDC: return .key(.delete)
        case KEY_IC, KEY_SIC: return .key(.insert)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case KEY_RESIZE: return .key(.resize)
        case KEY_MOUSE: return mouseEvent()
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .key(.function(Int(code - KEY_F0)))
        default: return extendedKey(code)
        }
    }

    /// Keys ncurses defines from the terminfo extended names, such as `kUP5` (Ctrl-Up): the plain key.
    private func extendedKey(_ code: Int32) -> Read {
        guard let raw = keyname(code) else { return .ignored }
        let name = String(cString: raw)
        let prefixes: [(String, KeyEvent)] = [
            ("kUP", .up), ("kDN", .down), ("kLFT", .left), ("kRIT", .right), ("kHOM", .home),
            ("kEND", .end), ("kPRV", .pageUp), ("kNXT", .pageDown), ("kDC", .delete), ("kIC", .insert),
        ]
        for (prefix, key) in prefixes where name.hasPrefix(prefix) { return .key(key) }
        return .ignored
    }

    private func mouseEvent() -> Read {
        guard mouse else { return .ignored }
        var event = MEVENT()
        guard getmouse(&event) == OK else { return .ignored }
        let x = Int(event.x)
        let y = Int(event.y)
        if event.bstate & cn_button4_pressed() != 0 { return .key(.mouse(x: x, y: y, kind: .wheelUp)) }
        if event.bstate & cn_button5_pressed() != 0 { return .key(.mouse(x: x, y: y, kind: .wheelDown)) }
        if event.bstate & (cn_button1_pressed() | cn_button1_clicked()) != 0 {
            return .key(.mouse(x: x, y: y, kind: .press))
        }
        return .ignored
    }

    /// After ESC: a lone Escape, or the rest of a sequence that is already waiting in the input.
    private func escape() -> Read {
        // ncurses has already waited ESCDELAY for a sequence it knows; anything that
        // follows now is part of one it did not know (or an Alt-key).
        wtimeout(window, 0)
        defer { wtimeout(window, timeoutMilliseconds) }
        var body = ""
        var ch: wint_t = 0
        while body.unicodeScalars.count < 16 {
            let result = wget_wch(window, &ch)
            if result == KEY_CODE_YES {
                ungetch(Int32(bitPattern: ch))  // a key ncurses decoded: keep it for the next read
                if body.isEmpty { return .key(.escape) }
                break
            }
            guard result == OK, let scalar = Unicode.Scalar(UInt32(ch)) else { break }
            if body.isEmpty && scalar != "[" && scalar != "O" {
                unget_wch(wchar_t(bitPattern: ch))  // Escape, then an ordinary key
                return .key(.escape)
            }
            body.unicodeScalars.append(scalar)
            if body.unicodeScalars.count == 1 { continue }
            // A CSI/SS3 sequence ends at its final byte (0x40...0x7E).
            if (0x40...0x7E).contains(scalar.value) { break }
            if body.hasPrefix("O") { break }
        }
        if body.isEmpty { return .key(.escape) }
        if let key = KeyEvent(escapeSequence: body) { return .key(key) }
        if body.unicodeScalars.count == 1, let only = body.unicodeScalars.first {
            unget_wch(wchar_t(bitPattern: only.value))  // Escape, then "[" or "O" typed
            return .key(.escape)
        }
        return .ignored
    }
}
