/// One input event from the terminal: a key, a resize, or a mouse click or wheel step.
///
/// Screens handle these instead of raw curses codes, so they can be driven by
/// tests that feed key sequences. Control keys arrive as `.ctrl("r")` for Ctrl-R,
/// except those with their own case: Ctrl-I is `.tab`, Ctrl-M/Ctrl-J `.enter`,
/// Ctrl-H `.backspace` and Ctrl-[ `.escape`, because terminals send the same bytes.
public enum KeyEvent: Hashable, Sendable {
    /// A printable character (letters, digits, punctuation, space, any Unicode grapheme).
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab, insert
    /// A control key, by its lowercase letter or symbol: Ctrl-R is `.ctrl("r")`.
    case ctrl(Character)
    /// Function key F1, F2, … by number.
    case function(Int)
    /// The terminal changed size; the next frame is drawn at the new size.
    case resize
    /// A mouse event at column `x`, row `y` (0-based, screen coordinates).
    case mouse(x: Int, y: Int, kind: MouseKind)

    /// What a mouse event was.
    public enum MouseKind: Hashable, Sendable {
        /// Left button pressed.
        case press
        /// Scroll wheel up one step.
        case wheelUp
        /// Scroll wheel down one step.
        case wheelDown
    }

    /// A short human label for help screens and key hints, such as "Ctrl-R", "PgDn", "Enter" or "?".
    public var name: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .insert: return "Ins"
        case .ctrl(" "): return "Ctrl-Space"
        case .ctrl(let c): return "Ctrl-" + c.uppercased()
        case .function(let n): return "F\(n)"
        case .resize: return "Resize"
        case .mouse(_, _, .press): return "Click"
        case .mouse(_, _, .wheelUp): return "Wheel up"
        case .mouse(_, _, .wheelDown): return "Wheel down"
        }
    }

    /// The event for a byte-sized character code below 0x20 or DEL (0x7F), as terminals send them; nil otherwise.
    ///
    /// 8 and 127 are both Backspace (terminals differ), 9 is Tab, 10 and 13 are
    /// Enter, 27 is Escape, 0 is Ctrl-Space and 1–26 are Ctrl-A … Ctrl-Z.
    public init?(controlCode code: UInt32) {
        switch code {
        case 0: self = .ctrl(" ")
        case 8, 0x7F: self = .backspace
        case 9: self = .tab
        case 10, 13: self = .enter
        case 27: self = .escape
        case 1...26: self = .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 28...31: self = .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x40)))
        default: return nil
        }
    }

    /// The key for the bytes a terminal sent after ESC (for example `"[H"` or `"OF"`), or nil if unknown.
    ///
    /// ncurses decodes the sequences its terminfo entry lists; this covers the
    /// common xterm/rxvt/VT variants it may not (Home/End in particular), so they
    /// are not mistaken for Escape followed by typed characters. Modifier
    /// parameters (`"[1;5A"`, Ctrl-Up) are ignored: the plain key is returned.
    public init?(escapeSequence body: String) {
        var s = Substring(body)
        guard let introducer = s.first, introducer == "[" || introducer == "O" else { return nil }
        s = s.dropFirst()
        guard let final = s.last else { return nil }
        let params = s.dropLast()
        guard params.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ";") }) else { return nil }
        let first = Int(params.split(separator: ";").first ?? "")
        switch final {
        case "A": self = .up
        case "B": self = .down
        case "C": self = .right
        case "D": self = .left
        case "H": self = .home
        case "F": self = .end
        case "Z": self = .backTab
        case "M" where introducer == "O": self = .enter  // keypad Enter in application mode
        case "P" where first == nil || first == 1: self = .function(1)
        case "Q" where first == nil || first == 1: self = .function(2)
        case "R" where first == nil || first == 1: self = .function(3)
        case "S" where first == nil || first == 1: self = .function(4)
        case "~":
            guard let first, let key = Self.tildeKeys[first] else { return nil }
            self = key
        default: return nil
        }
    }

    /// VT/xterm/rxvt `ESC [ n ~` key numbers.
    private static let tildeKeys: [Int: KeyEvent] = [
        1: .home, 7: .home, 4: .end, 8: .end, 2: .insert, 3: .delete, 5: .pageUp, 6: .pageDown,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12),
    ]
}
