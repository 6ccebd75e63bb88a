import Foundation
import XCTest

@testable import ActionPlanCore

/// `DisplayWidth.wrap`: every line fits its width in display columns, the text comes back whole and in
/// order, and a long word with no space costs time in proportion to its length (issue 8).
final class DisplayWidthWrapTests: XCTestCase {
    /// `s` without the spaces and line breaks that wrapping may drop or add, to compare texts.
    private func squeezed<S: StringProtocol>(_ s: S) -> String { String(s.filter { $0 != " " && $0 != "\n" }) }

    static let samples = [
        String(repeating: "社", count: 1_000),
        "Review the " + String(repeating: "社会福祉", count: 50) + " board and report back to the committee",
        "short words only, broken at spaces where possible, never inside a word that fits",
        "emoji 👩‍👩‍👧‍👦👍🏽🇬🇧✔️ and combining e\u{301}e\u{301} marks, zero\u{200B}width",
        "\u{200B} a word of zero width first, then \u{200B}\u{200D} more",
        "ASCII" + String(repeating: "abc社", count: 100) + "\n\nnew paragraph\n",
        "   leading and   repeated   spaces   ",
        String(repeating: "x", count: 500) + " " + String(repeating: "e\u{301}", count: 300),
    ]

    func testEveryLineFitsAndTheTextComesBackInOrder() {
        for text in Self.samples {
            for width in 2...41 {
                let lines = DisplayWidth.wrap(text, width: width)
                for l in lines {
                    XCTAssertLessThanOrEqual(DisplayWidth.of(l), width, "width \(width): \(l)")
                }
                XCTAssertEqual(squeezed(lines.joined()), squeezed(text), "width \(width): text kept in order")
                XCTAssertGreaterThanOrEqual(lines.count, text.filter { $0 == "\n" }.count + 1, "line breaks kept")
            }
        }
    }

    func testLinesBreakAtSpacesAndLongWordsByColumn() {
        XCTAssertEqual(DisplayWidth.wrap("the quick brown fox", width: 10), ["the quick", "brown fox"])
        XCTAssertEqual(DisplayWidth.wrap("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(DisplayWidth.wrap(String(repeating: "社", count: 5), width: 4), ["社社", "社社", "社"])
        XCTAssertEqual(DisplayWidth.wrap("ab 社社社社社 cd", width: 5), ["ab", "社社", "社社", "社 cd"])
        XCTAssertEqual(DisplayWidth.wrap("社社社", width: 5), ["社社", "社"], "a wide character never straddles")
        XCTAssertEqual(DisplayWidth.wrap("a\n\nb  c", width: 5), ["a", "", "b c"])
        XCTAssertEqual(DisplayWidth.wrap("", width: 5), [""])
        XCTAssertEqual(DisplayWidth.wrap("abc", width: 0), [])
        XCTAssertEqual(DisplayWidth.wrap("\u{200B} b", width: 5), ["\u{200B} b"], "a zero-width word is kept")
    }

    func testAHundredThousandCharactersWithoutASpaceWrapInLinearTime() {
        let text = String(repeating: "社", count: 100_000)
        let start = Date()
        let lines = DisplayWidth.wrap(text, width: 80)
        let seconds = Date().timeIntervalSince(start)
        // The old wrap copied and re-measured the rest of the word for every line it cut: 2,500 lines × up to
        // 100,000 characters, about 30 s in a debug build. Linear wrapping takes a small fraction of a second.
        XCTAssertLessThan(seconds, 5, "wrapping 100,000 characters took \(seconds) s")
        XCTAssertEqual(lines.count, 2_500)
        XCTAssertTrue(lines.allSatisfy { $0 == String(repeating: "社", count: 40) })
    }
}
