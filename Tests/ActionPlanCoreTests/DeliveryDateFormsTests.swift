import ActionPlanStore
import XCTest

@testable import ActionPlanCore

/// Every written form of docs/file-format.md § Deadline rules with its deadline, and every refusal with its reason.
final class DeliveryDateFormsTests: XCTestCase {
    /// As written → deadline (`YYYY-MM-DD`), grouped by rule.
    static let forms: [(written: String, deadline: String)] = [
        // A month with a two-digit year (20YY), or joined by '-'.
        ("Jan-19", "2019-01-31"), ("Jan 19", "2019-01-31"), ("January-19", "2019-01-31"),
        ("jan-2019", "2019-01-31"), ("JANUARY-2019", "2019-01-31"), ("Feb-20", "2020-02-29"),
        ("Sept-18", "2018-09-30"), ("Sept 18", "2018-09-30"), ("Dec 99", "2099-12-31"),
        // A day: day first, '/', '.' or '-', two- or four-digit year; a four-digit first number is a year.
        ("31/03/19", "2019-03-31"), ("1/3/19", "2019-03-01"), ("31.03.2019", "2019-03-31"),
        ("31.03.19", "2019-03-31"), ("31-03-2019", "2019-03-31"), ("31-03-19", "2019-03-31"),
        ("2019-03-31", "2019-03-31"), ("2019/03/31", "2019-03-31"), ("2019.3.31", "2019-03-31"),
        ("31-Mar-19", "2019-03-31"), ("31-March-2019", "2019-03-31"), ("4 March 19", "2019-03-04"),
        ("1st Mar 19", "2019-03-01"), ("29.02.2020", "2020-02-29"),
        // By … / End of …: the date that follows, whose deadline is already its end.
        ("End of March 2019", "2019-03-31"), ("end March 2019", "2019-03-31"), ("By March 2019", "2019-03-31"),
        ("by end of March 2019", "2019-03-31"), ("By the end of March 2019", "2019-03-31"),
        ("the end of Mar-19", "2019-03-31"), ("End-March 2019", "2019-03-31"), ("By 31/03/2019", "2019-03-31"),
        ("by 31.03.19", "2019-03-31"), ("By Q4 2019/20", "2020-03-31"), ("by end of Jan - Mar 2019", "2019-03-31"),
        // Week commencing: the week's last day, six days after the first.
        ("w/c 4 March 2019", "2019-03-10"), ("W/C 04/03/19", "2019-03-10"),
        ("week commencing 25 February 2019", "2019-03-03"), ("w/b 30 December 2019", "2020-01-05"),
        ("WC 2019-02-25", "2019-03-03"), ("week beginning 1 March 2020", "2020-03-07"),
        // Ranges: the end of the range.
        ("September / October 2018", "2018-10-31"), ("September/October 2018", "2018-10-31"),
        ("Sept-Oct 2018", "2018-10-31"), ("Sept – Oct 2018", "2018-10-31"), ("Jan–Mar 2019", "2019-03-31"),
        ("January to March 2019", "2019-03-31"), ("Jan - Mar 2019", "2019-03-31"),
        ("January 2019 – March 2019", "2019-03-31"), ("Dec 2018 - Feb 2019", "2019-02-28"),
        ("Nov - Feb 2019", "2019-02-28"), ("Dec-18 - Feb-19", "2019-02-28"), ("Oct 18 to Jan 19", "2019-01-31"),
        ("4-8 March 2019", "2019-03-08"), ("4 March - 8 April 2019", "2019-04-08"),
        ("1/3/2019 - 31/3/2019", "2019-03-31"), ("January to March 2019", "2019-03-31"),
        // Financial quarters, as before.
        ("Q2 2019/20", "2019-09-30"), ("Q2 2019/2020", "2019-09-30"),
        // The basic forms, unchanged.
        ("March 2019", "2019-03-31"), ("31/03/2019", "2019-03-31"), ("31 March 2019", "2019-03-31"),
    ]

    /// The middle of the reason a season is refused.
    static let season = " is ambiguous: a season has no agreed last day; write the month it ends, e.g. "

