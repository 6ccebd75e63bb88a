import ActionPlanCore
import XCTest

@testable import ActionPlanTUI

final class GridTests: XCTestCase {
    // MARK: - put

    func testPutPlacesTextAndReturnsColumns() {
        var grid = Grid(width: 5, height: 2)
        XCTAssertEqual(grid.put("abc", x: 1, y: 1), 3)
        XCTAssertEqual(grid.lines(), ["     ", " abc "])
    }

    func testPutClipsAtRightEdgeButReportsFullAdvance() {
        var grid = Grid(width: 4, height: 1)
        XCTAssertEqual(grid.put("abcdef", x: 2, y: 0), 6)
        XCTAssertEqual(grid.lines(), ["  ab"])
    }

    func testPutClipsAtLeftEdge() {
        var grid = Grid(width: 4, height: 1)
        XCTAssertEqual(grid.put("abcdef", x: -2, y: 0), 6)
        XCTAssertEqual(grid.lines(), ["cdef"])
    }

    func testPutHonoursMaxWidth() {
        var grid = Grid(width: 6, height: 1)
        XCTAssertEqual(grid.put("abcdef", x: 1, y: 0, maxWidth: 3), 3)
        XCTAssertEqual(grid.lines(), [" abc  "])
        XCTAssertEqual(grid.put("zz", x: 0, y: 0, maxWidth: 0), 0)
        XCTAssertEqual(grid.put("zz", x: 0, y: 0, maxWidth: -4), 0)
        XCTAssertEqual(grid.lines(), [" abc  "])
    }

    func testPutOutsideRowsDrawsNothing() {
        var grid = Grid(width: 3, height: 1)
        XCTAssertEqual(grid.put("abc", x: 0, y: -1), 3)
        XCTAssertEqual(grid.put("abc", x: 0, y: 1), 3)
        XCTAssertEqual(grid.lines(), ["   "])
    }

    // MARK: - Wide characters

    func testWideCharactersTakeTwoCells() {
        var grid = Grid(width: 6, height: 1)
        XCTAssertEqual(grid.put("例え", x: 0, y: 0), 4)
        XCTAssertEqual(grid.lines(), ["例え  "])
        XCTAssertEqual(grid.cell(x: 0, y: 0)?.text, "例")
        XCTAssertEqual(grid.cell(x: 1, y: 0)?.isContinuation, true)
        XCTAssertEqual(grid.cell(x: 1, y: 0)?.text, "")
        XCTAssertEqual(grid.cell(x: 2, y: 0)?.text, "え")
    }

    func testWideCharacterStraddlingRightEdgeBecomesSpace() {
        var grid = Grid(width: 3, height: 1)
        XCTAssertEqual(grid.put("例え", x: 0, y: 0), 4)
        XCTAssertEqual(grid.lines(), ["例 "])
        XCTAssertEqual(grid.cell(x: 2, y: 0)?.isContinuation, false)
    }

    func testWideCharacterStraddlingMaxWidthBecomesSpace() {
        var grid = Grid(width: 5, height: 1)
        XCTAssertEqual(grid.put("例え", x: 0, y: 0, style: .badge(.red), maxWidth: 3), 3)
        XCTAssertEqual(grid.lines(), ["例   "])
        XCTAssertEqual(grid.styleLines(), ["rrr.."])
    }

    func testWideCharacterStraddlingLeftEdgeBecomesSpace() {
        var grid = Grid(width: 4, height: 1)
        XCTAssertEqual(grid.put("例え", x: -1, y: 0), 4)
        XCTAssertEqual(grid.lines(), [" え "])
        XCTAssertEqual(grid.cell(x: 0, y: 0)?.isContinuation, false)
    }

    func testWideCharacterInOneColumnGrid() {
        var grid = Grid(width: 1, height: 1)
        XCTAssertEqual(grid.put("例", x: 0, y: 0), 2)
        XCTAssertEqual(grid.lines(), [" "])
    }

    func testEmojiTakeTwoColumns() {
        var grid = Grid(width: 8, height: 1)
        XCTAssertEqual(grid.put("📋 Plan", x: 0, y: 0), 7)
        XCTAssertEqual(grid.lines(), ["📋 Plan "])
        var heart = Grid(width: 3, height: 1)
        XCTAssertEqual(heart.put("❤️x", x: 0, y: 0), 3)  // VS16 makes it emoji presentation
        XCTAssertEqual(heart.cell(x: 1, y: 0)?.isContinuation, true)
        XCTAssertEqual(heart.lines(), ["❤️x"])
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(width: 4, height: 1)
        grid.put("例え", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)
        XCTAssertEqual(grid.lines(), [" xえ"])
        grid.put("y", x: 2, y: 0)
        XCTAssertEqual(grid.lines(), [" xy "])
        XCTAssertFalse(grid.cells.contains(where: \.isContinuation))
    }

    func testWideOverWideAtOffset() {
        var grid = Grid(width: 5, height: 1)
        grid.put("例え", x: 0, y: 0)
        grid.put("日", x: 1, y: 0)
        XCTAssertEqual(grid.lines(), [" 日  "])
        assertContinuationsFollowLeads(grid)
    }

