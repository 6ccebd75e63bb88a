import XCTest

@testable import ActionPlanCore

final class DeliveryDateTests: XCTestCase {
    private func deadline(_ s: String) -> String? { DeliveryDate.parse(s).deadline?.description }

    func testMonthNamesAbbreviationsAndSeptInAnyCaseGiveTheLastDayOfTheMonth() {
        XCTAssertEqual(deadline("March 2019"), "2019-03-31")
        XCTAssertEqual(deadline("Mar 2019"), "2019-03-31")
        XCTAssertEqual(deadline("Sept 2018"), "2018-09-30")
        XCTAssertEqual(deadline("sep 2018"), "2018-09-30")
        XCTAssertEqual(deadline("FEBRUARY 2019"), "2019-02-28")
        XCTAssertEqual(deadline("February 2020"), "2020-02-29")
        XCTAssertEqual(deadline("  november\u{A0}2018 "), "2018-11-30")
        XCTAssertEqual(deadline("December 2018"), "2018-12-31")
    }

    func testDaysInUKOrderISOAndLongForm() {
        XCTAssertEqual(deadline("31/03/2019"), "2019-03-31")
        XCTAssertEqual(deadline("1/3/2019"), "2019-03-01")
        XCTAssertEqual(deadline("2019-03-31"), "2019-03-31")
        XCTAssertEqual(deadline("31 March 2019"), "2019-03-31")
        XCTAssertEqual(deadline("1st Mar 2019"), "2019-03-01")
    }

    func testImpossibleDaysAreUnrecognisedWithAReason() {
        for s in ["31/02/2019", "2019-02-30", "31 April 2019", "29/02/2019"] {
            guard case .unrecognised(let why) = DeliveryDate.parse(s) else { return XCTFail("\(s) parsed") }
            XCTAssertTrue(why.contains("not a day of the calendar"), why)
        }
        XCTAssertEqual(deadline("29/02/2020"), "2020-02-29")
    }

    func testFinancialYearQuartersEndOnTheQuartersLastDay() {
        XCTAssertEqual(deadline("Q1 2019/20"), "2019-06-30")
        XCTAssertEqual(deadline("Q2 2019/20"), "2019-09-30")
        XCTAssertEqual(deadline("Q3 2019/20"), "2019-12-31")
        XCTAssertEqual(deadline("Q4 2019/20"), "2020-03-31")
        XCTAssertEqual(deadline("q4 2019/2020"), "2020-03-31")
        guard case .unrecognised = DeliveryDate.parse("Q1 2019/21") else { return XCTFail("bad FY accepted") }
        guard case .unrecognised = DeliveryDate.parse("Q5 2019/20") else { return XCTFail("Q5 accepted") }
    }

    func testRecurringWordsHaveNoDeadlineAndAreNeverOverdue() {
        for s in ["Ongoing", "Quarterly", "monthly", "ANNUALLY"] {
            guard case .recurring = DeliveryDate.parse(s) else { return XCTFail("\(s) not recurring") }
            let a = Action(id: "x", text: "t", deliveryDate: s, rating: .green)
            XCTAssertNil(a.daysOverdue(asOf: TestSupport.day("2099-01-01")))
        }
    }

    func testEmptyTBCAndTBAAreNotSet() {
        for s in ["", "  ", "TBC", "tba"] {
            XCTAssertEqual(DeliveryDate.parse(s), .notSet, s)
        }
    }

    func testAnythingElseIsUnrecognised() {
        // `31.03.2019` and `Mar-19` were refused here until issue 9 made them read (DeliveryDateFormsTests).
        for s in ["Spring 2019", "end of year", "March", "2019"] {
            guard case .unrecognised = DeliveryDate.parse(s) else { return XCTFail("\(s) was recognised") }
        }
    }

    func testOverdueIsStrictlyAfterTheDeadlineAndNeverForBlue() {
        let a = Action(id: "x", text: "t", deliveryDate: "March 2019", rating: .green)
        XCTAssertNil(a.daysOverdue(asOf: TestSupport.day("2019-03-31")), "due on the day is not overdue")
        XCTAssertEqual(a.daysOverdue(asOf: TestSupport.day("2019-04-01")), 1)
        XCTAssertEqual(a.daysOverdue(asOf: TestSupport.day("2020-03-31")), 366)
        var blue = a
        blue.rating = .blue
        XCTAssertNil(blue.daysOverdue(asOf: TestSupport.day("2020-03-31")))
        var unrated = a
        unrated.rating = nil
        XCTAssertEqual(unrated.daysOverdue(asOf: TestSupport.day("2019-04-10")), 10)
    }

    func testARevisedDateReplacesTheOriginalButKeepsIt() throws {
        var plan = Plan(
            title: "t",
            themes: [
                Theme(
                    number: 1, title: "T",
                    groups: [
                        ActionGroup(
                            title: nil,
                            actions: [
                                Action(id: "1(i)", text: "t", deliveryDate: "November 2018", rating: .green)
                            ])
                    ])
            ])
        try plan.rate(
            id: "1(i)", to: .amber, note: "slipped", by: "BT", on: TestSupport.day("2019-01-31"),
            revisedDate: "June 2019")
        let a = plan.allActions[0]
        XCTAssertEqual(a.deliveryDate, "November 2018")
        XCTAssertEqual(a.deadline?.description, "2019-06-30")
        XCTAssertNil(a.daysOverdue(asOf: TestSupport.day("2019-01-31")))
        XCTAssertEqual(a.revisions.first?.reason, "slipped")
        XCTAssertThrowsError(
            try plan.reviseDate(id: "1(i)", to: "31/02/2019", reason: "x", by: "BT", on: TestSupport.day("2019-01-31")))
    }

    func testCalendarDayArithmetic() {
        XCTAssertEqual(TestSupport.day("2018-11-30").days(until: TestSupport.day("2019-01-31")), 62)
        XCTAssertEqual(CalendarDay(ordinal: TestSupport.day("2000-02-29").ordinal).description, "2000-02-29")
        XCTAssertNil(CalendarDay(iso: "2019-13-01"))
        XCTAssertNil(CalendarDay(iso: "19-01-01"))
    }
}
