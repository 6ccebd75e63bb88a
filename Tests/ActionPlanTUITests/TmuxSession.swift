import Foundation
import TestProcess
import XCTest

/// One `actionplan` running in a pane of a private tmux server, driven as a lead would drive it.
///
/// The server is the test's own (socket named after the session, options from `dir/tmux.conf`),
/// so server options and paste buffers are the test's alone, whichever tmux server the user runs.
/// The pane runs `dir/run.sh`, which records actionplan's process ID in `dir/actionplan.pid`, and
/// after it ends records its exit status in `dir/exit.status` (and shows `EXITED:N`) and the
/// terminal's modes (`stty -a`) in `dir/stty.after`, then shows `STTY-SAVED`.
final class TmuxSession {
    /// Which `actionplan` a test drives: the debug build `swift test` made, or the release build users run.
    enum Build: String, CaseIterable {
        case debug, release

        /// The binary's path (building the release binary the first time it is asked for).
        func binary() throws -> String {
            switch self {
            case .debug: return TestPaths.actionplan
            case .release: return try ReleaseBuild.actionplan()
            }
        }
    }

    /// The session's name, also the name of the private server's socket.
    let name = "actionplan-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    /// The pane's title, set by the pane's script before actionplan starts: a program that retitles
    /// the pane changes it. (Set by the script, not by `select-pane -T` after the start, because the
    /// xterm-256color `smcup` saves the title and `rmcup` restores it: a title set once the program is
    /// running would be undone by its exit.)
    static let title = "clean-title"
    /// The directory holding `plan.json`, the pane's script and what it records.
    let dir: String
    /// The plan file the program edits.
    var planPath: String { dir + "/plan.json" }

    /// Prepares a session in `dir` (nothing runs until ``start(_:width:height:detached:)``).
    init(dir: String) throws {
        self.dir = dir
        // With set-clipboard on, an OSC 52 sequence that reached a pane would become a tmux paste
        // buffer (tmux's default, external, ignores it), so a test can see it was not passed through.
        try "set-option -s set-clipboard on\n".write(toFile: dir + "/tmux.conf", atomically: true, encoding: .utf8)
    }

    /// Runs a command and returns its status and output, failing the test if it hangs.
    ///
    /// The first `tmux` call starts the tmux server, which outlives the client: ``ChildProcess``
    /// waits for the client alone (Foundation's `Process` would wait for the server too).
    @discardableResult
    static func sh(_ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> (Int32, String) {
        let o = try ChildProcess.run(args[0], Array(args.dropFirst()), timeout: 30)
        if o.timedOut { XCTFail("\(o.commandLine) did not finish within 30 s; killed", file: file, line: line) }
        return (o.status, o.stdout + o.stderr)
    }

    /// Runs tmux on this session's own server and returns what it printed.
    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        try Self.sh(["tmux", "-L", name, "-f", dir + "/tmux.conf"] + args).1
    }

    /// Runs tmux on this session's own server and returns what it printed.
    @discardableResult
    func tmux(_ args: String...) throws -> String { try tmux(args) }

    /// Opens `plan` (default `plan.json`) with `build`'s actionplan in a new `width` × `height` session.
    ///
    /// `detached` starts actionplan in a session of its own (`setsid`): it keeps the pane as its
    /// terminal but not as its controlling terminal, so when the pane closes no SIGHUP reaches it
    /// and it can only notice that reads fail. `environment` adds variables (such as `EDITOR`) to actionplan's.
    func start(
        _ build: Build, width: Int = 80, height: Int = 24, detached: Bool = false, plan: String = "plan.json",
        environment: [String: String] = [:]
    ) throws {
        let binary = try build.binary()
        let extra = environment.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)' " }.joined()
        // A shell without job control dies of a Ctrl-C meant for its child unless it traps SIGINT;
        // the child's SIGINT is back to the default when it starts (exec resets caught signals).
        let script = """
            printf '\\033]2;\(Self.title)\\033\\\\'
            trap : INT
            cd '\(dir)' || exit 1
            TERM=xterm-256color ACTIONPLAN_USER=NH \(extra)\(detached ? "setsid " : "")sh -c 'echo $$ > actionplan.pid; \
            exec "$@"' sh '\(binary)' '\(plan)' --as-of 2019-01-31
            status=$?
            echo $status > exit.status
            echo EXITED:$status
            stty -a > stty.after 2>&1
            echo STTY-SAVED
            sleep 60

            """
        try script.write(toFile: dir + "/run.sh", atomically: true, encoding: .utf8)
        try tmux("new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), "sh '\(dir)/run.sh'")
    }