    /// As written → the reason it has no deadline (exact).
    static let refusals: [(written: String, reason: String)] = [
        ("Q2 2019", "Q2 2019 is ambiguous: write Q2 2019/20 for the financial year or a month"),
        ("q4 2020", "q4 2020 is ambiguous: write Q4 2020/21 for the financial year or a month"),
        ("By Q2 2019", "Q2 2019 is ambiguous: write Q2 2019/20 for the financial year or a month"),
        ("Spring 2019", "Spring 2019" + season + "May 2019"), ("Summer 2019", "Summer 2019" + season + "August 2019"),
        ("Autumn 2019", "Autumn 2019" + season + "November 2019"),
        ("Winter 2019/20", "Winter 2019/20" + season + "February 2020"),
        ("Spring term 2019", "Spring term 2019" + season + "May 2019"),
        ("March", "March has no year: write it, e.g. March 2019"),
        ("January to March", "March has no year: write it, e.g. March 2019"),
        (
            "2019",
            "2019 alone is ambiguous (a calendar or a financial year): write the month it ends, e.g. December 2019 "
                + "or March 2020"
        ),
        ("2019/20", "2019/20 is a whole financial year: write Q4 2019/20 for its end (31 March 2020) or a month"),
        ("w/c March 2019", "w/c needs the day the week starts, e.g. w/c 4 March 2019"),
        ("w/c", "w/c needs the day the week starts, e.g. w/c 4 March 2019"),
        ("Feb 2019 - Dec 2018", "Feb 2019 - Dec 2018 ends before it starts"),
        ("8-4 March 2019", "8-4 March 2019 ends before it starts"),
        ("31.02.2019", "31.02.2019 is not a day of the calendar (dates are day/month/year)"),
        ("31/02/19", "31/02/19 is not a day of the calendar (dates are day/month/year)"),
        ("30-Feb-19", "30-Feb-19 is not a day of the calendar"),
        ("w/c 31/02/2019", "31/02/2019 is not a day of the calendar (dates are day/month/year)"),
        ("By Ongoing", "expected a date after \"By\", e.g. By March 2019"),
        ("Q1 2019/21", "2019/21 is not a financial year (expected 2019/20)"),
        ("Q1 19/20", "expected a financial year like 2019/20 after Q1"),
        ("Q2 2019-20", "expected a financial year like 2019/20 after Q2"),
        ("end of year", DeliveryDate.genericReason), ("Before March 2019", DeliveryDate.genericReason),
        ("Mar/19", DeliveryDate.genericReason), ("soonish", DeliveryDate.genericReason),
        ("April 2019 - Q2 2019/20", DeliveryDate.genericReason),
    ]

    func testEveryWrittenFormHasTheDeadlineOfTheEndOfWhatItNames() {
        for (written, deadline) in Self.forms {
            XCTAssertEqual(DeliveryDate.parse(written).deadline?.description, deadline, written)
        }
    }

    func testEveryRefusalHasNoDeadlineAndSaysWhy() {
        for (written, reason) in Self.refusals {
            XCTAssertEqual(DeliveryDate.parse(written), .unrecognised(reason), written)
        }
    }

    func testALongTextIsRefusedInLinearTime() {
        let long = "By " + String(repeating: "Jan-19 - ", count: 20_000) + "Mar 2019"
        XCTAssertEqual(DeliveryDate.parse(long), .unrecognised(DeliveryDate.genericReason))
        XCTAssertEqual(DeliveryDate.parse(String(repeating: "1", count: 50)), .unrecognised(DeliveryDate.genericReason))
    }

    func testRefusalsReachTheUserThroughValidation() {
        XCTAssertThrowsError(try Plan.validateDeliveryDate("Q2 2019", field: "delivery date")) { e in
            XCTAssertEqual(
                (e as? PlanError)?.message,
                "delivery date \"Q2 2019\" is not understood: Q2 2019 is ambiguous: write Q2 2019/20 for the "
                    + "financial year or a month")
        }
        XCTAssertNoThrow(try Plan.validateDeliveryDate("Sept-Oct 2018", field: "delivery date"))
    }

    func testRecurringWordsIncludingWeeklyHaveNoDeadline() {
        let words = [
            "Ongoing", "Quarterly", "Monthly", "Annually", "Weekly", "weekly", "Bi-monthly", "Biannually",
            "Fortnightly", "Termly", "Six-monthly", "Half-yearly", "Bi-annually", "Yearly", "Daily", "Continuous",
        ]
        for w in words {
            XCTAssertEqual(DeliveryDate.parse(w), .recurring(w.prefix(1).uppercased() + w.dropFirst().lowercased()), w)
        }
        for w in ["", "TBC", "tba", "TBD", "-", "N/A"] { XCTAssertEqual(DeliveryDate.parse(w), .notSet, w) }
        let plan = Plan(
            title: "t", officers: [Officer(code: "X", name: "X", role: "")],
            themes: [
                Theme(
                    number: 1, title: "T",
                    groups: [
                        ActionGroup(
                            title: nil, actions: [Action(id: "1", text: "t", leads: ["X"], deliveryDate: "Weekly")])
                    ])
            ])
        XCTAssertEqual(PlanCheck.run(plan, asOf: TestSupport.day("2099-01-01")).map(\.rule), [])
    }

    func testTheSamplePlansDeadlinesAreUnchanged() throws {
        let bytes = try PlanStore.readFile(TestSupport.samplePlanPath)
        let plan = try PlanCodec.decode(bytes, file: "sample")
        XCTAssertEqual(plan.actionCount, 57)
        XCTAssertEqual(PlanCodec.encode(plan), bytes, "the derived deadlines are written back byte for byte")
    }

    func testAFileFromAnOlderBuildWithNoDeadlineForANowReadableDateStillOpens() throws {
        let text = """
            { "schemaVersion": 1, "title": "t", "themes": [ { "number": 1, "groups": [ { "title": null,
              "actions": [ { "id": "1", "deliveryDate": "Jan-19", "deadline": null } ] } ] } ] }
            """
        let plan = try PlanCodec.decode(Array(text.utf8), file: "old.json")
        XCTAssertEqual(plan.allActions[0].deadline?.description, "2019-01-31")
        let wrong = text.replacingOccurrences(of: "null }", with: "\"2019-01-30\" }")
        XCTAssertThrowsError(try PlanCodec.decode(Array(wrong.utf8), file: "old.json"))
        let basic = text.replacingOccurrences(of: "Jan-19", with: "January 2019")
        XCTAssertThrowsError(try PlanCodec.decode(Array(basic.utf8), file: "old.json"), "always read: null is wrong")
    }
}
