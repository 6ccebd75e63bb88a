import ActionPlanCore
import ActionPlanStore
import Foundation
import TestProcess
import XCTest

/// Keys that need the real terminal: E hands the terminal to $EDITOR and takes it back, Ctrl-L redraws a
/// screen something else wrote over, and Esc, q and Q leave views and quit as in tig and lazygit.
extension EndToEndTmuxTests {
    // MARK: Each scenario against each build

    func testEEditsTheTextInTheEditorAndTheScreenComesBack_debug() throws { try externalEditor(.debug) }
    func testEEditsTheTextInTheEditorAndTheScreenComesBack_release() throws { try externalEditor(.release) }
    func testCtrlLRedrawsOverWhatElseWroteOnTheTerminal_debug() throws { try ctrlL(.debug) }
    func testCtrlLRedrawsOverWhatElseWroteOnTheTerminal_release() throws { try ctrlL(.release) }
    func testEscAndQLeaveAViewAndCapitalQQuits_debug() throws { try leaveViewsAndQuit(.debug) }
    func testEscAndQLeaveAViewAndCapitalQQuits_release() throws { try leaveViewsAndQuit(.release) }

    // MARK: Scenarios

    private func externalEditor(_ build: TmuxSession.Build) throws {
        // The "editor" checks it got the action's text, then replaces it; it runs on the pane's terminal.
        let script = dir + "/editor.sh"
        try """
        #!/bin/sh
        grep -q 'Evaluate the Life skills project' "$1" || exit 3
        printf 'Evaluate the Life skills project\\nwith the youth council\\n' > "$1"

        """.write(toFile: script, atomically: true, encoding: .utf8)
        XCTAssertEqual(chmod(script, 0o755), 0)
        try start(build, environment: ["EDITOR": script, "VISUAL": ""])
        try pane.waitFor("1a(i)")
        try pane.keys("/")
        try pane.keys("-l", "5(xii)")
        try pane.keys("Enter")
        try pane.waitFor("match 1/1")
        try pane.keys("E")
        try pane.waitFor("Edit text of 5(xii) (u to undo)")
        try pane.waitFor("with the youth council")
        XCTAssertEqual(try pane.format("#{alternate_on}"), "1", "the full screen is back")
        try pane.keys("w")
        try pane.waitUntilGone("[unsaved]")
        try pane.keys("q")
        let s = try pane.waitFor("EXITED:")
        XCTAssertTrue(s.contains("EXITED:0"), s)
        let saved = try PlanStore.load(dir + "/plan.json")
        XCTAssertEqual(
            saved.path(of: "5(xii)").map { saved[$0].text },
            "Evaluate the Life skills project with the youth council")
    }

    private func ctrlL(_ build: TmuxSession.Build) throws {
        try start(build)
        try pane.waitFor("1a(i)")
        let tty = try pane.format("#{pane_tty}")
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: tty), "cannot open \(tty)")
        handle.write(Data("\u{1B}[5;5HSCRIBBLED-OVER".utf8))
        try handle.close()
        try pane.waitFor("SCRIBBLED-OVER")
        // A key that redraws the bottom only: the scribble on an unchanged row stays (rows are drawn on change).
        try pane.keys("/")
        try pane.waitFor("Search:")
        XCTAssertTrue(try pane.screen().contains("SCRIBBLED-OVER"), "only changed rows are drawn")
        try pane.keys("Escape")
        try pane.waitUntilGone("Search:")
        try pane.keys("C-l")
        try pane.waitUntilGone("SCRIBBLED-OVER")
        try pane.waitFor("1a(i)")
        try pane.keys("q")
        try pane.waitFor("EXITED:0")
    }

    private func leaveViewsAndQuit(_ build: TmuxSession.Build) throws {
        try start(build)
        try pane.waitFor("1a(i)")
        try pane.keys("o")
        try pane.waitFor("overdue, by deadline │ 28 of 57 shown")
        try pane.keys("Escape")
        try pane.waitUntilGone("28 of 57 shown")
        try pane.keys("f")
        try pane.keys("-l", "lead DS rating G")
        try pane.keys("Enter")
        try pane.waitFor("5 of 57 shown")
        try pane.keys("q")
        try pane.waitUntilGone("5 of 57 shown")
        XCTAssertFalse(try pane.screen().contains("EXITED:"), "q in a filter went back, not out")
        try pane.keys("o")
        try pane.waitFor("28 of 57 shown")
        try pane.keys("Q")
        try pane.waitFor("EXITED:0")
    }
}
