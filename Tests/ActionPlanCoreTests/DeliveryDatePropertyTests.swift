import ActionPlanSynthetic
import XCTest

@testable import ActionPlanCore

/// Seeded random checks of the deadline rules: every written form of a random day or month gives its
/// deadline, whatever the case and white space, and `normalise` is idempotent.
final class DeliveryDatePropertyTests: XCTestCase {
    /// A seeded generator with the few choices these tests need.
    struct Draw {
        /// The generator.
        var rng: SyntheticPlan.SplitMix

        /// A number in `range`.
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(rng.next() % UInt64(range.count))
        }

        /// One of `items`.
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }

        /// `s` in upper, lower or its own case, with each space made one or more random white spaces
        /// (space, tab, no-break space, line break) and random white space around it.
        mutating func disguise(_ s: String) -> String {
            let cased = pick([s, s.lowercased(), s.uppercased()])
            let spaces = [" ", "  ", "\t", "\u{A0}", " \u{A0}", "\n", "\u{FEFF}"]
            var out = int(0...3) == 0 ? pick(spaces) : ""
            for ch in cased { out += ch == " " ? pick(spaces) : String(ch) }
            return out + (int(0...3) == 0 ? pick(spaces) : "")
        }
    }

    /// Every way the rules accept of writing `day` (years 2000–2099, so two-digit years apply), with its deadline.
    static func forms(of day: CalendarDay, _ draw: inout Draw) -> [(String, CalendarDay)] {
        let (d, m, y) = (day.day, day.month, day.year)
        let (dd, mm, yy) = (two(d), two(m), two(y % 100))
        let month = CalendarDay.monthNames[m - 1]
        let mon = m == 9 && draw.int(0...1) == 0 ? "Sept" : CalendarDay.monthAbbreviations[m - 1]
        let ord = d % 10 == 1 && d != 11 ? "st" : d % 10 == 2 && d != 12 ? "nd" : d % 10 == 3 && d != 13 ? "rd" : "th"
        var out: [(String, CalendarDay)] = [
            "\(d)/\(m)/\(y)", "\(dd)/\(mm)/\(y)", "\(dd)/\(mm)/\(yy)", "\(d).\(m).\(y)", "\(dd).\(mm).\(yy)",
            "\(dd)-\(mm)-\(y)", "\(d)-\(m)-\(yy)", "\(y)-\(mm)-\(dd)", "\(y)/\(m)/\(d)", "\(y).\(mm).\(dd)",
            "\(d) \(month) \(y)", "\(d)\(ord) \(mon) \(y)", "\(d) \(mon) \(yy)", "\(dd)-\(mon)-\(yy)",
            "\(d)-\(month)-\(y)", "By \(d)/\(m)/\(y)", "by \(dd).\(mm).\(yy)", "By \(d) \(month) \(y)",
        ].map { ($0, day) }
        out.append(("w/c \(d) \(month) \(y)", day.adding(days: 6)))
        out.append(("week commencing \(dd)/\(mm)/\(yy)", day.adding(days: 6)))
        let last = CalendarDay.lastDay(ofMonth: m, year: y)!
        out += [
            "\(month) \(y)", "\(mon) \(y)", "\(mon)-\(yy)", "\(mon) \(yy)", "\(month)-\(yy)", "\(month)-\(y)",
            "End of \(month) \(y)", "end \(mon) \(y)", "By \(month) \(y)", "by end of \(mon)-\(yy)",
            "by the end of \(month) \(y)", "End-\(month) \(y)",
        ].map { ($0, last) }
        let s = draw.int(1...12)
        let (start, startShort) = (CalendarDay.monthNames[s - 1], CalendarDay.monthAbbreviations[s - 1])
        let startYear = s <= m ? y : y - 1
        out += [
            "\(startShort) - \(mon) \(y)", "\(start) to \(month) \(y)", "\(start)/\(month) \(y)",
            "\(startShort)-\(mon) \(y)", "\(start) \(startYear) – \(month) \(y)", "By \(start) to \(month) \(y)",
        ].map { ($0, last) }
        if startYear >= 2000 { out.append(("\(startShort)-\(two(startYear % 100)) - \(mon)-\(yy)", last)) }
        out.append(("\(draw.int(1...d))-\(d) \(month) \(y)", day))
        return out
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    func testEveryWrittenFormOfARandomDayGivesItsDeadline() {
        var draw = Draw(rng: SyntheticPlan.SplitMix(0x15_5CE_9))
        for _ in 0..<400 {
            let year = draw.int(2000...2099)
            let month = draw.int(1...12)
            let d = draw.int(1...CalendarDay.daysIn(month: month, year: year))
            let day = CalendarDay(year: year, month: month, day: d)!
            for (written, deadline) in Self.forms(of: day, &draw) {
                let disguised = draw.disguise(written)
                let parsed = DeliveryDate.parse(disguised)
                XCTAssertEqual(parsed.deadline, deadline, "\(written) as \(disguised.debugDescription)")
                XCTAssertEqual(parsed, DeliveryDate.parse(DeliveryDate.normalise(disguised)))
            }
        }
    }

    func testFourDigitYearsFromTheWholeCalendarKeepTheirDeadline() {
        var draw = Draw(rng: SyntheticPlan.SplitMix(9))
        for _ in 0..<2_000 {
            let year = draw.int(1000...9998)
            let month = draw.int(1...12)
            let d = draw.int(1...CalendarDay.daysIn(month: month, year: year))
            let day = CalendarDay(year: year, month: month, day: d)!
            let name = CalendarDay.monthNames[month - 1]
            for written in ["\(d)/\(month)/\(year)", "\(d).\(month).\(year)", "\(day)", "\(d) \(name) \(year)"] {
                XCTAssertEqual(DeliveryDate.parse(draw.disguise(written)), .day(day), written)
            }
            XCTAssertEqual(DeliveryDate.parse(draw.disguise("\(name) \(year)")), .month(year: year, month: month))
            XCTAssertEqual(DeliveryDate.parse("w/c \(day)").deadline, day.adding(days: 6))
        }
    }

    func testNormaliseIsIdempotentAndNeverChangesWhatATextMeans() {
        var draw = Draw(rng: SyntheticPlan.SplitMix(2019))
        let pieces = [
            "Q2", "2019", "/", "20", "-", "–", "Jan", "March", "31", "03", "19", ".", "by", "end", "of", "w/c", "to",
            "Ongoing", "TBC", "Spring", " ", "  ", "\t", "\u{A0}", "\n", "\u{FEFF}", "é", "\u{1B}", "1st",
        ]
        for _ in 0..<5_000 {
            let text = (0..<draw.int(0...7)).map { _ in draw.pick(pieces) }.joined(separator: draw.pick(["", " "]))
            let once = DeliveryDate.normalise(text)
            XCTAssertEqual(DeliveryDate.normalise(once), once, text.debugDescription)
            XCTAssertEqual(DeliveryDate.parse(text), DeliveryDate.parse(once), text.debugDescription)
            if case .unrecognised(let why) = DeliveryDate.parse(text) { XCTAssertFalse(why.isEmpty) }
        }
    }
}
