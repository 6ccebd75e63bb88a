import Foundation
import TestProcess
import XCTest

/// Drives the real `actionplan` binary in tmux, as a lead would: search, rate, save, quit, resize.
final class EndToEndTmuxTests: XCTestCase {
    private var session = ""
    private var dir = ""

    /// Runs a command and returns its status and output, failing the test if it hangs.
    ///
    /// The first `tmux` call starts the tmux server, which outlives the client: ``ChildProcess``
    /// waits for the client alone (Foundation's `Process` would wait for the server too).
    @discardableResult
    private func sh(_ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> (Int32, String) {
        let o = try ChildProcess.run(args[0], Array(args.dropFirst()), timeout: 30)
        if o.timedOut { XCTFail("\(o.commandLine) did not finish within 30 s; killed", file: file, line: line) }
        return (o.status, o.stdout + o.stderr)
    }

    /// Runs tmux on this test's own server (socket `session`, options from `dir/tmux.conf`), so
    /// server options and paste buffers are the test's alone, whichever tmux server the user runs.
    @discardableResult
    private func tmux(_ args: [String]) throws -> String {
        try sh(["tmux", "-L", session, "-f", dir + "/tmux.conf"] + args).1
    }

    @discardableResult
    private func tmux(_ args: String...) throws -> String { try tmux(args) }

    private func screen() throws -> String { try tmux("capture-pane", "-p", "-t", session) }

    /// Captures the screen until `done` holds for it and returns that screen; after `timeout`
    /// seconds, fails with `failure` and the last screen.
    @discardableResult
    private func pollScreen(
        timeout: Double, failure: String, file: StaticString, line: UInt,
        until done: (String) -> Bool
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

    /// Waits until the screen contains `text` (or fails after a few seconds).
    @discardableResult
    private func waitFor(_ text: String, timeout: Double = 10, file: StaticString = #filePath, line: UInt = #line)
        throws -> String
    {
        try pollScreen(timeout: timeout, failure: "screen never showed \"\(text)\"", file: file, line: line) {
            $0.contains(text)
        }
    }

    /// Waits until the screen no longer contains `text`.
    private func waitUntilGone(_ text: String, timeout: Double = 10, file: StaticString = #filePath, line: UInt = #line)
        throws
    {
        try pollScreen(timeout: timeout, failure: "screen still shows \"\(text)\"", file: file, line: line) {
            !$0.contains(text)
        }
    }

    private func keys(_ k: String...) throws { try tmux(["send-keys", "-t", session] + k) }

    override func setUpWithError() throws {
        guard (try? sh(["tmux", "-V"]).0) == 0 else { throw XCTSkip("tmux is not installed (CI installs it)") }
        session = "actionplan-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        dir = try temporaryDirectory()
        try FileManager.default.copyItem(atPath: TUIFixtures.barnetPath, toPath: dir + "/plan.json")
        // With set-clipboard on, an OSC 52 sequence that reached a pane would become a tmux paste
        // buffer (tmux's default, external, ignores it), so a test can see it was not passed through.
        try "set-option -s set-clipboard on\n".write(toFile: dir + "/tmux.conf", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        guard !session.isEmpty else { return }  // skipped: no tmux
        _ = try? tmux("kill-server")
        // tmux leaves the socket file behind (in $TMUX_TMPDIR or /tmp, under tmux-UID).
        let tmp = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        try? FileManager.default.removeItem(atPath: "\(tmp)/tmux-\(getuid())/\(session)")
        try? FileManager.default.removeItem(atPath: dir)
    }

    private func start(width: Int = 80, height: Int = 24, plan: String = "plan.json", extra: String = "") throws {
        let cmd =
            "cd '\(dir)' && TERM=xterm-256color ACTIONPLAN_USER=NH '\(TestPaths.actionplan)' '\(plan)' --as-of 2019-01-31 \(extra); echo EXITED:$?; sleep 30"
        try tmux("new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), cmd)
    }

    func testSearchRateSaveQuitThenShowSeesTheChange() throws {
        try start()
        try waitFor("1a(i)", timeout: 15)  // the first frame shows the plan
        try keys("/")
        try keys("-l", "5(xii)")
        try keys("Enter")
        try waitFor("Evaluate the Life skills project")
        try keys("r")
        try keys("r")  // Red
        try keys("-l", "Provider withdrew; no mitigation")
        try keys("Enter")
        try waitFor("[unsaved]")
        try keys("w")
        try waitUntilGone("[unsaved]")
        try keys("q")
        let s = try waitFor("EXITED:")
        XCTAssertTrue(s.contains("EXITED:0"), s)
        let show = try sh([TestPaths.actionplan, "show", dir + "/plan.json", "5(xii)", "--format", "json"])
        XCTAssertEqual(show.0, 0, show.1)
        let obj = try JSONSerialization.jsonObject(with: Data(show.1.utf8)) as! [String: Any]
        XCTAssertEqual(obj["rating"] as? String, "red")
        let last = (obj["history"] as! [[String: Any]]).last
        XCTAssertEqual(last?["note"] as? String, "Provider withdrew; no mitigation")
        XCTAssertEqual(last?["from"] as? String, "amber")
        XCTAssertEqual(last?["by"] as? String, "NH")
        XCTAssertEqual(last?["date"] as? String, "2019-01-31")
    }

    func testResizeToTinyAndBackKeepsRunning() throws {
        try start()
        try waitFor("1a(i)", timeout: 15)
        _ = try tmux("resize-window", "-t", session, "-x", "30", "-y", "8")
        usleep(300_000)
        let tiny = try screen()
        XCTAssertFalse(tiny.contains("EXITED"), tiny)
        _ = try tmux("resize-window", "-t", session, "-x", "1", "-y", "1")
        usleep(200_000)
        _ = try tmux("resize-window", "-t", session, "-x", "80", "-y", "24")
        let back = try waitFor("1a(i)")
        XCTAssertFalse(back.contains("EXITED"), back)
        try keys("q")
        let s = try waitFor("EXITED:")
        XCTAssertTrue(s.contains("EXITED:0"), s)
    }

    func testHostileTextDoesNotChangeThePaneTitleOrTheClipboard() throws {
        let p = dir + "/plan.json"
        var text = try String(contentsOfFile: p, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "Implement the BSCP Business and Improvement plan",
            with: "Evil \\u001b]2;PWNED\\u0007 \\u001b]52;c;SGVsbG8=\\u0007 \\u001b[31mred")
        try text.write(toFile: p, atomically: true, encoding: .utf8)
        try start(width: 100, height: 30)
        _ = try tmux("select-pane", "-t", session, "-T", "clean-title")
        try waitFor("1a(iii)", timeout: 15)
        try keys("/")
        try keys("-l", "1a(iii)")
        try keys("Enter")
        let s = try waitFor("Evil ^[]2;PWNED^G")
        XCTAssertFalse(s.contains("PWNED\u{07}"))
        XCTAssertEqual(try tmux("list-buffers"), "", "the OSC 52 in the plan did not set the clipboard")
        let title = try tmux("display-message", "-p", "-t", session, "#{pane_title}").trimmingCharacters(
            in: .whitespacesAndNewlines)
        XCTAssertEqual(title, "clean-title")
        try keys("q")
        try keys("n")
        try waitFor("EXITED:")
    }

    func testTheRecoveryNoticeNamesAHostileFileWithoutObeyingIt() throws {
        // Interrupted with unsaved changes, the UI writes a recovery file and names it on stderr once the
        // terminal is restored; a plan named to retitle the pane must not do so there either.
        let name = "plan\u{1B}]2;PWNED\u{07}.json"
        try FileManager.default.moveItem(atPath: dir + "/plan.json", toPath: dir + "/" + name)
        try start(plan: name)
        _ = try tmux("select-pane", "-t", session, "-T", "clean-title")
        try waitFor("1a(i)", timeout: 15)
        try keys("/")
        try keys("-l", "5(xii)")
        try keys("Enter")
        try waitFor("Evaluate the Life skills project")
        try keys("r")
        try keys("r")
        try keys("-l", "Provider withdrew")
        try keys("Enter")
        try waitFor("[unsaved]")
        let shell = try tmux("display-message", "-p", "-t", session, "#{pane_pid}")
        let child = try sh(["pgrep", "-P", shell.trimmingCharacters(in: .whitespacesAndNewlines)]).1
        let pid = try XCTUnwrap(child.split(separator: "\n").first.map(String.init), "the actionplan process")
        try sh(["kill", "-TERM", pid])
        let s = try waitFor("EXITED:")
        XCTAssertTrue(s.contains("unsaved changes written to plan^[]2;PWNED^G.json.actionplan-recovery"), s)
        let title = try tmux("display-message", "-p", "-t", session, "#{pane_title}").trimmingCharacters(
            in: .whitespacesAndNewlines)
        XCTAssertEqual(title, "clean-title", "the file name did not retitle the pane")
    }
}
