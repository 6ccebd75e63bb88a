import ActionPlanCore
import ActionPlanTUI
import Foundation
import XCTest

/// Rendering never crashes at any size or in any mode, and plan text can never reach the terminal raw.
final class RenderRobustnessTests: XCTestCase {
    /// Drivers in a variety of modes over the small plan (which hides an escape sequence in its text).
    func drivers() -> [Driver] {
        var out: [Driver] = []
        var d = Driver()
        out.append(d)
        d.select("1b(i)")
        out.append(d)
        d.press(.tab)
        out.append(d)
        d.press(.tab, .char("r"))
        out.append(d)
        d.press(.char("g"))
        d.type("社会福祉 \u{1B}[31m note")
        out.append(d)
        var h = Driver()
        h.press(.char("?"))
        out.append(h)
        var o = Driver()
        o.press(.char("o"))
        out.append(o)
        var f = Driver()
        f.press(.char("f"))
        f.type("lead nobody")
        f.press(.enter)
        out.append(f)
        var q = Driver()
        q.select("1a(i)")
        q.press(.char("D"))
        out.append(q)
        return out
    }

    func testEverySizeDownTo0x0() {
        let widths = Array(0...40) + Array(stride(from: 45, through: 160, by: 13))
        let heights = Array(0...14) + Array(stride(from: 18, through: 60, by: 7))
        for d in drivers() {
            for w in widths {
                for h in heights {
                    let (grid, _) = Renderer.frame(d.state, width: w, height: h)
                    XCTAssertEqual(grid.width, w)
                    XCTAssertEqual(grid.height, h)
                }
            }
        }
    }

    func testPlanTextIsEscapedBeforeItReachesTheGrid() {
        for var d in drivers() {
            for (w, h) in [(80, 24), (120, 40), (30, 8)] {
                let grid = d.frame(width: w, height: h)
                for cell in grid.cells {
                    XCTAssertFalse(
                        cell.text.unicodeScalars.contains(where: TerminalSafe.isControl), "raw control in \(cell)")
                }
            }
        }
        var d = Driver()
        d.select("1b(i)")
        let screen = d.frame(width: 120, height: 40).lines().joined(separator: "\n")
        XCTAssertTrue(screen.contains("Recruit ^[]52;c;ZXZpbA==^Gstaff 社会福祉"), screen)
        XCTAssertFalse(screen.contains("?]52"), "escaped by TerminalSafe, not replaced by the grid's fallback")
    }

    func testBadgesAreLetteredAndColoured() {
        var d = Driver()
        d.select("1a(ii)")
        let grid = d.frame(width: 80, height: 24)
        let lines = grid.lines()
        let styles = grid.styleLines()
        let row = lines.firstIndex { $0.contains("1a(ii)") }!
        let badge = lines[row].range(of: " A ")!
        let column = lines[row].distance(from: lines[row].startIndex, to: badge.lowerBound)
        XCTAssertEqual(Array(styles[row])[column + 1], "y", "Amber: a letter on a yellow background")
        XCTAssertTrue(lines[row].contains("!92d"), lines[row])
    }

    func testAnActionOfAHundredThousandCharactersWithoutASpaceIsShownQuicklyAndWhole() {
        let text = String(repeating: "社", count: 100_000)
        var plan = TUIFixtures.small()
        plan.themes[0].groups[0].actions[0].text = text
        // Selecting it wraps it for the detail pane on every frame; with the old quadratic wrap, reaching it,
        // scrolling to its end and drawing it took 400 s (a frozen UI). Now a small fraction of a second.
        let start = Date()
        var d = Driver(TUIFixtures.state(plan))
        d.select("1a(i)")
        d.press(.tab, .end)
        let screen = d.frame(width: 120, height: 40).lines()
        let seconds = Date().timeIntervalSince(start)
        guard seconds < 10 else { return XCTFail("selecting and drawing the action took \(seconds) s") }
        XCTAssertTrue(
            screen.contains { $0.contains(String(repeating: "社", count: 20)) }, screen.joined(separator: "\n"))

        // What the detail pane is built from: lines within the width, every character kept in order.
        for width in [4, 17, 80] {
            let wrapped = StyledLine.wrapped(text, width: width, indent: 2)
            XCTAssertTrue(wrapped.allSatisfy { DisplayWidth.of($0.text) <= width }, "wrapped at \(width)")
            XCTAssertTrue(wrapped.map { $0.text.dropFirst(2) }.joined() == text, "wrapped at \(width) keeps the text")
            let labelled = StyledLine.labelled("Action", text, width: width, labelWidth: 5)
            XCTAssertTrue(labelled.allSatisfy { DisplayWidth.of($0.text) <= width }, "labelled at \(width)")
            let body = labelled.map { $0.text.filter { $0 == "社" } }.joined()
            XCTAssertTrue(body == text, "labelled at \(width) keeps the text")
        }
    }
}
