import ActionPlanCore
import ActionPlanTUI
import CNcursesw
import Foundation

/// Runs a ``TerminalProgram`` full-screen with ncurses: the only code that talks to the terminal.
///
/// It sets the terminal up (locale, cbreak, no echo, keypad, short Escape delay,
/// hidden cursor, colours, mouse), then loops: draw the program's frame when it
/// changed, read a key, hand it over. Every way out — the program quitting,
/// SIGINT/SIGTERM/SIGHUP, the terminal closing, or a crash — puts the terminal
/// back as it was (as far as a closed terminal can be).
public enum NcursesTerminal {
    /// How the terminal UI may use the terminal.
    public struct Options: Sendable {
        /// Whether to use colour; off for `NO_COLOR` or `--no-color` (badges then use reverse video).
        public var color: Bool
        /// Whether to turn on mouse reporting (clicks and the scroll wheel).
        public var mouse: Bool

        /// Creates options.
        public init(color: Bool = true, mouse: Bool = true) {
            self.color = color
            self.mouse = mouse
        }

        /// Options following the user's wishes: no colour when `noColorFlag` is set or `NO_COLOR` is in `environment`.
        ///
        /// Per no-color.org, `NO_COLOR` counts when it is present and not empty, whatever its value.
        public static func resolved(
            noColorFlag: Bool = false, mouse: Bool = true,
            environment: [String: String] = ProcessInfo.processInfo.environment
        ) -> Options {
            let noColorEnv = !(environment["NO_COLOR"] ?? "").isEmpty
            return Options(color: !(noColorFlag || noColorEnv), mouse: mouse)
        }
    }

    /// Message printed (exit status 2) when stdin or stdout is not a terminal.
    public static let notATerminalMessage =
        "actionplan: the terminal UI needs a terminal (stdin/stdout is not a tty); use the CLI commands instead"

    /// How often the loop wakes up without input, to notice signals (milliseconds).
    static let pollMilliseconds: Int32 = 100
    /// After this many idle polls the program is asked for a frame again (about once a second).
    static let idleRedrawPolls = 10

    /// Runs `program` until it quits or a signal arrives, and returns the process exit status.
    ///
    /// Returns 0 when the program quits (or the status of its ``TerminalProgram/farewell()``, after printing
    /// its message), 128 + signal after SIGINT/SIGTERM/SIGHUP
    /// (after printing the program's ``TerminalProgram/interrupted(by:)`` message
    /// on stderr), 129 as after SIGHUP when the terminal goes away without one
    /// (reads fail at once), and 2 without touching the terminal when stdin/stdout
    /// is not a tty or the terminal type is unusable.
    public static func run(_ program: TerminalProgram, options: Options) -> Int32 {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            printError(notATerminalMessage)
            return 2
        }
        setlocale(LC_ALL, "")
        var shellModes = termios()
        let haveShellModes = tcgetattr(STDIN_FILENO, &shellModes) == 0

        // newterm, unlike initscr, returns nil for an unknown TERM instead of exiting the process.
        guard let screen = newterm(nil, cn_stdout(), cn_stdin()), let window = cn_stdscr() else {
            let term = ProcessInfo.processInfo.environment["TERM"] ?? "(unset)"
            printError("actionplan: cannot use terminal type \"\(term)\"; use the CLI commands instead")
            return 2
        }
        var signals: SignalTrap? = nil
        var ended = false
        func restoreTerminal() {
            guard !ended else { return }
            ended = true
            if options.mouse { mousemask(0, nil) }
            endwin()
            delscreen(screen)
            signals?.restore()
        }
        defer { restoreTerminal() }

