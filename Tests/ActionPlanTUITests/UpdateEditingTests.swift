import ActionPlanCore
import ActionPlanTUI
import XCTest

/// Rating, editing, adding, deleting, undo/redo and quitting with unsaved changes.
final class UpdateEditingTests: XCTestCase {
    func testRateGreenNeedsANoteAndRecordsTheChange() {
        var d = Driver()
        d.select("1a(ii)")
        d.press(.char("r"))
        XCTAssertEqual(d.state.mode, .ratingPicker(actionID: "1a(ii)"))
        d.press(.char("g"))
        XCTAssertEqual(d.promptPurpose, .rateNote(id: "1a(ii)", rating: .green))
        d.press(.enter)
        XCTAssertEqual(d.promptError, "A note is required: say why the rating changes")
        d.type("  ")
        d.press(.enter)
        XCTAssertNotNil(d.promptError)
        d.type("Board reviewed")
        d.press(.enter)
        XCTAssertEqual(d.state.mode, .browse)
        let a = d.action("1a(ii)")!
        XCTAssertEqual(a.rating, .green)
        XCTAssertEqual(
            a.history,
            [RatingChange(date: TUIFixtures.asOf, from: .amber, to: .green, by: "tester", note: "Board reviewed")])
        XCTAssertTrue(d.state.isModified)
        XCTAssertEqual(d.state.message?.text, "Rate 1a(ii) Green (u to undo)")
        XCTAssertEqual(d.selectedID, "1a(ii)")
    }

    func testEscapeStepsBackOnePromptKeepingWhatWasTypedAndCancelsOnlyAtTheFirstStep() {
        var d = Driver()
        d.select("1a(i)")
        d.press(.char("r"), .escape)
        XCTAssertEqual(d.state.mode, .browse)
        d.press(.char("r"), .char("r"))
        d.type("slipping")
        d.press(.escape)
        XCTAssertEqual(d.state.mode, .ratingPicker(actionID: "1a(i)"), "Esc in the note goes back to the picker")
        d.press(.escape)
        XCTAssertEqual(d.state.mode, .browse)
        d.press(.char("r"), .char("a"))
        d.type("late")
        d.press(.enter)
        XCTAssertEqual(d.promptPurpose, .rateRevisedDate(id: "1a(i)", rating: .amber, note: "late"))
        d.type("end of March")
        d.press(.escape)
        XCTAssertEqual(d.promptPurpose, .rateNote(id: "1a(i)", rating: .amber))
        guard case .prompt(let back) = d.state.mode else { return XCTFail("no note prompt") }
        XCTAssertEqual(back.editor.text, "late", "the note typed is kept")
        d.press(.escape, .escape)
        XCTAssertEqual(d.state.mode, .browse)
        XCTAssertEqual(d.action("1a(i)"), TUIFixtures.small().themes[0].groups[0].actions[0])
        XCTAssertFalse(d.state.isModified)
        XCTAssertTrue(d.state.undoStack.isEmpty)
    }

    func testEscapeStepsBackThroughAddingAndRevising() {
        var d = Driver()
        d.select("1a(i)")
        d.press(.char("A"))
        d.type("1a(ix)")
        d.press(.enter)
        d.type("New work")
        d.press(.enter)
        d.type("BT CM")
        d.press(.enter)
        XCTAssertEqual(
            d.promptPurpose, .addDate(theme: 0, group: 0, id: "1a(ix)", text: "New work", leads: ["BT", "CM"]))
        d.press(.escape)
        guard case .prompt(let leads) = d.state.mode else { return XCTFail("no leads prompt") }
        XCTAssertEqual(leads.editor.text, "BT CM")
        d.press(.escape, .escape)
        guard case .prompt(let id) = d.state.mode else { return XCTFail("no ID prompt") }
        XCTAssertEqual(id.purpose, .addID(theme: 0, group: 0))
        XCTAssertEqual(id.editor.text, "1a(ix)")
        d.press(.escape)
        XCTAssertEqual(d.state.mode, .browse)
        d.press(.char("e"), .char("v"), .ctrl("u"))
        d.type("June 2019")
        d.press(.enter)
        XCTAssertEqual(d.promptPurpose, .reviseReason(id: "1a(i)", date: "June 2019"))
        d.type("reason")
        d.press(.escape)
        guard case .prompt(let date) = d.state.mode else { return XCTFail("no date prompt") }
        XCTAssertEqual(date.editor.text, "June 2019")
        d.press(.escape)
        XCTAssertEqual(d.state.mode, .editPicker(actionID: "1a(i)"))
        XCTAssertEqual(d.state.plan, TUIFixtures.small())
    }

