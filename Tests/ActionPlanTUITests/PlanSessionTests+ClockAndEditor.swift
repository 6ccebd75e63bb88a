import ActionPlanCore
import ActionPlanStore
import ActionPlanTUI
import Foundation
import TestProcess
import XCTest

/// The session and the world outside the plan: the clock that dates edits, the export prompt's warning,
/// and the editor E hands the terminal to.
extension PlanSessionTests {
    func testEditsAreDatedByTheClockNotByAsOf() throws {
        let today = CalendarDay(year: 2026, month: 11, day: 30)!
        let s = try PlanSession(path: path, asOf: TUIFixtures.asOf, user: "tester", clock: { today })
        _ = s.frame(width: 80, height: 24)
        rateRed(s)
        edit(s, note: "later")
        let a = s.state.plan.themes[0].groups[0].actions[0]
        XCTAssertEqual(a.history.last?.date, today, "the rating is recorded on the day it was made")
        XCTAssertEqual(a.notes.last?.date, today)
        XCTAssertEqual(s.state.asOf, TUIFixtures.asOf, "--as-of still judges deadlines")
    }

    func testTheExportPromptSaysWhenThereAreUnsavedEdits() throws {
        let s = try open()
        XCTAssertTrue(s.handle(.char("x")))
        guard case .prompt(let clean) = s.state.mode else { return XCTFail("x should ask for a file") }
        XCTAssertFalse(clean.purpose.label.contains("UNSAVED"), clean.purpose.label)
        XCTAssertTrue(s.handle(.escape))
        edit(s)
        XCTAssertTrue(s.handle(.char("x")))
        guard case .prompt(let p) = s.state.mode else { return XCTFail("x should ask for a file") }
        XCTAssertEqual(p.purpose, .exportPath(unsaved: true))
        let screen = s.frame(width: 80, height: 24).lines().joined(separator: "\n")
        XCTAssertTrue(screen.contains("Export WITH UNSAVED EDITS to .html .md .xlsx .docx .csv .ics .json:"), screen)
    }

    func testERunsTheEditorWithTheTerminalHandedOverAndAppliesWhatItSaved() throws {
        let s = try open()
        let script = dir + "/editor.sh"
        try "#!/bin/sh\nprintf 'Agree the plan with the board\\n' > \"$1\"\n".write(
            toFile: script, atomically: true, encoding: .utf8)
        XCTAssertEqual(chmod(script, 0o755), 0)
        for k: KeyEvent in [.home, .down, .down, .char("E")] { XCTAssertTrue(s.handle(k)) }
        XCTAssertEqual(s.state.message?.isError, true, "no editor set: says so")
        s.editor = script
        XCTAssertTrue(s.handle(.char("E")))
        XCTAssertEqual(s.state.message?.text, "This terminal cannot hand the screen to an editor")
        var suspended = 0
        s.setSuspender { body in
            suspended += 1
            body()
        }
        XCTAssertTrue(s.handle(.char("E")))
        XCTAssertEqual(suspended, 1, "the editor ran with the terminal handed over")
        XCTAssertEqual(s.state.plan.themes[0].groups[0].actions[0].text, "Agree the plan with the board")
        XCTAssertTrue(s.takeRedrawRequest(), "the screen is drawn again after the editor")
        s.editor = "false"
        XCTAssertTrue(s.handle(.char("E")))
        XCTAssertEqual(s.state.message?.text, "the editor (false) exited with status 1; nothing changed")
    }
}
