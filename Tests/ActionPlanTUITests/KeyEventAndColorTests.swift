import XCTest

@testable import ActionPlanTUI

final class KeyEventTests: XCTestCase {
    func testControlCodes() {
        XCTAssertEqual(KeyEvent(controlCode: 18), .ctrl("r"))
        XCTAssertEqual(KeyEvent(controlCode: 1), .ctrl("a"))
        XCTAssertEqual(KeyEvent(controlCode: 26), .ctrl("z"))
        XCTAssertEqual(KeyEvent(controlCode: 9), .tab)
        XCTAssertEqual(KeyEvent(controlCode: 10), .enter)
        XCTAssertEqual(KeyEvent(controlCode: 13), .enter)
        XCTAssertEqual(KeyEvent(controlCode: 8), .backspace)
        XCTAssertEqual(KeyEvent(controlCode: 127), .backspace)
        XCTAssertEqual(KeyEvent(controlCode: 27), .escape)
        XCTAssertEqual(KeyEvent(controlCode: 0), .ctrl(" "))
        XCTAssertEqual(KeyEvent(controlCode: 31), .ctrl("_"))
        XCTAssertNil(KeyEvent(controlCode: 65))
        XCTAssertNil(KeyEvent(controlCode: 0x9B))
    }

    func testEscapeSequences() {
        let cases: [(String, KeyEvent?)] = [
            ("[A", .up), ("OB", .down), ("[C", .right), ("[D", .left), ("[H", .home), ("OH", .home),
            ("[F", .end), ("OF", .end), ("[1~", .home), ("[7~", .home), ("[4~", .end), ("[8~", .end),
            ("[5~", .pageUp), ("[6~", .pageDown), ("[2~", .insert), ("[3~", .delete), ("[Z", .backTab),
            ("OM", .enter), ("OP", .function(1)), ("[15~", .function(5)), ("[24~", .function(12)),
            ("[1;5A", .up), ("[3;2~", .delete),
            ("[99~", nil), ("[", nil), ("x", nil), ("", nil), ("[M", nil), ("[1;x", nil), ("]0;t", nil),
        ]
        for (body, expected) in cases {
            XCTAssertEqual(KeyEvent(escapeSequence: body), expected, body)
        }
    }

    func testNames() {
        XCTAssertEqual(KeyEvent.ctrl("r").name, "Ctrl-R")
        XCTAssertEqual(KeyEvent.pageDown.name, "PgDn")
        XCTAssertEqual(KeyEvent.pageUp.name, "PgUp")
        XCTAssertEqual(KeyEvent.enter.name, "Enter")
        XCTAssertEqual(KeyEvent.escape.name, "Esc")
        XCTAssertEqual(KeyEvent.char("?").name, "?")
        XCTAssertEqual(KeyEvent.char(" ").name, "Space")
        XCTAssertEqual(KeyEvent.char("例").name, "例")
        XCTAssertEqual(KeyEvent.backTab.name, "Shift-Tab")
        XCTAssertEqual(KeyEvent.function(5).name, "F5")
        XCTAssertEqual(KeyEvent.mouse(x: 1, y: 2, kind: .wheelDown).name, "Wheel down")
    }
}

final class TermColorTests: XCTestCase {
    func testPaletteIndex() {
        XCTAssertEqual(TermColor.default.paletteIndex(colors: 256), -1)
        XCTAssertEqual(TermColor.red.paletteIndex(colors: 8), 1)
        XCTAssertEqual(TermColor.white.paletteIndex(colors: 256), 7)
        XCTAssertEqual(TermColor.indexed(196).paletteIndex(colors: 256), 196)
        XCTAssertEqual(TermColor.grey.paletteIndex(colors: 16), 8)
    }

    func testIndexedColoursDegradeOnEightColourTerminals() {
        XCTAssertEqual(TermColor.indexed(196).paletteIndex(colors: 8), 1)  // red
        XCTAssertEqual(TermColor.indexed(21).paletteIndex(colors: 8), 4)  // blue
        XCTAssertEqual(TermColor.indexed(46).paletteIndex(colors: 8), 2)  // green
        XCTAssertEqual(TermColor.indexed(226).paletteIndex(colors: 8), 3)  // yellow
        XCTAssertEqual(TermColor.indexed(16).paletteIndex(colors: 8), 0)  // black
        XCTAssertEqual(TermColor.indexed(231).paletteIndex(colors: 8), 7)  // white
        XCTAssertEqual(TermColor.indexed(232).paletteIndex(colors: 8), 0)
        XCTAssertEqual(TermColor.indexed(255).paletteIndex(colors: 8), 7)
        XCTAssertEqual(TermColor.indexed(9).paletteIndex(colors: 8), 1)
        XCTAssertEqual(TermColor.indexed(8).paletteIndex(colors: 8), 0)
        XCTAssertEqual(TermColor.indexed(3).paletteIndex(colors: 8), 3)
        XCTAssertEqual(TermColor.indexed(100).paletteIndex(colors: 0), -1)
    }

    func testStyleConveniences() {
        XCTAssertEqual(Style.plain, Style())
        XCTAssertEqual(Style.badge(.red), Style(fg: .black, bg: .red, bold: true))
        XCTAssertEqual(Style.plain.with(bold: true, dim: true), Style(bold: true, dim: true))
        XCTAssertEqual(Style.selected.with(reverse: false), .plain)
    }
}
