import ActionPlanCore
import ActionPlanStore
import ActionPlanSynthetic
import Foundation
import XCTest

@testable import ActionPlanTUI

/// A large plan's first frame is drawn from its listing while the whole plan is read behind it
/// (`PlanSession.init(path:…listingFirstFrom:)`): the frame must be the whole plan's, and no key may act
/// on the listing — edits, saves and everything they keep are made on the plan read in full.
final class ListingFirstTests: XCTestCase {
    let asOf = TUIFixtures.asOf

    /// Writes `plan` to a new directory and saves it once through the store (rating its first action), as
    /// users' plans are after their first save: the store's stamp then lets it be listed.
    func stampedCopy(of plan: Plan) throws -> String {
        let path = try temporaryDirectory() + "/plan.json"
        try PlanStore.save(plan, to: path)
        let first = plan.allActions[0].id
        try PlanStore.updateAction(path, id: first) { _, action in
            try action.rate(to: .amber, note: "saved once", by: "NH", on: asOf)
        }
        return path
    }

    func plans() throws -> [(String, Plan)] {
        [
            ("Barnet", try TUIFixtures.barnet()), ("synthetic", SyntheticPlan.make(actions: 2_000)),
            ("ten years of history", SyntheticPlan.longHistory(actions: 40, years: 10)),
        ]
    }

    func testTheFirstFrameFromTheListingIsTheWholePlansFirstFrame() throws {
        for (name, plan) in try plans() + (try plans()).map({ ("\($0.0), not saved by actionplan", $0.1) }) {
            let path: String
            if name.hasSuffix("not saved by actionplan") {
                // Written as an encoding, without the store's stamp (an import, a copy): listed all the same.
                path = try temporaryDirectory() + "/plain.json"
                try PlanStore.save(plan, to: path)
            } else {
                path = try stampedCopy(of: plan)
            }
            let listing = try XCTUnwrap(try PlanStore.listingToShow(path, ifAtLeast: 0), "\(name): no listing")
            let whole = try PlanStore.loadWithFingerprint(path)
            XCTAssertNotEqual(listing, whole.plan, "\(name): the listing leaves the logs out")
            for (width, height) in [(80, 24), (120, 40), (30, 8), (200, 60), (1, 1)] {
                let first = PlanSession(plan: listing, path: path, fingerprint: nil, asOf: asOf, user: "NH")
                let full = PlanSession(
                    plan: whole.plan, path: path, fingerprint: whole.fingerprint, asOf: asOf, user: "NH")
                XCTAssertEqual(
                    first.frame(width: width, height: height), full.frame(width: width, height: height),
                    "\(name) at \(width)×\(height)")
            }
        }
    }

    func testKeysWaitForTheWholePlanAndASaveKeepsEveryLog() throws {
        let plan = SyntheticPlan.longHistory(actions: 60, years: 3)
        let path = try stampedCopy(of: plan)
        let before = try PlanStore.load(path)
        let session = try PlanSession(path: path, asOf: asOf, user: "NH", listingFirstFrom: 0)
        XCTAssertTrue(
            session.state.plan.allActions.allSatisfy { $0.history.isEmpty && $0.notes.isEmpty },
            "opened from the listing")
        XCTAssertNil(session.fingerprint)
        _ = session.frame(width: 80, height: 24)

        // The first key is handled on the whole plan.
        XCTAssertTrue(session.handle(.char("j")))
        XCTAssertEqual(session.state.plan, before)
        XCTAssertEqual(session.fingerprint, PlanStore.currentFingerprint(path))
        XCTAssertEqual(session.state.view.selectedRow, 1, "j moved down one row")

        // Rate the selected action with a note and save: every other action's logs are kept.
        while session.state.selectedActionPath == nil { XCTAssertTrue(session.handle(.char("j"))) }
        let id = try XCTUnwrap(session.state.selectedActionPath.map { session.state.plan[$0].id })
        for key: KeyEvent in [.char("r"), .char("r")] { XCTAssertTrue(session.handle(key)) }
        for c in "Supplier withdrew" { XCTAssertTrue(session.handle(.char(c))) }
        XCTAssertTrue(session.handle(.enter))
        if case .prompt = session.state.mode { XCTAssertTrue(session.handle(.enter)) }  // a revised date, if asked
        XCTAssertTrue(session.handle(.char("w")))
        XCTAssertFalse(session.state.isModified, "\(String(describing: session.state.message))")
        let after = try PlanStore.load(path)
        for (old, new) in zip(before.allActions, after.allActions) where old.id != id {
            XCTAssertEqual(old, new, old.id)
        }
        let rated = try XCTUnwrap(after.allActions.first { $0.id == id })
        let was = try XCTUnwrap(before.allActions.first { $0.id == id })
        XCTAssertEqual(rated.rating, .red)
        XCTAssertEqual(Array(rated.history.prefix(was.history.count)), was.history, "the history before is kept")
        XCTAssertEqual(rated.history.last?.note, "Supplier withdrew")
    }