    func testAddOnAThemeRowUsesItsLastGroupAndEscCancels() {
        var d = Driver()
        d.press(.char("A"))
        XCTAssertEqual(d.promptPurpose, .addID(theme: 0, group: 1))
        d.type("x")
        d.press(.enter)
        d.press(.escape)
        XCTAssertEqual(d.state.plan, TUIFixtures.small())
    }

    func testDeleteAsksFirst() {
        var d = Driver()
        d.select("1a(ii)")
        d.press(.char("D"))
        XCTAssertEqual(d.state.mode, .question(.deleteAction(id: "1a(ii)")))
        d.press(.char("n"))
        XCTAssertNotNil(d.action("1a(ii)"))
        d.press(.char("D"), .escape)
        XCTAssertNotNil(d.action("1a(ii)"))
        d.press(.char("D"), .char("y"))
        XCTAssertNil(d.action("1a(ii)"))
        XCTAssertEqual(d.selectedID, "1a(iii)", "the selection moves to the next row")
        XCTAssertEqual(d.state.message?.text, "Deleted 1a(ii) (u to undo)")
    }

    func testUndoAndRedoManySteps() {
        var d = Driver()
        var plans = [d.state.plan]
        for id in ["1a(i)", "1a(ii)", "1b(i)", "2(i)", "2(ii)", "2(iii)"] {
            d.select(id)
            d.press(.char("r"), .char("b"))
            d.type("done \(id)")
            d.press(.enter)
            plans.append(d.state.plan)
        }
        d.select("1b(ii)")
        d.press(.char("D"), .char("y"))
        plans.append(d.state.plan)
        XCTAssertEqual(d.state.undoStack.count, 7)
        for i in stride(from: plans.count - 2, through: 0, by: -1) {
            d.press(.char("u"))
            XCTAssertEqual(d.state.plan, plans[i])
        }
        XCTAssertFalse(d.state.isModified, "undoing everything is the saved plan again")
        d.press(.char("u"))
        XCTAssertEqual(d.state.message?.text, "Nothing to undo")
        for i in 1..<plans.count {
            d.press(.ctrl("r"))
            XCTAssertEqual(d.state.plan, plans[i])
        }
        d.press(.ctrl("r"))
        XCTAssertEqual(d.state.message?.text, "Nothing to redo")
        // A new edit after undo clears the redo stack.
        d.press(.char("u"), .char("u"))
        d.select("1a(iii)")
        d.press(.char("p"))
        d.type("note")
        d.press(.enter)
        XCTAssertTrue(d.state.redoStack.isEmpty)
        XCTAssertEqual(d.state.undoStack.count, 6)
    }

    func testQuitAsksToSaveOnlyWhenThereAreUnsavedChanges() {
        var d = Driver()
        d.press(.char("q"))
        XCTAssertEqual(d.effects, [.quit])

        d = Driver()
        d.select("1a(i)")
        d.press(.char("p"))
        d.type("x")
        d.press(.enter)
        d.press(.char("q"))
        XCTAssertEqual(d.state.mode, .question(.quitUnsaved))
        XCTAssertEqual(d.effects, [])
        d.press(.escape)
        XCTAssertEqual(d.state.mode, .browse)
        d.press(.char("q"), .char("n"))
        XCTAssertEqual(d.effects, [.quit])
        d.press(.char("q"), .char("y"))
        XCTAssertEqual(d.effects, [.save(quitAfter: true)])
        d.send(.saved(path: "plan.json", plan: d.state.plan, fingerprint: 1, merged: false, quitAfter: true))
        XCTAssertEqual(d.effects, [.quit])
        XCTAssertFalse(d.state.isModified)
    }

