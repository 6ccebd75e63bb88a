import ActionPlanSynthetic
import XCTest

@testable import ActionPlanCore

/// Seeded random plans through the file format: load → save → load gives the same plan and the same bytes;
/// the outline (`PlanOutline`) holds the same plan less the text of its logs, and gives back every action in
/// full (one action replaced in the bytes of an encoding: `OneActionSaveTests`);
/// and the deadline rules' allocation-free fast paths agree with the full rules.
final class PlanRoundTripPropertyTests: XCTestCase {
    /// A seeded generator of plan pieces, with text that exercises every escape the writer knows.
    struct Draw {
        /// The generator.
        var rng: SyntheticPlan.SplitMix

        /// A number in `range`.
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(rng.next() % UInt64(range.count))
        }

        /// One of `items`.
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }

        /// Text of up to `length` pieces: plain words mostly, and now and then quotes, backslashes, line
        /// breaks, controls, C1 controls, bidi overrides, accents, other scripts and emoji.
        mutating func text(_ length: Int = 8) -> String {
            let pieces = [
                "plan", "review", "Children's", "MASH", " ", " ", "\"", "\\", "\n", "\r\n", "\t", "\u{1}", "\u{7F}",
                "\u{85}", "\u{9B}", "\u{202E}", "\u{2067}", "é", "e\u{301}", "Ω", "中文", "👩‍👧", "/", "\u{A0}", "£5",
            ]
            var s = ""
            for _ in 0..<int(0...length) { s += int(0...2) == 0 ? pick(pieces) : pick(["a", "b", "the", "lead"]) }
            return s
        }

        /// A delivery date in one of the written forms (or not a date at all).
        mutating func date() -> String {
            let y = int(2017...2022)
            let m = int(1...12)
            let d = int(1...31)
            return pick([
                "\(CalendarDay.monthNames[m - 1]) \(y)", "\(d)/\(m)/\(y)", String(format: "%04d-%02d-%02d", y, m, d),
                "Q\(int(1...4)) \(y)/\(String((y + 1) % 100))", "Ongoing", "TBC", "", "31/2/\(y)", "\(y)-\(m)-\(d)",
                "Jan-19", "w/c 3 June 2019", text(2),
            ])
        }

        /// A day between 2017 and 2022.
        mutating func day() -> CalendarDay { CalendarDay(ordinal: int(17_167...19_357)) }

        /// A rating or none.
        mutating func rating() -> Rating? { pick([nil, .blue, .green, .amber, .red]) }

        /// A random action with ID `id`.
        mutating func action(_ id: String, statuses: Bool) -> Action {
            var a = Action(
                id: id, crossReferences: (0..<int(0...2)).map { _ in text(1) }, text: text(12),
                leads: (0..<int(0...3)).map { _ in pick(["CM", "BJ", "All HoS", text(2)]) }, deliveryDate: date(),
                rating: rating(), status: statuses && int(0...1) == 0 ? text(1) : "")
            for _ in 0..<int(0...2) {
                a.revisions.append(DateRevision(date: date(), on: day(), by: text(1), reason: text(4)))
            }
            if statuses && int(0...2) == 0 { a.fields = [ActionField(name: text(2), value: text(6))] }
            for _ in 0..<int(0...4) {
                a.history.append(
                    RatingChange(
                        date: day(), from: rating(), to: rating(), by: text(1), note: text(8),
                        status: statuses && int(0...1) == 0 ? text(1) : ""))
            }
            for _ in 0..<int(0...3) { a.notes.append(ProgressNote(date: day(), by: text(1), text: text(10))) }
            return a
        }

        /// A random plan of up to `size` actions, with unique IDs.
        mutating func plan(size: Int) -> Plan {
            let statuses = int(0...1) == 0
            var plan = Plan(title: text(4), organisation: text(2), version: text(2), period: text(3))
            plan.officers = (0..<int(0...3)).map { _ in
                Officer(code: pick(["CM", "BJ", "TMcE"]), name: text(2), role: text(2))
            }
            if statuses { plan.narrative = [NarrativeBlock(heading: text(2), text: text(10))] }
            var n = 0
            for t in 0..<int(0...3) {
                var theme = Theme(number: t + 1, title: text(4), leads: [text(1)])
                for g in 0..<int(1...3) {
                    var group = ActionGroup(title: int(0...2) == 0 ? nil : text(3))
                    for _ in 0..<int(0...size / 3) {
                        n += 1
                        group.actions.append(action("\(t + 1).\(g).\(n)", statuses: statuses))
                    }
                    theme.groups.append(group)
                }
                plan.themes.append(theme)
            }
            if int(0...1) == 0, n > 0 {
                plan.snapshots = [
                    Snapshot(
                        label: text(2), date: day(),
                        actions: plan.allActions.map {
                            SnapshotEntry(
                                id: $0.id, rating: $0.rating, deadline: $0.deadline, latestNote: text(5), updates: 2)
                        })
                ]
            }
            return plan
        }
    }

    /// The plan as its outline holds it: the text of every log empty.
    static func withoutFreeText(_ plan: Plan) -> Plan {
        var p = plan
        for t in p.themes.indices {
            for g in p.themes[t].groups.indices {
                for a in p.themes[t].groups[g].actions.indices {
                    var action = p.themes[t].groups[g].actions[a]
                    action.revisions = action.revisions.map {
                        DateRevision(date: $0.date, on: $0.on, by: "", reason: "")
                    }
                    action.fields = action.fields.map { _ in ActionField(name: "", value: "") }
                    action.history = action.history.map {
                        RatingChange(date: $0.date, from: $0.from, to: $0.to, by: "", note: "", status: $0.status)
                    }
                    action.notes = action.notes.map { ProgressNote(date: $0.date, by: "", text: "") }
                    p.themes[t].groups[g].actions[a] = action
                }
            }
        }
        p.snapshots = p.snapshots.map { s in
            var s = s
            s.actions = s.actions.map {
                SnapshotEntry(id: $0.id, rating: $0.rating, deadline: $0.deadline, latestNote: "", updates: $0.updates)
            }
            return s
        }
        return p
    }

    func testLoadSaveLoadGivesTheSamePlanAndTheSameBytes() throws {
        var draw = Draw(rng: SyntheticPlan.SplitMix(2026))
        for round in 0..<150 {
            let plan = draw.plan(size: 12)
            let bytes = PlanCodec.encode(plan)
            let loaded = try PlanCodec.decode(bytes, file: "round \(round)")
            XCTAssertEqual(loaded, plan, "round \(round)")
            let again = PlanCodec.encode(loaded)
            XCTAssertEqual(again, bytes, "round \(round): saving the loaded plan changed its bytes")
            XCTAssertEqual(try PlanCodec.decode(again, file: "again"), plan, "round \(round)")
        }
    }

    func testTheOutlineIsThePlanLessItsLogTextAndGivesEveryActionBackInFull() throws {
        var draw = Draw(rng: SyntheticPlan.SplitMix(13))
        for round in 0..<100 {
            let plan = draw.plan(size: 12)
            let outline = try PlanOutline(bytes: PlanCodec.encode(plan), file: "round \(round)")
            XCTAssertEqual(outline.plan, Self.withoutFreeText(plan), "round \(round)")
            for located in plan.locatedActions {
                XCTAssertEqual(try outline.action(at: located.path), located.action, "round \(round)")
            }
        }
    }

    func testTheOutlineRefusesWhatTheFullReadingRefuses() throws {
        var draw = Draw(rng: SyntheticPlan.SplitMix(7))
        var plan = draw.plan(size: 6)
        var logged = Action(id: "logged", text: "An action with every log", deliveryDate: "March 2019")
        logged.history = [RatingChange(date: draw.day(), from: nil, to: .green, by: "CM", note: "rated")]
        logged.notes = [ProgressNote(date: draw.day(), by: "CM", text: "noted")]
        logged.revisions = [DateRevision(date: "May 2019", on: draw.day(), by: "CM", reason: "moved")]
        plan.themes.append(Theme(number: 9, title: "Logs", groups: [ActionGroup(title: nil, actions: [logged])]))
        let text = String(decoding: PlanCodec.encode(plan), as: UTF8.self)
        // Damage inside the text the outline does not keep: a raw control character, a bad escape, a bad
        // date in a note, an unknown field in a history entry.
        let damaged = [
            text.replacingOccurrences(of: "\"note\": \"", with: "\"note\": \"\u{1}"),
            text.replacingOccurrences(of: "\"reason\": \"", with: "\"reason\": \"\\q"),
            text.replacingOccurrences(of: "\"notes\": [", with: "\"notes\": [{\"date\": \"2019-02-30\"}, "),
            text.replacingOccurrences(
                of: "\"history\": [", with: "\"history\": [{\"date\": \"2019-01-01\", \"x\": 1}, "),
        ]
        XCTAssertFalse(damaged.contains(text))
        for (i, t) in damaged.enumerated() {
            let bytes = Array(t.utf8)
            var full: PlanError?
            XCTAssertThrowsError(try PlanCodec.decode(bytes, file: "f")) { full = $0 as? PlanError }
            XCTAssertThrowsError(try PlanOutline(bytes: bytes, file: "f"), "damage \(i)") { error in
                XCTAssertEqual((error as? PlanError)?.kind, .invalidPlan)
                XCTAssertEqual((error as? PlanError)?.description, full?.description, "damage \(i)")
            }
        }
    }

    func testTheNumericDayFastPathAgreesWithTheFullRules() {
        var draw = Draw(rng: SyntheticPlan.SplitMix(99))
        for _ in 0..<800 {
            let (y, m, d) = (draw.int(0...2100), draw.int(0...13), draw.int(0...32))
            for s in [
                "\(d)/\(m)/\(y)", String(format: "%02d/%02d/%04d", d, m, y), String(format: "%04d-%02d-%02d", y, m, d),
                "\(y)-\(m)-\(d)", "\(d)/\(m)-\(y)", "\(d)//\(y)", "\(d)/\(m)/\(y)/1", "123456789012345678901/1/2019",
            ] {
                XCTAssertEqual(DeliveryDate.parse(s), DeliveryDate.interpret(s, prefixes: true, ranges: true), s)
                XCTAssertEqual(CalendarDay(iso: s), s.count == 10 ? Self.slowISO(s) : nil, s)
            }
        }
    }

    /// `YYYY-MM-DD` read the plain way, for comparison with `CalendarDay(iso:)`.
    static func slowISO(_ s: String) -> CalendarDay? {
        let p = s.split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2,
            p.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2])
        else { return nil }
        return CalendarDay(year: y, month: m, day: d)
    }
}
