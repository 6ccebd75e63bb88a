import ActionPlanCore
import ActionPlanSynthetic
import ActionPlanTUI
import XCTest

/// Search: the packed corpus finds exactly what a plain per-action comparison finds, and stays right after edits.
final class TextSearchTests: XCTestCase {
    func expected(_ search: TextSearch, _ plan: Plan) -> [Bool] {
        plan.allActions.map { search.matches($0) }
    }

    func testCorpusAgreesWithPerActionMatching() throws {
        let queries = [
            "9", "99", "9999", "action 1", "ACTION", "e", "borough (1", "tmce", "1.5", "5(x", "supervis", ")", "zz",
            "recruit ^", "社会", "Zoë", "partners across the borough (100)",
        ]
        for plan in [try TUIFixtures.barnet(), TUIFixtures.small(), SyntheticPlan.make(actions: 2_000)] {
            let corpus = SearchCorpus(plan)
            let count = plan.allActions.count
            for q in queries {
                let search = TextSearch(q)
                XCTAssertEqual(search.matchMask(plan, corpus: corpus, count: count), expected(search, plan), q)
            }
        }
    }

    func testFirstMatchAtEveryOffsetAndLength() {
        let text = Array("abcabdabcabeXabcabf".utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        for start in text.indices {
            for end in (start + 1)...text.count {
                let needle = Array(text[start..<end])
                let hit = needle.withUnsafeBufferPointer { n in
                    text.withUnsafeBytes { SearchCorpus.firstMatch(n, in: $0, from: 0) }
                }
                let naive = (0...(text.count - needle.count)).first { Array(text[$0..<($0 + needle.count)]) == needle }
                XCTAssertEqual(hit, naive, "\(start)..<\(end)")
            }
        }
    }

    func testSearchFindsEditedText() {
        var d = Driver()
        d.select("2(ii)")
        d.press(.char("e"), .char("t"), .ctrl("u"))
        d.type("Audit kangaroo cases")
        d.press(.enter, .home, .char("/"))
        d.type("KANGAROO")
        d.press(.enter)
        XCTAssertEqual(d.selectedID, "2(ii)")
        d.press(.char("u"), .home, .char("n"))
        XCTAssertEqual(d.state.message, StatusMessage("No match for \"KANGAROO\" in this view", isError: true))
    }
}