    /// The pane's text.
    func screen() throws -> String { try tmux("capture-pane", "-p", "-t", name) }

    /// A tmux format expanded for the pane, e.g. `#{alternate_on}`.
    func format(_ format: String) throws -> String {
        try tmux("display-message", "-p", "-t", name, format).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Types keys into the pane (`send-keys` arguments: key names, or `-l` and literal text).
    func keys(_ k: String...) throws { try tmux(["send-keys", "-t", name] + k) }

    /// Captures the screen until `done` holds for it and returns that screen; after `timeout`
    /// seconds, fails with `failure` and the last screen.
    @discardableResult
    func pollScreen(
        timeout: Double, failure: String, file: StaticString, line: UInt, until done: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if done(last) { return last }
            usleep(50_000)
        }
        XCTFail("\(failure); last screen:\n\(last)", file: file, line: line)
        return last
    }

    /// Waits until the screen contains `text` (or fails after `timeout` seconds).
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15, file: StaticString = #filePath, line: UInt = #line)
        throws -> String
    {
        try pollScreen(timeout: timeout, failure: "screen never showed \"\(text)\"", file: file, line: line) {
            $0.contains(text)
        }
    }

    /// Waits until one line of the screen, trailing spaces left off, is exactly `text` (or fails after
    /// `timeout` seconds): a line only a frame drawn at a given size shows, such as a status line with
    /// fewer parts, proves the program drew at that size.
    @discardableResult
    func waitForLine(_ text: String, timeout: Double = 15, file: StaticString = #filePath, line: UInt = #line)
        throws -> String
    {
        try pollScreen(timeout: timeout, failure: "no line of the screen was \"\(text)\"", file: file, line: line) {
            $0.split(separator: "\n", omittingEmptySubsequences: false).contains { row in
                var row = Substring(row)
                while row.last == " " { row = row.dropLast() }
                return row == text
            }
        }
    }

    /// Waits until the screen no longer contains `text`.
    func waitUntilGone(_ text: String, timeout: Double = 15, file: StaticString = #filePath, line: UInt = #line)
        throws
    {
        try pollScreen(timeout: timeout, failure: "screen still shows \"\(text)\"", file: file, line: line) {
            !$0.contains(text)
        }
    }

    /// The contents of `name` in the session's directory once it exists, or nil after `timeout` seconds.
    func recorded(_ name: String, timeout: Double = 15) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if let text = try? String(contentsOfFile: dir + "/" + name, encoding: .utf8), text.hasSuffix("\n") {
                return text
            }
            usleep(50_000)
        } while Date() < deadline
        return nil
    }

    /// The process ID of the actionplan the pane started (nil if it never started).
    func actionplanPID() -> pid_t? {
        recorded("actionplan.pid").flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Ends the server and everything in it, and kills an actionplan that outlived it (a test that
    /// failed because it did not exit must not leave it spinning).
    func close() {
        _ = try? tmux("kill-server")
        if let text = try? String(contentsOfFile: dir + "/actionplan.pid", encoding: .utf8),
            let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)),
            !ProcessState.waitUntilGone(pid, timeout: 3)
        {
            kill(pid, SIGKILL)
        }
        // tmux leaves the socket file behind (in $TMUX_TMPDIR or /tmp, under tmux-UID).
        let tmp = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        try? FileManager.default.removeItem(atPath: "\(tmp)/tmux-\(getuid())/\(name)")
    }
}
