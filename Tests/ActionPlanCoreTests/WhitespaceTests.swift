import ActionPlanSynthetic
import Foundation
import XCTest

@testable import ActionPlanCore

final class WhitespaceTests: XCTestCase {
    /// `Whitespace.trimmed` trims what Foundation's `trimmingCharacters(in: .whitespaces)` trims (Unicode's
    /// space separators and the tab), and keeps line breaks, whatever mix of them a line holds.
    func testTrimmedTrimsWhatFoundationTrimsAsWhitespace() {
        let alphabet: [String] = [
            " ", "\t", "\u{A0}", "\u{3000}", "\u{2009}", "\u{202F}", "\r", "\u{2028}", "\u{85}", "a", "é", "👩🏽‍💻",
            "e\u{301}",
        ]
        var rng = SyntheticPlan.SplitMix(31)
        for _ in 0..<2_000 {
            let s = (0..<Int(rng.next() % 8)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
            XCTAssertEqual(
                String(Whitespace.trimmed(s[...])), s.trimmingCharacters(in: .whitespaces),
                "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        XCTAssertEqual(Whitespace.trimmed("  - one  "[...]), "- one")
        XCTAssertEqual(Whitespace.trimmed(" \t "[...]), "")
    }
}
