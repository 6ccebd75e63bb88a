import ActionPlanSynthetic
import XCTest

@testable import ActionPlanCore

/// Measures in the model and the file: values read as written, status derived, round trip, strict reading, merge.
final class MeasureModelTests: XCTestCase {
    private func caseloads() -> Measure {
        Measure(
            id: "M5", title: "Average Caseload Numbers", planIDs: ["T8", "2a(i)"],
            subMeasures: [
                Measure(
                    id: "M5.1", title: "Duty and Assessment", polarity: .lower, target: "17.3",
                    observations: [.init(period: "Feb-18", value: "18.3"), .init(period: "Mar-18", value: "13.3")]),
                Measure(
                    id: "M5.2", title: "Inadequate audits", unit: .percent,
                    observations: [
                        .init(period: "Feb-18", value: "7/ 50.0%"), .init(period: "Mar-18", value: "2/16.67%"),
                    ]),
            ], section: "Workforce")
    }

    func testValuesAreReadAsWrittenCountsPercentagesRatiosAndUnits() throws {
        let pct = try XCTUnwrap(MeasureValue("7/ 50.0%"))
        XCTAssertEqual(pct.count, 7)
        XCTAssertEqual(pct.number, 50)
        XCTAssertEqual(pct.unit, .percent)
        let ratio = try XCTUnwrap(MeasureValue("9/20"))
        XCTAssertEqual(ratio.total, 20)
        XCTAssertEqual(ratio.number, 0.45, accuracy: 1e-9)
        XCTAssertEqual(MeasureValue("31.2 weeks*")?.unit, .weeks)
        XCTAssertEqual(MeasureValue("31.2 weeks*")?.number, 31.2)
        XCTAssertEqual(MeasureValue("20 days")?.unit, .days)
        XCTAssertEqual(MeasureValue("+1.8")?.number, 1.8)
        XCTAssertEqual(MeasureValue("-0.4%")?.number, -0.4)
        XCTAssertNil(MeasureValue("Performance Matters Page 6"))
        XCTAssertNil(MeasureValue("↓"))
        XCTAssertNil(MeasureValue(""))
        XCTAssertEqual(MeasureValue.format(0.45, unit: .ratio), "45%")
        XCTAssertEqual(MeasureValue.plain(-5.0), "-5")
        XCTAssertEqual(
            [0.45, 0.5, -0.4, 16.666, 1.05, -0.001, 207, 31.2].map(MeasureValue.plain),
            ["0.45", "0.5", "-0.4", "16.67", "1.05", "0", "207", "31.2"])
        XCTAssertEqual(MeasureValue("\u{2212}2 days")?.number, -2)
        XCTAssertEqual(MeasureValue("1 Week")?.unit, .weeks)
    }

    func testStatusIsDerivedChangeDirectionAndRatingAgainstTarget() throws {
        let m = caseloads()
        let duty = MeasureStatus(m.subMeasures[0])
        XCTAssertEqual(duty.change ?? 0, -5, accuracy: 1e-9)
        XCTAssertEqual(duty.direction, .down)
        XCTAssertEqual(duty.improving, true)
        XCTAssertEqual(duty.targetStatus, .onTarget)
        XCTAssertEqual(duty.sparkline, "▇▁")
        var worse = m.subMeasures[0]
        worse.observations.append(.init(period: "Apr-18", value: "19.5"))
        XCTAssertEqual(MeasureStatus(worse).targetStatus, .offTarget)
        worse.observations.append(.init(period: "May-18", value: "18.0"))
        XCTAssertEqual(MeasureStatus(worse).targetStatus, .nearTarget)
        XCTAssertEqual(MeasureStatus(worse).targetStatus.rating, .amber)
        var noPolarity = m.subMeasures[0]
        noPolarity.polarity = nil
        XCTAssertEqual(MeasureStatus(noPolarity).targetStatus, .noPolarity)
        XCTAssertNil(MeasureStatus(noPolarity).improving)
        XCTAssertEqual(MeasureStatus(m).targetStatus, .unknown)
    }

    func testMeasuresRoundTripByteStableAndOlderFilesStillLoad() throws {
        var plan = try TestSupport.samplePlan()
        let before = PlanCodec.encode(plan)
        XCTAssertFalse(String(decoding: before, as: UTF8.self).contains("\"measures\""))
        XCTAssertEqual(try PlanCodec.decode(before, file: "p.json"), plan)
        plan.measures = [
            caseloads(), Measure(id: "M6", title: "Calibration", planIDs: ["T2"], note: "Will be included"),
        ]
        let bytes = PlanCodec.encode(plan)
        let back = try PlanCodec.decode(bytes, file: "p.json")
        XCTAssertEqual(back, plan)
        XCTAssertEqual(PlanCodec.encode(back), bytes)
        XCTAssertEqual(back.measure("Duty and Assessment")?.id, "M5.1")
        XCTAssertEqual(
            back.measures(for: Action(id: "1c(ii)", crossReferences: ["2a(i)"], text: "x")).map(\.id), ["M5"])
    }

