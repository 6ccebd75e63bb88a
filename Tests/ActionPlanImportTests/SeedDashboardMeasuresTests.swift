import ActionPlanCore
import ActionPlanImport
import XCTest

/// The seed's Data Dashboard (seed 002, lines 2072–2170, `Fixtures/seeds/a10-data-dashboard.txt`) imported as
/// measures: its 23 measures, their sub-measures, figures, targets and notes, every row accounted for.
final class SeedDashboardMeasuresTests: XCTestCase {
    private func imported() throws -> ([Measure], ImportReport) {
        try MeasureImport.run(
            ReaderTestSupport.bytes("seeds/a10-data-dashboard.txt"), file: "a10-data-dashboard.txt")
    }

    private func values(_ m: Measure?) -> [String] { (m?.observations ?? []).map { "\($0.period)=\($0.value)" } }

    func testTheDashboardsTwentyThreeMeasuresAndTheirPlanIDs() throws {
        let (measures, report) = try imported()
        XCTAssertEqual(measures.count, 23)
        XCTAssertEqual(measures.map(\.id), (1...23).map { "M\($0)" })
        XCTAssertEqual(
            measures.map { $0.planIDs.joined(separator: " ") },
            [
                "T1", "T2", "T6", "T6", "T8 2a(i)", "2a(vii)", "3a(vii)", "3a(vii)", "4a(iv)", "4a(iv)", "4b(ii)",
                "4b(ii)", "4b(ii)", "4b(ii)", "5a(iii)", "5a(iii)", "6a(iv)", "6a(vii)", "6a(vii)", "6a(vii)", "6a(ix)",
                "6b(vii)", "6b(vii)",
            ])
        XCTAssertEqual(measures[4].title, "Average Caseload Numbers")
        XCTAssertEqual(measures[8].section, "Effective MASH")
        XCTAssertEqual(measures[0].section, "To drive sustainable practice improvement at pace")
        // Every row and line is accounted for: 99 lines of the fixture.
        XCTAssertEqual(report.used + report.repaired + report.skipped + report.blank, 99)
        XCTAssertEqual(report.skipped, 6)
        XCTAssertEqual(report.repairs.filter { $0.message.contains("repeated header row") }.count, 2)
    }

    func testFiguresTargetsAndSubMeasuresAreReadAsWritten() throws {
        let (measures, _) = try imported()
        let caseloads = measures[4]
        XCTAssertEqual(
            caseloads.subMeasures.map(\.title),
            [
                "Duty and Assessment", "Intervention and Planning", "Children in Care", "0-25", "Onwards and Upwards",
                "REACH",
            ])
        XCTAssertEqual(values(caseloads.subMeasures[0]), ["Feb-18=18.3", "Mar-18=13.3"])
        XCTAssertEqual(caseloads.subMeasures.map { $0.target ?? "" }, ["28.3", "17.3", "15.9", "17.6", "21.2", "9.8"])
        XCTAssertEqual(caseloads.subMeasures[0].id, "M5.1")
        let audits = measures[0]
        XCTAssertEqual(values(audits.subMeasures[1]), ["Feb-18=7/ 50.0%", "Mar-18=2/16.67%"])
        XCTAssertEqual(audits.subMeasures[1].unit, .percent)
        XCTAssertEqual(values(audits.subMeasures[4]), ["Feb-18=46", "Mar-18=34"])
        XCTAssertEqual(values(measures[10]), ["Feb-18=31.2 weeks*", "Mar-18=15.6 weeks"])
        XCTAssertEqual(measures[10].target, "23 weeks")
        XCTAssertEqual(measures[10].unit, .weeks)
        XCTAssertEqual(values(measures[12]), ["Feb-18=20 days", "Mar-18=18 days"])
        XCTAssertEqual(measures[12].unit, .days)
        XCTAssertEqual(values(measures[17]), ["Feb-18=9/20", "Mar-18=0/6"])
        XCTAssertEqual(measures[17].unit, .ratio)
        XCTAssertEqual(values(measures[8].subMeasures[0]), ["Feb-18=89%", "Mar-18=80%"])
        XCTAssertEqual(measures[8].subMeasures[0].target, "53%")
        XCTAssertEqual(values(measures[21]), ["Feb-18=207", "Mar-18=207"])
        XCTAssertEqual(measures[21].target, "196")
        XCTAssertEqual(MeasureStatus(measures[21]).direction, .flat)
    }

