import ActionPlanSynthetic
import XCTest

@testable import ActionPlanCore

/// The plain reading of log entries (`JSONReader+Logs.swift`) against the general one, on the same bytes: for
/// entries written by the writer, and for the same bytes broken at random. The plain reading must read what the
/// general one reads, to the same position, or nothing at all — never a value the general reading refuses.
final class PlainLogTests: XCTestCase {
    private var rng = SyntheticPlan.SplitMix(47)

    private func pick<T>(_ values: [T]) -> T { values[Int(rng.next() % UInt64(values.count))] }

    /// Text of the kinds users type and paste: mostly plain, sometimes quotes, backslashes, other scripts,
    /// control characters and DEL.
    private func text() -> String {
        let pieces = [
            "Reviewed at board", "Provider", "x", "", " ", "on track", "\"quoted\"", "back\\slash", "café", "👩🏽‍💻", "\t",
            "\u{1}", "\u{7F}", "line\nbreak", "BJ", "TMcE",
        ]
        return (0..<Int(rng.next() % 4)).map { _ in pick(pieces) }.joined()
    }

    private func randomAction() -> Action {
        var a = Action(id: "1", text: "t", leads: [], deliveryDate: "March 2019", rating: nil)
        let ratings: [Rating?] = [nil, .blue, .green, .amber, .red]
        for _ in 0..<Int(rng.next() % 5) {
            let day = CalendarDay(ordinal: 730_000 + Int(rng.next() % 20_000))
            a.history.append(
                RatingChange(
                    date: day, from: pick(ratings), to: pick(ratings), by: text(), note: text(),
                    status: rng.next() % 4 == 0 ? text() : ""))
            a.notes.append(ProgressNote(date: day, by: text(), text: text()))
        }
        return a
    }

    /// Both readings of every history entry and note in `bytes` (an object holding `history` and `notes`),
    /// compared; how many entries the plain reading read.
    private func compareReadings(_ bytes: [UInt8], keepingText: Bool, _ what: String) -> Int {
        var plainlyRead = 0
        bytes.withUnsafeBufferPointer { buffer in
            var r = JSONReader(bytes: buffer, file: "t.json")
            r.keepsText = keepingText
            try? r.readObject { r, key in
                try r.readArray { r, i in
                    let entry = "\(what): \(key)[\(i)]"
                    if key == "history" {
                        plainlyRead += compare(r, { $0.readPlainHistoryEntry() }, PlanCodec.readAnyRatingChange, entry)
                        _ = try PlanCodec.readAnyRatingChange(&r)
                    } else {
                        plainlyRead += compare(r, { $0.readPlainNote() }, PlanCodec.readAnyNote, entry)
                        _ = try PlanCodec.readAnyNote(&r)
                    }
                }
            }
        }
        return plainlyRead
    }

    /// The plain and the general reading of the entry at `r`'s position, compared; 1 when the plain one read it.
    private func compare<T: Equatable>(
        _ r: JSONReader, _ plain: (inout JSONReader) -> T?, _ general: (inout JSONReader) throws -> T, _ entry: String
    ) -> Int {
        var p = r
        var g = r
        let plainly = plain(&p)
        let generally = try? general(&g)
        guard let plainly else {
            XCTAssertEqual(p.pos, r.pos, "\(entry): moved without reading")
            return 0
        }
        XCTAssertEqual(plainly, generally, entry)
        XCTAssertEqual(p.pos, g.pos, "\(entry): position")
        return 1
    }

    func testThePlainReadingReadsWhatTheGeneralReadingReadsOrNothing() {
        var plainlyRead = 0
        for round in 0..<400 {
            let action = randomAction()
            var w = JSONWriter(capacity: 4096)
            w.object { w in PlanCodec.writeHistoryAndNotes(action, &w) }
            let bytes = w.bytes
            for keeping in [true, false] {
                plainlyRead += compareReadings(bytes, keepingText: keeping, "round \(round)")
                // The same bytes broken: a byte replaced, removed or doubled.
                for cut in 0..<6 {
                    guard !bytes.isEmpty else { break }
                    var broken = bytes
                    let at = Int(rng.next() % UInt64(bytes.count))
                    switch cut % 3 {
                    case 0: broken[at] = pick(Array("\"\\ ,:{}[]nx0-\u{1}\n".utf8))
                    case 1: broken.remove(at: at)
                    default: broken.insert(broken[at], at: at)
                    }
                    _ = compareReadings(broken, keepingText: keeping, "round \(round), broken at \(at)")
                }
            }
        }
        // The writer's plain entries are read plainly: the test would not see a plain reading that never reads.
        XCTAssertGreaterThan(plainlyRead, 300)
    }
}
