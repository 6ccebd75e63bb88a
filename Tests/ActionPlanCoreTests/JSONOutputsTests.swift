import Foundation
import XCTest

@testable import ActionPlanCore

/// Every JSON output spells its keys one way, camelCase as the plan file does, and counts by rating
/// are written by one function (docs/json.md).
final class JSONOutputsTests: XCTestCase {
    /// `list`, `show`, `summary`, `leads`, `snapshots` and `export` as JSON, on Barnet with two snapshots.
    private func outputs() throws -> [(String, String)] {
        var p = try TestSupport.samplePlan()
        let day = TestSupport.day("2019-01-31")
        _ = try p.takeSnapshot(label: "November 2018 committee", asOf: TestSupport.day("2018-11-30"))
        _ = try p.takeSnapshot(label: "January 2019 committee", asOf: TestSupport.day("2019-01-15"))
        let rows = ActionListing.rows(ActionFilter().apply(to: p, asOf: day), in: p, asOf: day)
        let export = try Exporter.render(p, format: .json, asOf: day, produced: day)
        return [
            ("list", ActionListing.render(rows, format: .json)),
            ("show", ActionDetail.json(p, p.path(of: "1a(ii)")!, asOf: day)),
            ("summary", SummaryReport.render(p, asOf: day, format: .json)),
            ("leads", LeadListing.render(p, asOf: day, format: .json)),
            ("snapshots", SnapshotListing.render(p, format: .json)),
            ("export", String(decoding: export, as: UTF8.self)),
        ]
    }

    /// Every key of `value`, at any depth.
    private func keys(_ value: Any) -> Set<String> {
        if let o = value as? [String: Any] { return o.reduce(into: Set(o.keys)) { $0.formUnion(keys($1.value)) } }
        if let a = value as? [Any] { return a.reduce(into: []) { $0.formUnion(keys($1)) } }
        return []
    }

    func testEveryKeyOfEveryJSONOutputIsCamelCase() throws {
        for (name, text) in try outputs() {
            let found = keys(try JSONSerialization.jsonObject(with: Data(text.utf8)))
            XCTAssertFalse(found.isEmpty, name)
            let odd = found.filter { k in k.contains("_") || k.first.map { !$0.isLowercase } ?? true }
            XCTAssertEqual(odd.sorted(), [], "\(name) has keys that are not camelCase")
        }
    }

    func testCountsAreSpelledAlikeInSummarySnapshotsAndExport() throws {
        let all = Dictionary(uniqueKeysWithValues: try outputs())
        func object(_ name: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(all[name]!.utf8)) }
        let onADay = ["total", "blue", "green", "amber", "red", "unrated", "overdue", "percentComplete"]
        let summary = try object("summary") as! [String: Any]
        XCTAssertEqual((summary["total"] as! [String: Any]).keys.sorted(), onADay.sorted())
        let export = try object("export") as! [String: Any]
        let exportTotal = export["total"] as! [String: Any]
        XCTAssertEqual(Set(exportTotal.keys).intersection(onADay).sorted(), onADay.sorted())
        XCTAssertEqual(
            exportTotal.filter { onADay.contains($0.key) } as NSDictionary,
            summary["total"] as! NSDictionary, "the export's total and summary's total agree")
        let snapshot = (try object("snapshots") as! [[String: Any]])[0]
        XCTAssertEqual(
            snapshot.keys.sorted(), ["label", "date", "total", "blue", "green", "amber", "red", "unrated"].sorted())
        XCTAssertEqual(snapshot["total"] as? Int, 57)
    }
}
