import ActionPlanCore
import ActionPlanStore
import ActionPlanTUI
import Foundation
import TestProcess
import XCTest

/// Fixtures and a key-feeding driver for the terminal UI tests: no terminal, no clock.
enum TUIFixtures {
    /// The fixed day every test works as of.
    static let asOf = CalendarDay(year: 2019, month: 1, day: 31)!

    /// Today by the system clock as `YYYY-MM-DD`: what the program dates edits with (end-to-end tests only).
    static func realToday() -> String {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDay(year: c.year!, month: c.month!, day: c.day!)!.description
    }

    /// The repository root.
    static var root: URL { TestPaths.root }

    /// Data/barnet-2018-19.json, the real plan.
    static let barnetPath = root.appendingPathComponent("Data/barnet-2018-19.json").path

    /// The real Barnet plan, parsed once per test run (a `Plan` is a value: each caller gets its own copy).
    static func barnet() throws -> Plan { try parsedBarnet.get() }

    private static let parsedBarnet = Result { try PlanStore.load(barnetPath) }

    /// A small plan covering the cases the UI must handle: titled and untitled groups, every rating and
    /// unrated, month/day/recurring/unset dates, overdue actions, unknown and group leads, wide characters
    /// and an escape sequence hidden in the text.
    static func small() -> Plan {
        Plan(
            title: "Test Plan", organisation: "Test Borough",
            officers: [
                Officer(code: "BT", name: "Brigid Tan", role: "Head of Safeguarding"),
                Officer(code: "CM", name: "Chris Munday", role: "Director"),
                Officer(code: "KM", name: "Katie Mayers", role: "Head of Early Help"),
                Officer(code: "KM", name: "Kay Matthews", role: "Head of Performance"),
            ],
            themes: [
                Theme(
                    number: 1, title: "Systems Leadership", leads: ["Chris Munday"],
                    narrative: [NarrativeBlock(heading: "What do we need to fix?", text: "Governance.")],
                    groups: [
                        ActionGroup(
                            title: "Governance",
                            actions: [
                                Action(
                                    id: "1a(i)", text: "Agree the plan", leads: ["CM"], deliveryDate: "March 2019",
                                    rating: .green),
                                Action(
                                    id: "1a(ii)", text: "Review the board", leads: ["BT"], deliveryDate: "October 2018",
                                    rating: .amber),
                                Action(
                                    id: "1a(iii)", text: "Done already", leads: ["BT"], deliveryDate: "September 2018",
                                    rating: .blue),
                            ]),
                        ActionGroup(
                            title: "Support",
                            actions: [
                                Action(
                                    id: "1b(i)", text: "Recruit \u{1B}]52;c;ZXZpbA==\u{07}staff 社会福祉",
                                    leads: ["ZZ"],
                                    deliveryDate: "Ongoing", rating: .green),
                                Action(
                                    id: "1b(ii)", text: "Publish the Early Help offer", leads: ["KM", "All HoS"],
                                    deliveryDate: "15/02/2019", rating: nil),
                            ]),
                    ]),
                Theme(
                    number: 2, title: "Practice",
                    groups: [
                        ActionGroup(
                            title: nil,
                            actions: [
                                Action(
                                    id: "2(i)", text: "Supervise social workers", leads: ["BT", "CM"],
                                    deliveryDate: "December 2018", rating: .red),
                                Action(
                                    id: "2(ii)", text: "Audit cases", leads: ["CM"], deliveryDate: "TBC", rating: .green
                                ),
                                Action(
                                    id: "2(iii)", text: "Train managers in supervision", leads: ["BT"],
                                    deliveryDate: "November 2018", rating: .green),
                            ])
                    ]),
            ])
    }

    /// A state on `plan` as of ``asOf`` with a frame drawn at 80×24 (so page sizes are known).
    static func state(_ plan: Plan = small(), user: String = "tester") -> AppState {
        AppState(plan: plan, filePath: "plan.json", asOf: asOf, user: user)
    }
}

/// Feeds keys and commands to ``Update`` and keeps the state and the effects of the last step.
struct Driver {
    var state: AppState
    var effects: [Effect] = []

    init(_ state: AppState = TUIFixtures.state()) {
        self.state = state
        frame()
    }

    /// Renders a frame so scroll positions and page sizes are known, as the session does.
    @discardableResult
    mutating func frame(width: Int = 80, height: Int = 24) -> Grid {
        let (grid, layout) = Renderer.frame(state, width: width, height: height)
        state.remember(layout)
        return grid
    }

    mutating func press(_ keys: KeyEvent...) {
        for k in keys {
            (state, effects) = Update.update(state, key: k)
            frame()
        }
    }

    mutating func type(_ text: String) {
        for c in text { press(.char(c)) }
    }

    mutating func send(_ event: AppEvent) {
        (state, effects) = Update.update(state, event)
        frame()
    }

    /// Selects the action with `id` (moving from the top, as a user would).
    mutating func select(_ id: String, file: StaticString = #filePath, line: UInt = #line) {
        press(.home)
        for _ in 0..<state.derived.visible.rows.count {
            if state.selectedAction?.id == id { return }
            press(.down)
        }
        XCTFail("action \(id) is not shown", file: file, line: line)
    }

    var selectedID: String? { state.selectedAction?.id }

    /// The IDs of the action rows in the plan pane, top to bottom.
    var shownIDs: [String] {
        state.derived.visible.rows.compactMap { row in
            if case .action(let p) = row.item { return state.plan[p].id }
            return nil
        }
    }

    var promptPurpose: PromptPurpose? {
        if case .prompt(let p) = state.mode { return p.purpose }
        return nil
    }

    var promptError: String? {
        if case .prompt(let p) = state.mode { return p.error }
        return nil
    }

    func action(_ id: String) -> Action? {
        state.plan.path(of: id).map { state.plan[$0] }
    }
}

/// A fresh temporary directory for file tests.
func temporaryDirectory() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actionplan-tui-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.path
}
