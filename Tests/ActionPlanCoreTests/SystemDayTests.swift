import ActionPlanCore
import ActionPlanStore
import Foundation
import XCTest

/// The system's "today" (the default clock of the CLI and the terminal UI) is the local date, as
/// Foundation's calendar in the same zone says it: checked in zones 25 hours apart, where the date
/// always differs.
final class SystemDayTests: XCTestCase {
    func testTodayIsTheLocalDateOfTheZoneInTZ() throws {
        let saved = ProcessInfo.processInfo.environment["TZ"]
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
        }
        var seen: [String: CalendarDay] = [:]
        for zone in ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"] {
            let timeZone = try XCTUnwrap(TimeZone(identifier: zone), "tzdata lacks \(zone)")
            setenv("TZ", zone, 1)
            tzset()
            // Read the clock around the call twice, so a midnight passing in between cannot fail the test.
            for _ in 0..<2 {
                let before = Self.day(Date(), in: timeZone)
                let today = SystemDay.today()
                let after = Self.day(Date(), in: timeZone)
                if before == after {
                    XCTAssertEqual(today, before, zone)
                    seen[zone] = today
                    break
                }
            }
        }
        let east = try XCTUnwrap(seen["Pacific/Kiritimati"])
        let west = try XCTUnwrap(seen["Pacific/Pago_Pago"])
        XCTAssertTrue((1...2).contains(west.days(until: east)), "UTC+14 is a day or two ahead of UTC-11")
    }

    private static func day(_ date: Date, in zone: TimeZone) -> CalendarDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return CalendarDay(year: c.year!, month: c.month!, day: c.day!)!
    }
}