    func testBadMeasuresAreRefusedNamingThePath() throws {
        var plan = Plan(title: "P")
        plan.measures = [caseloads()]
        let good = String(decoding: PlanCodec.encode(plan), as: UTF8.self)
        for (from, to, expected) in [
            ("\"value\": \"18.3\"", "\"value\": \"lots\"", "value \"lots\" is not a figure"),
            ("\"target\": \"17.3\"", "\"target\": \"soon\"", "target \"soon\" is not a figure"),
            ("\"unit\": \"percent\"", "\"unit\": \"parsecs\"", "unknown unit \"parsecs\""),
            ("\"polarity\": \"lower\"", "\"polarity\": \"up\"", "unknown polarity \"up\""),
            ("\"id\": \"M5.2\"", "\"id\": \"M5.1\"", "duplicate measure ID \"M5.1\""),
        ] {
            let bad = good.replacingOccurrences(of: from, with: to)
            XCTAssertNotEqual(bad, good, from)
            XCTAssertThrowsError(try PlanCodec.decode(Array(bad.utf8), file: "p.json")) { e in
                let err = e as! PlanError
                XCTAssertEqual(err.kind, .invalidPlan)
                XCTAssertTrue(err.description.contains(expected), err.description)
                XCTAssertTrue(err.description.contains("measures"), err.description)
            }
        }
    }

    func testRecordAddsAnObservationAndRefusesWhatIsNotAFigure() throws {
        var plan = Plan(title: "P")
        plan.measures = [caseloads()]
        XCTAssertEqual(try plan.record(measure: "M5.1", value: " 12.9 ", period: "Apr-18"), "M5.1")
        XCTAssertEqual(plan.measure("M5.1")?.observations.last, MeasureObservation(period: "Apr-18", value: "12.9"))
        try plan.record(measure: "duty and assessment", value: "12.9", period: "Apr-18")
        XCTAssertEqual(plan.measure("M5.1")?.observations.count, 3, "the same figure again changes nothing")
        XCTAssertThrowsError(try plan.record(measure: "M5.1", value: "n/a", period: "Apr-18")) {
            XCTAssertEqual(($0 as! PlanError).kind, .invalidValue)
        }
        XCTAssertThrowsError(try plan.record(measure: "M9", value: "1", period: "Apr-18")) {
            XCTAssertEqual(($0 as! PlanError).kind, .notFound)
            XCTAssertTrue("\($0)".contains("M5"), "\($0)")
        }
        try plan.setMeasure("M5.2", polarity: .lower, target: "20%")
        XCTAssertEqual(MeasureStatus(plan.measure("M5.2")!).targetStatus, .onTarget)
        XCTAssertThrowsError(try plan.setMeasure("M5.2", polarity: nil, target: "soon")) {
            XCTAssertEqual(($0 as! PlanError).kind, .invalidValue)
        }
    }

    func testMergeKeepsObservationsRecordedByTwoPeople() throws {
        var base = Plan(title: "P")
        base.measures = [caseloads()]
        var ours = base
        var theirs = base
        try ours.record(measure: "M5.1", value: "12.9", period: "Apr-18")
        try theirs.record(measure: "M5.2", value: "1/10%", period: "Apr-18")
        try theirs.record(measure: "M5.1", value: "13.0", period: "May-18")
        theirs.measures.append(Measure(id: "M6", title: "New"))
        let r = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(r.conflicts, [])
        XCTAssertEqual(r.plan.measure("M5.1")?.observations.map(\.period), ["Feb-18", "Mar-18", "Apr-18", "May-18"])
        XCTAssertEqual(r.plan.measure("M5.2")?.observations.count, 3)
        XCTAssertEqual(r.plan.measures.map(\.id), ["M5", "M6"])
        var t2 = base
        try t2.setMeasure("M5.1", polarity: nil, target: "15")
        var o2 = base
        try o2.setMeasure("M5.1", polarity: nil, target: "16")
        let clash = PlanMerge.merge(base: base, ours: o2, theirs: t2)
        XCTAssertEqual(clash.conflicts.map(\.key.field), ["measure M5.1 target"])
    }

    func testSyntheticMeasuresReadAsFiguresAndRoundTrip() throws {
        var plan = SyntheticPlan.make(actions: 300)
        plan.measures = SyntheticPlan.measures(50, for: plan)
        XCTAssertEqual(plan.measures.count, 50)
        XCTAssertEqual(plan.allMeasures.count, 50 + 17 * 3)
        for (m, _) in plan.allMeasures {
            XCTAssertEqual(MeasureStatus(m).figures.count, 12, m.id)
        }
        let bytes = PlanCodec.encode(plan)
        XCTAssertEqual(try PlanCodec.decode(bytes, file: "p.json"), plan)
    }
}
