import ActionPlanCore
import XCTest

@testable import ActionPlanTUI

/// The detail pane lists the measures that evidence the selected action: latest figure, target and status, and a
/// sparkline with the figures beside it.
final class DetailMeasuresTests: XCTestCase {
    private func plan() throws -> Plan {
        var p = try TUIFixtures.barnet()
        let action = p.allActions.first { $0.crossReferences.contains("2a(i)") }!
        p.measures = [
            Measure(
                id: "M5", title: "Average Caseload Numbers", planIDs: ["T8", "2a(i)"],
                subMeasures: [
                    Measure(
                        id: "M5.1", title: "Duty and Assessment", polarity: .lower, target: "15",
                        observations: [
                            .init(period: "Feb-18", value: "18.3"), .init(period: "Mar-18", value: "13.3"),
                            .init(period: "Apr-18", value: "20"),
                        ]),
                    Measure(id: "M5.2", title: "REACH", note: "Performance Matters Page 6"),
                ]),
            Measure(id: "M9", title: "Unrelated", planIDs: ["9z"], observations: [.init(period: "Feb-18", value: "1")]),
            Measure(id: "M10", title: "By its own ID", planIDs: [action.id]),
        ]
        return p
    }

    func testTheDetailPaneListsTheActionsMeasuresWithASparklineAndTheFigures() throws {
        let p = try plan()
        let action = p.allActions.first { $0.crossReferences.contains("2a(i)") }!
        var d = Driver(TUIFixtures.state(p))
        d.select(action.id)
        let lines = DetailLines.lines(d.state, width: 120)
        let text = lines.map(\.text)
        let start = try XCTUnwrap(text.firstIndex(of: "Measures"))
        XCTAssertEqual(
            Array(text[(start + 1)...].prefix(4)),
            [
                "  M5 Average Caseload Numbers",
                "    M5.1 Duty and Assessment: 20 (Apr-18), target 15, off target ▅▁▇ 18.3 13.3 20",
                "    M5.2 REACH: Performance Matters Page 6",
                "  M10 By its own ID",
            ])
        XCTAssertFalse(text.contains { $0.contains("Unrelated") })
        let offTarget = lines[start + 2]
        XCTAssertEqual(offTarget.spans.first?.style, UIStyle.overdue, "off target stands out")
    }

    func testAnActionWithNoMeasuresShowsNoMeasuresHeading() throws {
        var d = Driver(TUIFixtures.state(try TUIFixtures.barnet()))
        d.select("1a(i)")
        XCTAssertFalse(DetailLines.lines(d.state, width: 120).map(\.text).contains("Measures"))
    }

    func testMKeyShowsTheMeasuresOffTargetFirstAndEscapeCloses() throws {
        var d = Driver(TUIFixtures.state(try plan()))
        d.press(.char("M"))
        XCTAssertEqual(d.state.mode, .measures)
        let screen = SnapshotAssert.text(of: d.frame(width: 100, height: 24))
        let lines = screen.split(separator: "\n").map(String.init)
        let title = try XCTUnwrap(lines.firstIndex { $0.contains("Measures, off target first") })
        XCTAssertTrue(lines[title + 1].contains("5 measures and sub-measures; 1 off target."), screen)
        XCTAssertTrue(lines[title + 2].contains("M5.1 Duty and Assessment: 20 (Apr-18), target 15, off target"), screen)
        XCTAssertTrue(lines[title + 3].contains("M5 Average Caseload Numbers"), screen)
        d.press(.escape)
        XCTAssertEqual(d.state.mode, .browse)
        var empty = Driver(TUIFixtures.state(try TUIFixtures.barnet()))
        empty.press(.char("M"))
        XCTAssertTrue(
            SnapshotAssert.text(of: empty.frame(width: 100, height: 24)).contains("This plan has no measures."))
    }
}
