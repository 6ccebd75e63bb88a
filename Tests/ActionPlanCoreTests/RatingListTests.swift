import XCTest

@testable import ActionPlanCore

/// `Rating.parseList`: the one reader of rating lists (`actionplan list --rating`, the terminal UI's filter).
final class RatingListTests: XCTestCase {
    func testLettersNamesAndUnratedWordsInAnyCaseWithSpacesAndEmptyItems() throws {
        let cases: [(String, Set<Rating>, Bool)] = [
            ("A,R", [.amber, .red], false),
            (" b , Green ", [.blue, .green], false),
            ("complete", [.blue], false),
            ("none", [], true), ("Unrated", [], true), ("-", [], true), ("·", [], true),
            ("A,,·", [.amber], true),
            ("", [], false),
        ]
        for (text, ratings, unrated) in cases {
            let l = try Rating.parseList(text, path: "--rating")
            XCTAssertEqual(l.ratings, ratings, text)
            XCTAssertEqual(l.includeUnrated, unrated, text)
        }
    }

    func testAnUnknownItemIsAnErrorAtThePathGiven() {
        XCTAssertThrowsError(try Rating.parseList("G,purple", path: "filter")) { e in
            let error = e as? PlanError
            XCTAssertEqual(error?.kind, .invalidValue)
            XCTAssertEqual(error?.path, "filter")
            XCTAssertTrue(error?.message.contains("\"purple\" is not a rating") ?? false, "\(e)")
        }
    }
}