    // MARK: - Zero-width and combining

    func testCombiningMarksStayInTheirCell() {
        var grid = Grid(width: 5, height: 1)
        XCTAssertEqual(grid.put("e\u{301}te\u{301}", x: 0, y: 0), 3)
        XCTAssertEqual(grid.cell(x: 0, y: 0)?.text, "e\u{301}")
        XCTAssertEqual(grid.lines(), ["été  "])
        XCTAssertEqual(grid.put("Zoë Ångström", x: 0, y: 0, maxWidth: 5), 5)
        XCTAssertEqual(grid.lines(), ["Zoë Å"])
    }

    func testZeroWidthGraphemeAttachesToPreviousCell() {
        var grid = Grid(width: 4, height: 1)
        XCTAssertEqual(grid.put("ab\u{200B}c", x: 0, y: 0), 3)
        XCTAssertEqual(grid.cell(x: 1, y: 0)?.text, "b\u{200B}")
        XCTAssertEqual(grid.cell(x: 2, y: 0)?.text, "c")
    }

    func testLeadingZeroWidthGraphemeIsDropped() {
        var grid = Grid(width: 3, height: 1)
        grid.put("q", x: 0, y: 0)
        XCTAssertEqual(grid.put("\u{301}ab", x: 1, y: 0), 2)
        XCTAssertEqual(grid.cell(x: 0, y: 0)?.text, "q")
        XCTAssertEqual(grid.lines(), ["qab"])
    }

    // MARK: - Control characters

    func testControlCharactersAreNeverStored() {
        var grid = Grid(width: 12, height: 1)
        let used = grid.put("a\u{1B}]0;x\u{7}b\r\n\u{9B}\u{202E}\t", x: 0, y: 0)
        XCTAssertEqual(used, 12)
        XCTAssertEqual(grid.lines(), ["a?]0;x?b????"])
        for cell in grid.cells {
            XCTAssertFalse(cell.text.unicodeScalars.contains(where: TerminalSafe.isControl), cell.text)
        }
    }

    func testEscapedTextIsShownLiterally() {
        var grid = Grid(width: 10, height: 1)
        grid.put(TerminalSafe.escape("x\u{1B}[2Jy"), x: 0, y: 0)
        XCTAssertEqual(grid.lines(), ["x^[[2Jy   "])
    }

    // MARK: - Degenerate sizes and coordinates

    func testZeroAndNegativeSizedGridsAreSafe() {
        for (w, h) in [(0, 0), (0, 3), (3, 0), (-5, -2), (-1, 4)] {
            var grid = Grid(width: w, height: h)
            XCTAssertEqual(grid.width, max(0, w))
            XCTAssertEqual(grid.height, max(0, h))
            XCTAssertEqual(grid.put("例abc", x: 0, y: 0), 5)
            grid.put("x", x: -1, y: -1)
            grid.fill(Rect(x: -3, y: -3, width: 10, height: 10), style: .selected)
            grid.fill(row: 0)
            grid.clear()
            grid.restyle(Rect(x: 0, y: 0, width: 5, height: 5)) { $0.bold = true }
            grid.draw(Grid(width: 2, height: 2), x: 0, y: 0)
            XCTAssertEqual(grid.lines(), Array(repeating: "", count: max(0, h)))
            XCTAssertEqual(grid.styleLines(), Array(repeating: "", count: max(0, h)))
            XCTAssertNil(grid.cell(x: 0, y: 0))
        }
    }

    func testExtremeCoordinatesDoNotTrap() {
        var grid = Grid(width: 3, height: 2)
        grid.put("abc", x: .max, y: 0)
        grid.put("abc", x: .min, y: 0)
        grid.put("abc", x: 0, y: .min)
        grid.put("abc", x: .max - 1, y: .max, maxWidth: .max)
        grid.fill(Rect(x: .max, y: .max, width: .max, height: .max))
        grid.fill(Rect(x: .min, y: .min, width: .max, height: .max))
        grid.restyle(Rect(x: .max - 1, y: 0, width: .max, height: 1)) { $0.dim = true }
        grid.draw(Grid(width: 2, height: 2), x: .max, y: .min)
        grid.draw(Grid(width: 2, height: 2), x: .min, y: .max)
        XCTAssertEqual(grid.lines(), ["   ", "   "])
        XCTAssertNil(grid.cell(x: -1, y: 0))
        XCTAssertNil(grid.cell(x: 3, y: 0))
    }

    func testEveryLineHasExactlyTheGridWidth() {
        let samples = ["例えば📋", "Zoë Ångström", "a\u{301}b", "x\u{1B}y", "👩‍👩‍👧 family", "❤️❤️", "ｆｕｌｌ"]
        for width in 0...7 {
            for x in -3...8 {
                for text in samples {
                    var grid = Grid(width: width, height: 1)
                    grid.put("prefill", x: 0, y: 0)
                    grid.put(text, x: x, y: 0, style: .badge(.blue), maxWidth: width == 0 ? nil : width - 1)
                    for line in grid.lines() {
                        XCTAssertEqual(DisplayWidth.of(line), width, "\(text) at \(x) in \(width): \(line)")
                    }
                    XCTAssertEqual(grid.styleLines().first?.count ?? 0, width)
                    assertContinuationsFollowLeads(grid)
                }
            }
        }
    }