    func testAFrameDrawnOnceTheWholePlanIsReadShowsIt() throws {
        let path = try stampedCopy(of: SyntheticPlan.longHistory(actions: 30, years: 2))
        let session = try PlanSession(path: path, asOf: asOf, user: "NH", listingFirstFrom: 0)
        let reading = try XCTUnwrap(session.reading)
        _ = reading.wait()
        _ = session.frame(width: 80, height: 24)
        XCTAssertNil(session.reading, "taken by the frame")
        XCTAssertEqual(session.state.plan, try PlanStore.load(path))
    }

    /// A recovery file written between the listing and the whole plan (another session of the plan
    /// interrupted meanwhile) is offered once the whole plan is taken, not lost with the listing's state.
    func testARecoveryFileWrittenWhileThePlanIsReadIsOfferedOnTheWholePlan() throws {
        let plan = try TUIFixtures.barnet()
        let path = try stampedCopy(of: plan)
        let listing = try XCTUnwrap(try PlanStore.listingToShow(path, ifAtLeast: 0))
        let session = PlanSession(
            listing: listing, reading: PlanReading(path: path), path: path, asOf: asOf, user: "NH")
        _ = try RecoveryFiles.write(plan: plan, base: plan, for: path, reuse: nil)
        session.waitUntilRead()
        XCTAssertEqual(session.state.plan, try PlanStore.load(path))
        guard case .question(.restoreRecovery) = session.state.mode else {
            return XCTFail("the recovery file was not offered: \(session.state.mode)")
        }
    }

    func testAPlanThatCannotBeReadInFullEndsTheSessionWithItsError() throws {
        let path = try stampedCopy(of: try TUIFixtures.barnet())
        let listing = try XCTUnwrap(try PlanStore.listingToShow(path, ifAtLeast: 0))
        let missing = try temporaryDirectory() + "/gone.json"
        let session = PlanSession(
            listing: listing, reading: PlanReading(path: missing), path: path, asOf: asOf, user: "NH")
        session.waitUntilRead()
        XCTAssertEqual(session.state.message?.isError, true)
        XCTAssertTrue(
            session.state.message?.text.hasPrefix("Cannot read the whole plan: ") == true,
            "\(String(describing: session.state.message))")
        XCTAssertFalse(session.handle(.char("j")), "any key leaves")
        let farewell = try XCTUnwrap(session.farewell())
        XCTAssertEqual(farewell.status, 2)
        XCTAssertTrue(farewell.message.contains("gone.json"), farewell.message)
    }

    func testAPlanLaidOutOtherwiseSmallOrWithARecoveryFileIsReadInFullFirst() throws {
        let plan = try TUIFixtures.barnet()
        // Written on one line by another program: not laid out as an encoding, so there is no listing.
        let oneLine = try temporaryDirectory() + "/plan.json"
        let object = try JSONSerialization.jsonObject(with: Data(PlanCodec.encode(plan)))
        try PlanStore.writeAtomically([UInt8](try JSONSerialization.data(withJSONObject: object)), to: oneLine)
        let whole = try PlanSession(path: oneLine, asOf: asOf, user: "NH", listingFirstFrom: 0)
        XCTAssertNil(whole.reading)
        XCTAssertEqual(whole.state.plan, plan)
        // Smaller than the size from which the listing comes first (the default: 4 MiB).
        let small = try stampedCopy(of: plan)
        XCTAssertNil(try PlanSession(path: small, asOf: asOf, user: "NH").reading)
        // A recovery file waits to be restored: its question needs the whole plan.
        let recovered = try stampedCopy(of: plan)
        _ = try RecoveryFiles.write(plan: plan, base: plan, for: recovered, reuse: nil)
        let session = try PlanSession(path: recovered, asOf: asOf, user: "NH", listingFirstFrom: 0)
        XCTAssertNil(session.reading)
        XCTAssertEqual(session.state.plan, try PlanStore.load(recovered))
    }
}
