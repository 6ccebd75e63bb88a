import ActionPlanCore
import ActionPlanTUI
import XCTest

/// Leads written as names or roles in the terminal UI: typed, written back into the editor, and shown
/// as written in the detail pane, without the warning an unknown code gets.
final class LeadNamesTests: XCTestCase {
    func testNamesAndRolesAreEditedAsWrittenAndShownWithoutAnUnknownCodeWarning() {
        var d = Driver()
        d.select("1a(i)")
        d.press(.char("e"), .char("l"), .ctrl("u"))
        d.type("Sarah D'Souza/ CM & Head of Service")
        d.press(.enter)
        XCTAssertEqual(d.action("1a(i)")?.leads, ["Sarah D'Souza", "CM", "Head of Service"])
        XCTAssertEqual(d.state.message?.text, "Set leads of 1a(i) to Sarah D'Souza, CM, Head of Service (u to undo)")

        d.press(.char("e"), .char("l"))
        guard case .prompt(let prompt) = d.state.mode else { return XCTFail("no lead editor") }
        XCTAssertEqual(prompt.editor.text, "Sarah D'Souza, CM, Head of Service", "splits back into the same leads")
        d.press(.escape)

        let screen = d.frame(width: 120, height: 40).lines().joined(separator: "\n")
        XCTAssertTrue(screen.contains("Leads      Sarah D'Souza"), screen)
        XCTAssertTrue(screen.contains("CM — Chris Munday, Director"), screen)
        XCTAssertTrue(screen.contains("Head of Service"), screen)
        XCTAssertFalse(screen.contains("unknown code"), screen)
    }

    func testAnUnknownCodeIsStillMarked() {
        var d = Driver()
        d.select("1a(i)")
        d.press(.char("e"), .char("l"), .ctrl("u"))
        d.type("TMc")
        d.press(.enter)
        let screen = d.frame(width: 120, height: 40).lines().joined(separator: "\n")
        XCTAssertTrue(screen.contains("Lead       TMc — unknown code (not in the"), screen)
    }
}
