import ActionPlanTUI
import XCTest

/// The line editor: grapheme-aware editing and display-width-aware cursor placement.
final class LineEditorTests: XCTestCase {
    func testTypingAndCursorMovement() {
        var e = LineEditor()
        e.insert("helo")
        e.moveLeft()
        e.insert("l")
        XCTAssertEqual(e.text, "hello")
        XCTAssertEqual(e.cursor, 4)
        e.moveToStart()
        e.insert(">")
        e.moveToEnd()
        e.insert("!")
        XCTAssertEqual(e.text, ">hello!")
        e.moveLeft()
        e.moveLeft()
        e.deleteBackward()
        XCTAssertEqual(e.text, ">helo!")
        e.deleteForward()
        XCTAssertEqual(e.text, ">hel!")
        e.deleteToEnd()
        XCTAssertEqual(e.text, ">hel")
        e.moveLeft()
        e.deleteToStart()
        XCTAssertEqual(e.text, "l")
        XCTAssertEqual(e.cursor, 0)
        e.deleteBackward()
        e.moveLeft()
        XCTAssertEqual(e.text, "l")
        e.moveRight()
        e.moveRight()
        XCTAssertEqual(e.cursor, 1)
    }

    func testGraphemesAreNeverSplit() {
        var e = LineEditor("Zoë 🇬🇧 社会")
        XCTAssertEqual(e.cursor, 8)
        e.moveLeft()
        e.moveLeft()
        e.moveLeft()
        e.deleteBackward()  // the flag, as one grapheme
        XCTAssertEqual(e.text, "Zoë  社会")
        var c = LineEditor("Zoe")
        c.insert("\u{301}")  // combining acute joins the e
        XCTAssertEqual(c.text, "Zoé")
        XCTAssertEqual(c.cursor, 3)
        c.deleteBackward()
        XCTAssertEqual(c.text, "Zo")
    }

    func testCursorColumnCountsDisplayWidth() {
        var e = LineEditor("社会a")
        XCTAssertEqual(e.cursorColumn, 5)
        e.moveLeft()
        XCTAssertEqual(e.cursorColumn, 4)
        e.moveToStart()
        XCTAssertEqual(e.cursorColumn, 0)
    }

    func testWindowScrollsToKeepTheCursorVisible() {
        var e = LineEditor("abcdefghij")
        var w = e.window(width: 5)
        XCTAssertEqual(w.text, "ghij")
        XCTAssertEqual(w.cursorColumn, 4)
        e.moveToStart()
        w = e.window(width: 5)
        XCTAssertEqual(w.text, "abcde")
        XCTAssertEqual(w.cursorColumn, 0)
        XCTAssertEqual(LineEditor("abc").window(width: 0).text, "")
        XCTAssertEqual(LineEditor("社会社会").window(width: 4).text, "会")
    }

    func testControlCharactersAreShownEscaped() {
        let e = LineEditor("a\u{1B}b")
        XCTAssertEqual(e.window(width: 20).text, "a^[b")
        XCTAssertEqual(e.cursorColumn, 4)
    }

    func testEditorCommands() {
        var e = LineEditor("abc")
        XCTAssertTrue(e.apply(.cursorHome))
        XCTAssertTrue(e.apply(.deleteForward))
        XCTAssertEqual(e.text, "bc")
        XCTAssertFalse(e.apply(.confirm))
    }
}