        configure(window: window, options: options)
        let trap = SignalTrap(
            shellModes: haveShellModes ? shellModes : nil, resetSequence: resetSequence(mouse: options.mouse))
        signals = trap
        let palette = ColorPalette(color: options.color)
        let painter = ScreenPainter(window: window, palette: palette)
        let input = InputReader(window: window, mouse: options.mouse, timeoutMilliseconds: pollMilliseconds)
        /// Ends the UI after `sig`: the program saves what it must, the terminal is restored, 128 + sig.
        func end(by sig: Int32) -> Int32 {
            let message = program.interrupted(by: sig)
            restoreTerminal()
            // It names files (the recovery file): never let a file name drive the terminal just restored.
            if let message { printError(TerminalSafe.escape(message)) }
            return 128 + sig
        }
        program.setSuspender { body in
            def_prog_mode()
            endwin()
            body()
            reset_prog_mode()
            painter.invalidate()
            refresh()
        }
        let status = eventLoop(program, window: window, painter: painter, input: input, signals: trap, end: end)
        if status == 0, let (failed, message) = program.farewell() {
            restoreTerminal()
            printError(TerminalSafe.escape(message))
            return failed
        }
        return status
    }

    /// The loop: draw the program's frame when it changed, read a key, hand it over; returns 0 when the
    /// program quits, or what `end` returns for a signal or a terminal that went away.
    private static func eventLoop(
        _ program: TerminalProgram, window: UnsafeMutablePointer<WINDOW>, painter: ScreenPainter,
        input: InputReader, signals: SignalTrap, end: (Int32) -> Int32
    ) -> Int32 {
        var rows = Int(getmaxy(window))
        var columns = Int(getmaxx(window))
        var needsFrame = true
        var idlePolls = 0
        while true {
            if let sig = signals.takePending() { return end(sig) }
            if needsFrame {
                let grid = program.frame(width: max(0, columns), height: max(0, rows))
                painter.paint(grid, rows: rows, columns: columns)
                needsFrame = false
            }
            switch input.next() {
            case .timeout:
                idlePolls += 1
                if idlePolls >= idleRedrawPolls {
                    idlePolls = 0
                    needsFrame = true
                }
            case .ignored:
                continue
            case .hangup:
                // The terminal went away without a SIGHUP reaching us (or before it did): the same ending.
                return end(SIGHUP)
            case .key(let key):
                idlePolls = 0
                if key == .resize {
                    rows = Int(getmaxy(window))
                    columns = Int(getmaxx(window))
                    painter.invalidate()
                }
                guard program.handle(key) else { return 0 }
                if program.takeRedrawRequest() { painter.invalidate() }
                needsFrame = true
            }
        }
    }

    /// Terminal modes for a full-screen UI; failures (e.g. no cursor visibility control) are harmless.
    private static func configure(window: UnsafeMutablePointer<WINDOW>, options: Options) {
        // cbreak, not raw: Ctrl-C must still raise SIGINT so the loop can save and exit cleanly.
        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        // Let Ctrl-S / Ctrl-Q reach the program instead of freezing output (XON/XOFF).
        var modes = termios()
        if tcgetattr(STDIN_FILENO, &modes) == 0 {
            modes.c_iflag &= ~tcflag_t(IXON)
            tcsetattr(STDIN_FILENO, TCSANOW, &modes)
            def_prog_mode()
        }
        if options.mouse {
            mousemask(cn_button1_pressed() | cn_button4_pressed() | cn_button5_pressed(), nil)
            mouseinterval(0)
        }
    }

    /// What the crash handler writes to leave the UI: normal screen, visible cursor, no attributes or mouse.
    private static func resetSequence(mouse: Bool) -> String {
        var out = ""
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            guard let value = tigetstr(capability), Int(bitPattern: value) != -1 else { continue }
            out += String(cString: value)
        }
        if mouse { out += "\u{1B}[?1000l\u{1B}[?1006l" }
        return out
    }

    /// Writes `message` and a newline to stderr, ignoring failure: after a hangup stderr may be a
    /// closed terminal, and the recovery file has been written by then whatever happens here.
    private static func printError(_ message: String) {
        let bytes = Array((message + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
