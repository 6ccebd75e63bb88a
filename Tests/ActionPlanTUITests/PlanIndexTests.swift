import ActionPlanCore
import ActionPlanSynthetic
import ActionPlanTUI
import XCTest

/// The flat index agrees with the core's definitions (filters, overdue) and stays right through edits and undo.
final class PlanIndexTests: XCTestCase {
    let today = TUIFixtures.asOf

    func filters() -> [ActionFilter] {
        var unrated = ActionFilter(ratings: [.red, .amber])
        unrated.includeUnrated = true
        return [
            ActionFilter(), ActionFilter(theme: 2), ActionFilter(lead: "bt"), ActionFilter(lead: "TMcE"),
            ActionFilter(ratings: [.green]), unrated, ActionFilter(overdueOnly: true), ActionFilter(dueWithin: 30),
            ActionFilter(theme: 5, lead: "NH", overdueOnly: true), ActionFilter(ratings: []),
        ]
    }

    func testFiltersMatchActionFilterOnRealAndSyntheticPlans() throws {
        for plan in [try TUIFixtures.barnet(), TUIFixtures.small(), SyntheticPlan.make(actions: 3_000)] {
            let index = PlanIndex(plan)
            for filter in filters() {
                let prepared = index.prepare(filter)
                let fast = (0..<index.count).filter { index.matches(prepared, $0, today: today.ordinal) }
                XCTAssertEqual(
                    fast.map { index.paths[$0] }, filter.apply(to: plan, asOf: today).map(\.path), "\(filter)")
            }
            for i in 0..<index.count {
                let a = plan[index.paths[i]]
                XCTAssertEqual(index.daysOverdue(i, today: today.ordinal), a.daysOverdue(asOf: today))
                XCTAssertEqual(index.rating(i), a.rating)
                XCTAssertEqual(index.deadline(i), a.deadline?.ordinal)
            }
        }
    }

    func testOverdueViewEqualsActionFilterOverdueOnSyntheticPlan() {
        let plan = SyntheticPlan.make(actions: 5_000)
        var d = Driver(TUIFixtures.state(plan))
        d.press(.char("o"))
        XCTAssertEqual(d.state.derived.visible.actions, ActionFilter.overdue(in: plan, asOf: today).map(\.path))
    }

    /// Every sort (a radix sort over small keys) orders as a plain stable sort of the plan's actions by the
    /// sort's rule, ties in plan order; in every view, and when only the sort changes (`S`: the view's actions
    /// are only sorted again).
    func testEverySortEqualsAStableSortOfTheActionsByItsRule() throws {
        let rank: [Rating?: Int] = [.red: 0, .amber: 1, .green: 2, .blue: 3, nil: 4]
        func reference(_ plan: Plan, _ paths: [ActionPath], _ sort: ActionPlanTUI.SortOrder) -> [ActionPath] {
            func key(_ a: Action) -> (Int, String) {
                switch sort {
                case .plan: return (0, "")
                case .deadline: return (a.deadline?.ordinal ?? Int.max, "")
                case .severity: return (rank[a.rating]!, "")
                case .lead: return a.leads.first.map { (0, $0.lowercased()) } ?? (1, "")
                }
            }
            return paths.enumerated().sorted { x, y in
                let kx = key(plan[x.element])
                let ky = key(plan[y.element])
                return kx != ky ? kx < ky : x.offset < y.offset
            }.map(\.element)
        }
        for plan in [try TUIFixtures.barnet(), SyntheticPlan.make(actions: 3_000)] {
            var d = Driver(TUIFixtures.state(plan))
            for view in ["a", "o", "d"] {
                d.press(.char(Character(view)))
                let shown = Set(d.state.derived.visible.actions)
                let inView = plan.locatedActions.map(\.path).filter(shown.contains)
                for _ in ActionPlanTUI.SortOrder.allCases {
                    d.press(.char("S"))
                    XCTAssertEqual(
                        d.state.derived.visible.actions, reference(plan, inView, d.state.view.sort),
                        "view \(view), sort \(d.state.view.sort)")
                }
            }
        }
    }

    /// Going back to every action (`a`) reuses that view's actions and counts for the same plan, and an edit
    /// made in another view is counted when it is shown again: the same rows and counts as a fresh state's.
    func testEveryActionShownAgainAfterAnEditInAnotherViewIsCountedAfresh() throws {
        var d = Driver(TUIFixtures.state(try TUIFixtures.barnet()))
        d.press(.char("o"))
        d.select("1a(ii)")
        d.press(.char("r"), .char("b"))
        d.type("Delivered")
        d.press(.enter)
        XCTAssertEqual(d.action("1a(ii)")?.rating, .blue)
        d.press(.char("a"))
        var fresh = Driver(TUIFixtures.state(d.state.plan))
        fresh.press(.char("o"), .char("a"))
        XCTAssertEqual(d.state.derived.visible.actions, fresh.state.derived.visible.actions)
        XCTAssertEqual(d.state.derived.visible.themeCounts, fresh.state.derived.visible.themeCounts)
        XCTAssertEqual(d.state.derived.visible.groupCounts, fresh.state.derived.visible.groupCounts)
        XCTAssertEqual(d.state.derived.visible.rows.map(\.item), fresh.state.derived.visible.rows.map(\.item))
        d.press(.char("S"))
        fresh.press(.char("S"))
        XCTAssertEqual(d.state.derived.visible.actions, fresh.state.derived.visible.actions)
    }

    func assertSame(_ a: PlanIndex, _ b: PlanIndex, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.paths, b.paths, file: file, line: line)
        XCTAssertEqual(a.idWidth, b.idWidth, file: file, line: line)
        for i in 0..<min(a.count, b.count) {
            XCTAssertEqual(a.deadline(i), b.deadline(i), file: file, line: line)
            XCTAssertEqual(a.rating(i), b.rating(i), file: file, line: line)
            XCTAssertEqual(a.leads(i), b.leads(i), file: file, line: line)
        }
    }

    func testIncrementalUpdatesThroughEditsUndoAndRedoEqualARebuild() {
        var d = Driver()
        func check(_ line: UInt = #line) {
            assertSame(d.state.derived.index, PlanIndex(d.state.plan), line: line)
        }
        d.select("1a(ii)")
        d.press(.char("r"), .char("a"))
        d.type("late")
        d.press(.enter)
        d.type("June 2019")
        d.press(.enter)
        check()
        d.press(.char("e"), .char("l"), .ctrl("u"))
        d.type("NEW LEAD")
        d.press(.enter)
        check()
        d.press(.char("A"))
        d.type("1a(a-very-long-id)")
        d.press(.enter)
        d.type("text")
        d.press(.enter, .enter, .enter)
        check()
        d.select("1a(i)")
        d.press(.char("D"), .char("y"))
        check()
        for _ in 0..<4 {
            d.press(.char("u"))
            check()
        }
        for _ in 0..<4 {
            d.press(.ctrl("r"))
            check()
        }
    }
}
