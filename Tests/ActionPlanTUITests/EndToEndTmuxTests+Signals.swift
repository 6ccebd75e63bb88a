import ActionPlanCore
import ActionPlanStore
import Foundation
import TestProcess
import XCTest

/// Ending the terminal UI from outside with unsaved changes: Ctrl-C, SIGTERM, SIGHUP, and the terminal
/// closing (with the SIGHUP a closed tmux session sends, and without one, when only failing reads tell).
///
/// Each time the unsaved rating must reach the recovery file (`plan.json.actionplan-recovery`)
/// while `plan.json` stays as saved, and the process must end within a few seconds; when the
/// terminal stays open, the exit status must be 128 + the signal and the pane's terminal must be
/// back as the shell had it (echo and canonical input on, normal screen, visible cursor).
extension EndToEndTmuxTests {
    // MARK: Each scenario against each build

    func testCtrlCWritesTheRecoveryFileRestoresTheTerminalAndExits130_debug() throws { try ctrlC(.debug) }
    func testCtrlCWritesTheRecoveryFileRestoresTheTerminalAndExits130_release() throws { try ctrlC(.release) }
    func testSIGTERMWritesTheRecoveryFileRestoresTheTerminalAndExits143_debug() throws { try sigterm(.debug) }
    func testSIGTERMWritesTheRecoveryFileRestoresTheTerminalAndExits143_release() throws { try sigterm(.release) }
    func testSIGHUPWritesTheRecoveryFileRestoresTheTerminalAndExits129_debug() throws { try sighup(.debug) }
    func testSIGHUPWritesTheRecoveryFileRestoresTheTerminalAndExits129_release() throws { try sighup(.release) }
    func testClosingTheSessionSendsSIGHUPAndTheRecoveryFileIsWritten_debug() throws { try closedSession(.debug) }
    func testClosingTheSessionSendsSIGHUPAndTheRecoveryFileIsWritten_release() throws { try closedSession(.release) }
    func testClosedTerminalWithoutSIGHUPWritesTheRecoveryFileAndExits_debug() throws { try hangupOnly(.debug) }
    func testClosedTerminalWithoutSIGHUPWritesTheRecoveryFileAndExits_release() throws { try hangupOnly(.release) }

    // MARK: Scenarios

    private func ctrlC(_ build: TmuxSession.Build) throws {
        try start(build)
        let pid = try rateWithoutSaving()
        try pane.keys("C-c")
        let exited = try assertExited(pid, status: 130)
        try assertRecoveryHoldsTheRating()
        if exited { try assertTerminalRestored() }
    }

    private func sigterm(_ build: TmuxSession.Build) throws {
        try start(build)
        let pid = try rateWithoutSaving()
        XCTAssertEqual(kill(pid, SIGTERM), 0, "kill -TERM \(pid)")
        let exited = try assertExited(pid, status: 143)
        try assertRecoveryHoldsTheRating()
        if exited { try assertTerminalRestored() }
    }

    /// SIGHUP alone, the terminal still open: the handler, not a failing read, must end the UI.
    private func sighup(_ build: TmuxSession.Build) throws {
        try start(build)
        let pid = try rateWithoutSaving()
        XCTAssertEqual(kill(pid, SIGHUP), 0, "kill -HUP \(pid)")
        let exited = try assertExited(pid, status: 129)
        try assertRecoveryHoldsTheRating()
        if exited { try assertTerminalRestored() }
    }

    /// The tmux session closes: the pty hangs up and the kernel sends SIGHUP to the pane's processes.
    private func closedSession(_ build: TmuxSession.Build) throws {
        try start(build)
        let pid = try rateWithoutSaving()
        try pane.tmux("kill-session", "-t", pane.name)  // the pty closes: SIGHUP to the pane's processes
        assertEnds(pid)
        try assertRecoveryHoldsTheRating()
    }

    /// The pane closes under an actionplan in a session of its own: no SIGHUP, only failing reads.
    private func hangupOnly(_ build: TmuxSession.Build) throws {
        try start(build, detached: true)  // in a session of its own: the closing pane sends it no SIGHUP
        let pid = try rateWithoutSaving()
        try pane.tmux("kill-session", "-t", pane.name)
        assertEnds(pid)
        try assertRecoveryHoldsTheRating()
    }

    // MARK: Steps and checks

    /// The note the unsaved rating carries.
    private var note: String { "Slipping: the induction pack is late" }

