import ActionPlanSynthetic
import Foundation
import XCTest

@testable import ActionPlanCore
@testable import ActionPlanStore

/// `PlanStore.load` reads any file of a megabyte or more laid out as an encoding with its themes side by side,
/// stamped or not (it makes every check, so it needs no stamp): always the plan reader's plan, or the plan
/// reader's error, whoever wrote the file and however; `PlanStore.loadListing` of a file without the stamp, the
/// outline's plan or error.
final class SideBySideLoadTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "side-by-side-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// What a reading gave: the plan, or the error's text.
    private enum Outcome: Equatable {
        case plan(Plan)
        case error(String)
    }

    private func outcome(_ read: () throws -> Plan) -> Outcome {
        do { return .plan(try read()) } catch { return .error("\(error)") }
    }

    /// Loading `bytes` written to a file: the same as the plan reader's, with and without duplicate IDs allowed.
    private func assertLoadsAsThePlanReader(_ bytes: [UInt8], _ name: String, line: UInt = #line) throws {
        let path = dir + "/" + name
        try PlanStore.writeAtomically(bytes, to: path)
        XCTAssertFalse(FileManager.default.fileExists(atPath: EncodingStamp.path(for: path)), "no stamp", line: line)
        for lenient in [false, true] {
            let expected = outcome { try PlanCodec.decode(bytes, file: path, allowDuplicateIDs: lenient) }
            let loaded = outcome { try PlanStore.load(path, allowDuplicateIDs: lenient) }
            XCTAssertEqual(loaded, expected, "\(name), duplicates allowed: \(lenient)", line: line)
        }
        // What the listing commands read of a file without the stamp: the outline, logs' text checked, not kept.
        let outline = outcome { try PlanOutline(bytes: bytes, file: path).plan }
        XCTAssertEqual(outcome { try PlanStore.loadListing(path) }, outline, "\(name): listing", line: line)
    }

    func testThemesAreSplitAtTheFirstThemeOpeningAfterEachEvenlySpacedOffset() throws {
        let plan = SyntheticPlan.make(actions: 3_000, seed: 9)
        let bytes = PlanCodec.encode(plan)
        try bytes.withUnsafeBufferPointer { buffer in
            let view = try XCTUnwrap(EncodedPlan.View(bytes: buffer))
            // Every theme's opening, found plainly: a line that is `    {` inside the themes' array (the
            // recommendations before it and the snapshots after it are laid out the same way).
            let pattern = Array("\n    {\n".utf8)
            let key = Array("\n  \"themes\": [".utf8)
            let start = try XCTUnwrap(
                (0..<(buffer.count - key.count)).first { at in key.indices.allSatisfy { buffer[at + $0] == key[$0] } })
            let end = try XCTUnwrap(view.themeRuns(count: 1)?.last?.upperBound)
            let openings = (start..<(end - pattern.count)).filter { at in
                buffer[at] == 0x0A && pattern.indices.allSatisfy { buffer[at + $0] == pattern[$0] }
            }.map { $0 + 5 }
            XCTAssertEqual(openings.count, plan.themes.count)
            for count in [1, 2, 3, 8, 40] {
                let runs = try XCTUnwrap(view.themeRuns(count: count), "count \(count)")
                XCTAssertEqual(runs.first?.lowerBound, openings.first, "count \(count)")
                XCTAssertEqual(zip(runs, runs.dropFirst()).filter { $0.upperBound != $1.lowerBound }.count, 0)
                XCTAssertEqual(buffer[runs.last!.upperBound], UInt8(ascii: "]"), "the last run ends at the array's end")
                // Each later run starts at the first opening on a line after its offset.
                let first = openings[0]
                let close = runs.last!.upperBound
                var expected = [first]
                for k in 1..<count {
                    let target = first + (close - first) * k / count
                    guard let next = openings.first(where: { $0 - 5 >= max(target, expected.last! + 1) }) else { break }
                    expected.append(next)
                }
                XCTAssertEqual(runs.map(\.lowerBound), expected, "count \(count)")
                XCTAssertGreaterThan(runs.count, min(count, plan.themes.count) / 2, "count \(count): split")
            }
        }
    }

    func testAnUnstampedLargeEncodingLoadsAsThePlanReaderReadsIt() throws {
        let plan = SyntheticPlan.make(actions: 2_500, seed: 21)
        let bytes = PlanCodec.encode(plan)
        XCTAssertGreaterThan(bytes.count, 1 << 20)
        XCTAssertNotNil(EncodedPlan(bytes: bytes)?.wholePlan(file: "p", workers: 2), "laid out as an encoding")
        try assertLoadsAsThePlanReader(bytes, "encoded.json")
        XCTAssertEqual(try PlanStore.load(dir + "/encoded.json"), plan)
    }

    func testALargePlanLaidOutByAnotherProgramLoadsAsThePlanReaderReadsIt() throws {
        let bytes = PlanCodec.encode(SyntheticPlan.make(actions: 2_500, seed: 22))
        let object = try JSONSerialization.jsonObject(with: Data(bytes))
        // Keys sorted and indented by Foundation, and on one line: neither is this store's layout.
        for (name, options) in [("sorted.json", [.prettyPrinted, .sortedKeys]), ("one-line.json", [])]
            as [(String, JSONSerialization.WritingOptions)]
        {
            let other = [UInt8](try JSONSerialization.data(withJSONObject: object, options: options))
            XCTAssertGreaterThan(other.count, 1 << 20)
            try assertLoadsAsThePlanReader(other, name)
        }
    }

    /// Hand edits that keep the layout: a duplicate ID (refused, or read for `check`), a theme closed early, a
    /// control character in a note, a field the format does not have: each the plan reader's result.
    func testHandEditsOfALargeEncodingLoadAsThePlanReaderReadsThem() throws {
        let plan = SyntheticPlan.make(actions: 2_500, seed: 23)
        let text = String(decoding: PlanCodec.encode(plan), as: UTF8.self)
        let ids = plan.allActions.map(\.id)
        let last = try XCTUnwrap(ids.last)
        let edits: [(String, String)] = [
            ("duplicate.json", text.replacingOccurrences(of: "\"id\": \"\(last)\"", with: "\"id\": \"\(ids[0])\"")),
            (
                "closed-early.json",
                replacingLast("\n        }\n      ]\n    },", in: text, with: "\n        }\n      ]\n    }\n    },")
            ),
            ("control.json", replacingLast("\"note\": \"", in: text, with: "\"note\": \"\u{01}")),
            ("unknown.json", replacingLast("\"rating\": ", in: text, with: "\"ratng\": ")),
        ]
        for (name, edited) in edits {
            XCTAssertNotEqual(edited, text, name)
            try assertLoadsAsThePlanReader(Array(edited.utf8), name)
        }
        let duplicate = outcome { try PlanStore.load(dir + "/duplicate.json", allowDuplicateIDs: true) }
        guard case .plan(let read) = duplicate else { return XCTFail("duplicate IDs allowed: \(duplicate)") }
        XCTAssertEqual(read.allActions.filter { $0.id == ids[0] }.count, 2)
    }

    private func replacingLast(_ target: String, in text: String, with replacement: String) -> String {
        guard let range = text.range(of: target, options: .backwards) else { return text }
        return text.replacingCharacters(in: range, with: replacement)
    }
}