    func testMeasuresWithNoDataKeepTheirNote() throws {
        let (measures, _) = try imported()
        XCTAssertEqual(measures[1].note, "Will be included when the Essex Triple Loop Audit data is available")
        XCTAssertEqual(measures[9].note, "Performance Matters Page 6")
        XCTAssertEqual(measures[11].note, "System change and new report from Jan 2018; Performance Matters Page 15")
        XCTAssertEqual(
            measures[16].subMeasures.map(\.note), ["Performance Matters Page 18", "Performance Matters Page 18"])
        XCTAssertEqual(measures[22].note, "Performance Matters Care Leavers Page 39")
        XCTAssertTrue(
            measures.allSatisfy {
                !$0.flattened.map(\.measure).contains {
                    $0.observations.isEmpty && $0.subMeasures.isEmpty && $0.note.isEmpty
                }
            })
    }

    func testCategoryColumnsAndShiftedFiguresAreKeptUnderTheirLabels() throws {
        let (measures, report) = try imported()
        let supervisions = measures[6]
        XCTAssertEqual(supervisions.subMeasures.count, 7)
        XCTAssertEqual(
            values(supervisions.subMeasures[0]),
            [
                "Case allocated Less than 6 weeks=39%", "In time supervision (in 6-weeks)=45%",
                "Last Supervision (over 6 weeks old)=5%", "No Supervision Recorded=11%",
            ])
        XCTAssertEqual(values(supervisions.subMeasures[6]), ["DAT=7", "I&P=24", "CIC=2", "O&U=2", "REACH=15"])
        XCTAssertTrue(report.repairs.contains { $0.message.contains("one column left") })
        XCTAssertTrue(report.warnings.contains { $0.message.contains("categories, not periods") })
    }

    func testImportingTwiceAddsNothingAndANewPeriodAddsObservations() throws {
        let (measures, _) = try imported()
        let (once, n1, o1) = MeasureImport.merge(measures, into: [])
        XCTAssertEqual(n1, 23)
        XCTAssertEqual(o1, once.flatMap(\.flattened).reduce(0) { $0 + $1.measure.observations.count })
        let (twice, n2, o2) = MeasureImport.merge(measures, into: once)
        XCTAssertEqual(twice, once)
        XCTAssertEqual([n2, o2], [0, 0])
        var april = measures
        april[21].observations = [MeasureObservation(period: "Apr-18", value: "201")]
        let (grown, n3, o3) = MeasureImport.merge(april, into: once)
        XCTAssertEqual([n3, o3], [0, 1])
        XCTAssertEqual(grown[21].observations.map(\.period), ["Feb-18", "Mar-18", "Apr-18"])
    }

    func testTheSameDashboardAsCSVReadsTheSame() throws {
        let text = String(decoding: try ReaderTestSupport.bytes("seeds/a10-data-dashboard.txt"), as: UTF8.self)
        let csv = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map {
                "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            .joined(separator: ",")
        }.joined(separator: "\n")
        let (fromCSV, _) = try MeasureImport.run(Array(csv.utf8), file: "dashboard.csv")
        let (fromText, _) = try imported()
        XCTAssertEqual(fromCSV.count, 23)
        XCTAssertEqual(fromCSV.map(\.title), fromText.map(\.title))
        XCTAssertEqual(fromCSV[4].subMeasures.map(\.observations), fromText[4].subMeasures.map(\.observations))
    }

    func testTheSameDashboardAsASheetReadsTheSame() throws {
        let text = String(decoding: try ReaderTestSupport.bytes("seeds/a10-data-dashboard.txt"), as: UTF8.self)
        var rows = ""
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            rows += "<row r=\"\(i + 1)\">"
            for (j, cell) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated()
            where !cell.isEmpty && j < 26 {
                let escaped = cell.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                    of: "<", with: "&lt;")
                let ref = String(UnicodeScalar(UInt8(65 + j))) + String(i + 1)
                rows += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(escaped)</t></is></c>"
            }
            rows += "</row>"
        }
        let (fromSheet, report) = try MeasureImport.run(try ZipFixtures.xlsx(rows: rows), file: "dashboard.xlsx")
        let (fromText, _) = try imported()
        XCTAssertEqual(fromSheet.count, 23)
        XCTAssertEqual(fromSheet.map(\.title), fromText.map(\.title))
        XCTAssertEqual(fromSheet[4].subMeasures.map(\.observations), fromText[4].subMeasures.map(\.observations))
        XCTAssertEqual(fromSheet[10].target, "23 weeks")
        XCTAssertTrue(
            report.repairs.contains { $0.location.description.hasPrefix("sheet S, row ") }, "\(report.entries)")
    }

    func testASourceWithNoDashboardHeaderIsRefused() throws {
        XCTAssertThrowsError(try MeasureImport.run(Array("just some text\n".utf8), file: "x.txt")) {
            XCTAssertEqual(($0 as! PlanError).kind, .invalidSource)
            XCTAssertTrue("\($0)".contains("Plan ID"), "\($0)")
        }
        XCTAssertThrowsError(try MeasureImport.run([], file: "x.txt")) {
            XCTAssertEqual(($0 as! PlanError).kind, .invalidSource)
        }
    }
}