    /// Rates 1a(i) Amber with ``note`` and no revised date, leaving it unsaved; returns actionplan's process ID.
    private func rateWithoutSaving(file: StaticString = #filePath, line: UInt = #line) throws -> pid_t {
        try pane.waitFor("1a(i)", timeout: 30)  // the first frame shows the plan
        let pid = try XCTUnwrap(pane.actionplanPID(), "the pane recorded no process ID", file: file, line: line)
        try pane.keys("/")
        try pane.keys("-l", "1a(i)")
        try pane.keys("Enter")
        try pane.waitFor("match 1/1")
        try pane.keys("r")
        try pane.waitFor("Rate 1a(i)")
        try pane.keys("a")
        try pane.waitFor("Note for 1a(i)")
        try pane.keys("-l", note)
        try pane.keys("Enter")
        try pane.waitFor("Revised date for 1a(i)")
        try pane.keys("Enter")
        try pane.waitFor("[unsaved]")
        XCTAssertTrue(ProcessState.isRunning(pid), "actionplan (\(pid)) is running", file: file, line: line)
        return pid
    }

    /// Fails unless `pid` ends within `timeout` seconds, saying whether it was spinning; returns whether it ended.
    @discardableResult
    private func assertEnds(_ pid: pid_t, timeout: Double = 10, file: StaticString = #filePath, line: UInt = #line)
        -> Bool
    {
        guard !ProcessState.waitUntilGone(pid, timeout: timeout) else { return true }
        let before = ProcessState.cpuTicks(of: pid) ?? 0
        sleep(1)
        let used = (ProcessState.cpuTicks(of: pid) ?? 0) - before
        let state = ProcessState.state(of: pid).map(String.init) ?? "?"
        XCTFail(
            "actionplan (\(pid)) still runs \(Int(timeout)) s later (state \(state), \(used) CPU ticks in the last second)",
            file: file, line: line)
        return false
    }

    /// Fails unless actionplan (`pid`) ends and the pane's shell reports that it exited with `status`;
    /// returns whether it ended.
    private func assertExited(_ pid: pid_t, status: Int32, file: StaticString = #filePath, line: UInt = #line) throws
        -> Bool
    {
        guard assertEnds(pid, file: file, line: line) else { return false }
        let screen = try pane.waitFor("EXITED:", file: file, line: line)
        let recorded = pane.recorded("exit.status")?.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(recorded, String(status), "exit status; screen:\n\(screen)", file: file, line: line)
        return true
    }

    /// Fails unless the recovery file holds 1a(i) rated Amber with ``note``, and the plan itself is as saved.
    private func assertRecoveryHoldsTheRating(file: StaticString = #filePath, line: UInt = #line) throws {
        let recoveryPath = dir + "/plan.json.actionplan-recovery"
        guard FileManager.default.fileExists(atPath: recoveryPath) else {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            return XCTFail("no recovery file; the directory holds \(files.sorted())", file: file, line: line)
        }
        let recovered = try PlanStore.load(recoveryPath)
        let action = try XCTUnwrap(recovered.path(of: "1a(i)").map { recovered[$0] }, file: file, line: line)
        XCTAssertEqual(action.rating, .amber, file: file, line: line)
        let change = try XCTUnwrap(action.history.last, file: file, line: line)
        XCTAssertEqual(change.note, note, file: file, line: line)
        XCTAssertEqual(change.from, .green, file: file, line: line)
        XCTAssertEqual(change.by, "NH", file: file, line: line)
        let saved = try PlanStore.load(dir + "/plan.json")
        XCTAssertEqual(
            saved.path(of: "1a(i)").map { saved[$0].rating }, .green, "plan.json is unchanged", file: file, line: line)
    }

    /// Fails unless the pane is back as the shell had it: `stty -a` run after the exit shows echo and
    /// canonical input (and signals, XON/XOFF) on, the normal screen is shown, the cursor is visible.
    private func assertTerminalRestored(file: StaticString = #filePath, line: UInt = #line) throws {
        let screen = try pane.waitFor("STTY-SAVED", file: file, line: line)
        let stty = pane.recorded("stty.after") ?? ""
        let modes = Set(stty.split(whereSeparator: { " ;\n".contains($0) }).map(String.init))
        for mode in ["echo", "icanon", "isig", "ixon"] {
            XCTAssertTrue(
                modes.contains(mode), "\(mode) is on after the exit; stty -a:\n\(stty)", file: file, line: line)
        }
        XCTAssertEqual(
            try pane.format("#{alternate_on}"), "0", "normal screen; screen:\n\(screen)", file: file, line: line)
        XCTAssertEqual(try pane.format("#{cursor_flag}"), "1", "cursor visible", file: file, line: line)
        XCTAssertTrue(screen.contains("unsaved changes written to"), screen, file: file, line: line)
        XCTAssertFalse(
            screen.contains("as of 31 Jan 2019"), "the plan's screen is gone:\n\(screen)", file: file, line: line)
    }
}