    func testSaveConflictOffersReloadOrSaveElsewhere() {
        var d = Driver()
        d.select("1a(i)")
        d.press(.char("p"))
        d.type("x")
        d.press(.enter)
        d.press(.char("w"))
        XCTAssertEqual(d.effects, [.save(quitAfter: false)])
        d.send(.fileChangedOnDisk(quitAfter: false))
        XCTAssertEqual(d.state.mode, .conflict(quitAfter: false))
        d.press(.char("r"))
        XCTAssertEqual(d.state.mode, .question(.reloadDiscarding))
        d.press(.char("n"))
        XCTAssertTrue(d.state.isModified)
        d.send(.fileChangedOnDisk(quitAfter: false))
        d.press(.char("s"))
        XCTAssertEqual(d.promptPurpose, .saveAsPath(quitAfter: false))
        d.press(.ctrl("u"))
        d.type("mine.json")
        d.press(.enter)
        XCTAssertEqual(d.effects, [.saveAs(path: "mine.json", quitAfter: false, overwrite: false)])
        // The session found a file there: the user is asked before it is replaced.
        d.send(.saveAsExists(path: "mine.json", quitAfter: false))
        XCTAssertEqual(d.state.mode, .question(.overwrite(path: "mine.json", quitAfter: false)))
        d.press(.char("y"))
        XCTAssertEqual(d.effects, [.saveAs(path: "mine.json", quitAfter: false, overwrite: true)])
    }

    func testEAsksTheRuntimeForTheEditorAndItsTextIsCheckedAsATextEdit() {
        var d = Driver()
        d.select("1a(ii)")
        d.press(.char("E"))
        XCTAssertEqual(d.effects, [.editInEditor(id: "1a(ii)", text: "Review the board")])
        XCTAssertEqual(d.state.mode, .browse, "the update only asks; the runtime runs the editor")
        d.send(.editedInEditor(id: "1a(ii)", text: "   \n"))
        XCTAssertEqual(d.promptPurpose, .editText(id: "1a(ii)"), "an empty text is refused as in e t")
        XCTAssertEqual(d.promptError, "the action text must not be empty")
        d.press(.escape, .escape)
        d.send(.editedInEditor(id: "1a(ii)", text: "Review the board\nand its terms of reference\n"))
        XCTAssertEqual(d.action("1a(ii)")?.text, "Review the board and its terms of reference")
        XCTAssertEqual(d.state.message?.text, "Edit text of 1a(ii) (u to undo)")
        d.send(.editedInEditor(id: "1a(ii)", text: "Review the board and its terms of reference\n"))
        XCTAssertEqual(d.state.message?.text, "Text of 1a(ii) unchanged")
    }
}

/// A plan with its own rating words is rated with them, and its columns of its own are shown.
final class OwnScaleTests: XCTestCase {
    func testTheRatingPickerOffersThePlansOwnLevelsAndTheDetailPaneShowsFields() {
        var plan = TUIFixtures.small()
        plan.scale = RatingScale(levels: [
            .init(name: "Complete", letter: "C", definition: "Done", rating: .blue),
            .init(name: "Green", letter: "G", definition: "On track", rating: .green),
            .init(name: "Yellow", letter: "Y", definition: "Minor slippage", rating: .amber),
            .init(name: "Red", letter: "R", definition: "Off track", rating: .red),
        ])
        let p = plan.path(of: "1a(i)")!
        plan[p].fields = [ActionField(name: "Success measure", value: "Plan agreed by the board")]
        var d = Driver(TUIFixtures.state(plan))
        d.select("1a(i)")
        var screen = d.frame(width: 100, height: 30).lines().joined(separator: "\n")
        XCTAssertTrue(screen.contains("Success measure: Plan agreed by the board"), screen)
        d.press(.char("r"))
        screen = d.frame(width: 100, height: 30).lines().joined(separator: "\n")
        XCTAssertTrue(screen.contains("Rate 1a(i) (now Green) as: C Complete  G Green  Y Yellow  R Red"), screen)
        d.press(.char("y"))
        XCTAssertEqual(d.promptPurpose, .rateNote(id: "1a(i)", rating: .amber, status: "Yellow"))
        d.type("slipping")
        d.press(.enter)  // Amber asks for a revised date
        d.press(.enter)
        let a = d.action("1a(i)")!
        XCTAssertEqual(a.rating, .amber)
        XCTAssertEqual(a.status, "Yellow")
        XCTAssertEqual(a.history.last?.status, "Yellow")
        screen = d.frame(width: 100, height: 30).lines().joined(separator: "\n")
        XCTAssertTrue(screen.contains("Yellow (counts as Amber): Minor slippage"), screen)
    }
}