    // MARK: - fill, restyle, draw

    func testFillClipsAndStyles() {
        var grid = Grid(width: 5, height: 3)
        grid.put("hello", x: 0, y: 0)
        grid.fill(Rect(x: 3, y: -1, width: 10, height: 2), style: .badge(.yellow), character: "=")
        XCTAssertEqual(grid.lines(), ["hel==", "     ", "     "])
        XCTAssertEqual(grid.styleLines(), ["...yy", ".....", "....."])
        grid.fill(row: 2, style: .selected)
        XCTAssertEqual(grid.styleLines()[2], "#####")
    }

    func testFillWithWideOrControlCharacterUsesSpaces() {
        var grid = Grid(width: 3, height: 1)
        grid.fill(Rect(x: 0, y: 0, width: 3, height: 1), character: "例")
        XCTAssertEqual(grid.lines(), ["   "])
        grid.fill(Rect(x: 0, y: 0, width: 3, height: 1), character: "\u{7}")
        XCTAssertEqual(grid.lines(), ["   "])
    }

    func testFillOverHalfAWideCharacter() {
        var grid = Grid(width: 4, height: 1)
        grid.put("例え", x: 0, y: 0)
        grid.fill(Rect(x: 1, y: 0, width: 2, height: 1), character: "-")
        XCTAssertEqual(grid.lines(), [" -- "])
        assertContinuationsFollowLeads(grid)
    }

    func testRestyleKeepsTextAndCoversWholeWideCharacters() {
        var grid = Grid(width: 5, height: 1)
        grid.put("例x例", x: 0, y: 0)
        grid.restyle(Rect(x: 1, y: 0, width: 2, height: 1)) { $0.reverse = true }
        XCTAssertEqual(grid.lines(), ["例x例"])
        XCTAssertEqual(grid.styleLines(), ["###.."])
        grid.restyle(Rect(x: 2, y: 0, width: 2, height: 1)) { $0.bg = .red }
        XCTAssertEqual(grid.styleLines(), ["##rrr"])
    }

    func testDrawCopiesAndClipsWideCharacters() {
        var popup = Grid(width: 4, height: 2)
        popup.put("例え", x: 0, y: 0, style: .badge(.cyan))
        popup.put("ok", x: 1, y: 1, style: .strong)
        var grid = Grid(width: 5, height: 3)
        grid.fill(Rect(x: 0, y: 0, width: 5, height: 3), character: ".")
        grid.draw(popup, x: 2, y: 1)
        XCTAssertEqual(grid.lines(), [".....", "..例 ", ".. ok"])
        XCTAssertEqual(grid.styleLines(), [".....", "..ccc", "...**"])
        grid.draw(popup, x: -1, y: -1)
        XCTAssertEqual(grid.lines()[0], "ok ..")
        assertContinuationsFollowLeads(grid)
    }

    // MARK: - Style layer

    func testStyleLegend() {
        var grid = Grid(width: 11, height: 1)
        let styles: [Style] = [
            .plain, .badge(.red), .badge(.green), Style(bg: .indexed(202)), .selected, .text(.red),
            .text(.indexed(33)), .strong, Style(underline: true), .muted, Style(fg: .blue, reverse: true),
        ]
        for (i, style) in styles.enumerated() { grid.put("x", x: i, y: 0, style: style) }
        XCTAssertEqual(grid.styleLines(), [".rgi#RI*_-#"])
        XCTAssertEqual(grid.styleLines { $0.bold ? "B" : " " }, [" BB    B   "])
    }

    func testContinuationCellsCarryTheStyle() {
        var grid = Grid(width: 4, height: 1)
        grid.put("例", x: 1, y: 0, style: .badge(.magenta))
        XCTAssertEqual(grid.styleLines(), [".mm."])
    }

    func testGridsCompareByContent() {
        var a = Grid(width: 3, height: 1)
        var b = Grid(width: 3, height: 1)
        a.put("ab", x: 0, y: 0)
        b.put("ab", x: 0, y: 0)
        XCTAssertEqual(a, b)
        b.restyle(Rect(x: 0, y: 0, width: 1, height: 1)) { $0.bold = true }
        XCTAssertNotEqual(a, b)
    }

    // MARK: - Helpers

    private func assertContinuationsFollowLeads(_ grid: Grid, file: StaticString = #filePath, line: UInt = #line) {
        for y in 0..<grid.height {
            for x in 0..<grid.width where grid.cell(x: x, y: y)!.isContinuation {
                XCTAssertGreaterThan(x, 0, "continuation in column 0", file: file, line: line)
                guard x > 0, let lead = grid.cell(x: x - 1, y: y) else { continue }
                XCTAssertFalse(lead.isContinuation, "double continuation at \(x)", file: file, line: line)
                XCTAssertEqual(DisplayWidth.of(lead.text), 2, "lead \(lead.text) at \(x - 1)", file: file, line: line)
            }
        }
    }
}
