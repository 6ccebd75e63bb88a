import XCTest

@testable import ActionPlanCore

/// The lead rules of docs/file-format.md § Action: leads: splitting a cell, telling a code from a name,
/// and what `check` and `show` make of each.
final class LeadCellTests: XCTestCase {
    /// Barnet's register codes, with `Cllr L` (two words) among them.
    private var codes: [String] { get throws { try TestSupport.samplePlan().officers.map(\.code) } }

    /// A cell as written → its leads, read with Barnet's register.
    static let cells: [(cell: String, leads: [String])] = [
        ("BJ TMcE", ["BJ", "TMcE"]), ("All HoS", ["All HoS"]), ("BJ, TMcE", ["BJ", "TMcE"]),
        ("KP & SM", ["KP", "SM"]), ("KP&SM", ["KP", "SM"]), ("NH and SL", ["NH", "SL"]), ("CS/ CM", ["CS", "CM"]),
        ("BJ + TMcE", ["BJ", "TMcE"]), ("BJ; TMcE", ["BJ", "TMcE"]), ("• BJ\n• TMcE", ["BJ", "TMcE"]),
        ("- BJ\r\n- TMcE", ["BJ", "TMcE"]), ("BJ\u{A0}TMcE", ["BJ", "TMcE"]), ("TMc", ["TMc"]), ("CCG", ["CCG"]),
        ("Sarah D'Souza/ Collette McCarthy", ["Sarah D'Souza", "Collette McCarthy"]),
        ("Sarah D'Souza", ["Sarah D'Souza"]), ("Head of Service", ["Head of Service"]),
        ("London Borough of Barnet", ["London Borough of Barnet"]),
        ("Director of Children's Services", ["Director of Children's Services"]),
        ("Health & Wellbeing Board", ["Health & Wellbeing Board"]),
        ("Health and Wellbeing Board", ["Health and Wellbeing Board"]),
        ("KP & Health & Wellbeing Board", ["KP", "Health & Wellbeing Board"]),
        ("KP, Health & Wellbeing Board", ["KP", "Health & Wellbeing Board"]),
        ("Sarah D'Souza and CM", ["Sarah D'Souza", "CM"]),
        ("Sarah D'Souza & Collette McCarthy", ["Sarah D'Souza & Collette McCarthy"]),
        ("Chris Munday (CM)", ["CM"]), ("CM (Chris Munday)", ["CM"]),
        ("Chris Munday (CM) and Tina McElligott (TMcE)", ["CM", "TMcE"]),
        ("Chris Munday (XY)", ["Chris Munday (XY)"]), ("Cllr L", ["Cllr L"]), ("Cllr L BJ", ["Cllr L", "BJ"]),
        ("BJ All HoS", ["BJ", "All HoS"]), ("All Heads of Service", ["All Heads of Service"]),
        ("All HoS and BJ", ["All HoS", "BJ"]), ("BJ TMcE & Head of Service", ["BJ", "TMcE", "Head of Service"]),
        ("Mr Smith", ["Mr Smith"]), ("", []), (" , / & ", []), ("BJ &", ["BJ"]),
        ("Xenzone (QWELL / KOOTH)", ["Xenzone (QWELL / KOOTH)"]), ("Kooth (Xenzone), BT", ["Kooth (Xenzone)", "BT"]),
        ("Public Health/Barnet Schools", ["Public Health", "Barnet Schools"]), ("YBF & partners", ["YBF & partners"]),
    ]

    func testEveryCellSplitsIntoItsLeads() throws {
        let codes = try self.codes
        for (cell, leads) in Self.cells {
            XCTAssertEqual(Plan.splitLeads(cell, knownCodes: codes), leads, cell.debugDescription)
        }
    }

    func testWithoutARegisterInitialsAreStillCodesAndNamesStillWhole() {
        let cases: [(String, [String])] = [
            ("BJ TMcE", ["BJ", "TMcE"]), ("Cllr L", ["Cllr L"]), ("All HoS", ["All HoS"]),
            ("Chris Munday (CM)", ["Chris Munday (CM)"]), ("KP & SM", ["KP", "SM"]),
            ("Sarah D'Souza/ Collette McCarthy", ["Sarah D'Souza", "Collette McCarthy"]),
        ]
        for (cell, leads) in cases { XCTAssertEqual(Plan.splitLeads(cell, knownCodes: []), leads, cell) }
    }

    func testCodeShapedMeansTwoToFiveLettersMostlyCapitals() {
        for w in ["BJ", "TMcE", "KPop", "CMc", "NH", "SR", "HoS", "CCG", "JMcA", "ABCDE"] {
            XCTAssertTrue(Plan.isCodeShaped(w), w)
        }
        for w in ["B", "Mr", "All", "Cllr", "Sarah", "ABCDEF", "bj", "bJ", "B2", "D'S", "ÉJ", "Tmce", "KpOpq", ""] {
            XCTAssertFalse(Plan.isCodeShaped(w), w)
        }
    }

    func testEachLeadIsAnOfficerAGroupAnUnknownCodeOrANameOrRole() throws {
        let plan = try TestSupport.samplePlan()
        XCTAssertEqual(plan.resolve(lead: "BJ").displayName, "Brigitte Jordaan")
        XCTAssertEqual(plan.resolve(lead: "All HoS"), .group("All HoS"))
        XCTAssertEqual(plan.resolve(lead: "TMc"), .unknown("TMc"))
        XCTAssertEqual(plan.resolve(lead: "CCG"), .unknown("CCG"))
        XCTAssertEqual(plan.resolve(lead: "Sarah D'Souza"), .name("Sarah D'Souza"))
        XCTAssertEqual(plan.resolve(lead: "Head of Service"), .name("Head of Service"))
        XCTAssertEqual(plan.resolve(lead: "Head of Service").displayName, "Head of Service")
        XCTAssertEqual(plan.resolve(lead: "Cllr L").displayName, plan.officers.first { $0.code == "Cllr L" }?.name)
    }

    func testCheckReportsUnknownCodesButNotNamesOrRoles() throws {
        var plan = try TestSupport.samplePlan()
        let cells = ["Sarah D'Souza/ Collette McCarthy", "Head of Service", "London Borough of Barnet & CCG"]
        for (id, cell) in zip(["1a(i)", "1a(ii)", "1a(iii)"], cells) {
            try plan.editAction(id: id, leads: plan.splitLeads(cell))
        }
        let unknown = PlanCheck.run(plan, asOf: TestSupport.day("2019-01-31")).filter { $0.rule == "unknown-lead" }
        XCTAssertEqual(
            unknown.map(\.description),
            [
                "1a(iii): unknown-lead: lead code CCG is not in the officers register",
                "1a(iv): unknown-lead: lead code SR is not in the officers register",
                "1b(iv): unknown-lead: lead code SMc is not in the officers register",
                "2a(vi): unknown-lead: lead code TMc is not in the officers register",
                "3c(iv): unknown-lead: lead code TMc is not in the officers register",
                "5(ii): unknown-lead: lead code TMc is not in the officers register",
                "5(xix): unknown-lead: lead code CMc is not in the officers register",
                "5(xx): unknown-lead: lead code CMc is not in the officers register",
            ])
        let detail = ActionDetail.text(plan, plan.path(of: "1a(i)")!, asOf: TestSupport.day("2019-01-31"))
        XCTAssertTrue(detail.contains("Leads:       Sarah D'Souza\n             Collette McCarthy\n"), detail)
        let json = ActionDetail.json(plan, plan.path(of: "1a(ii)")!, asOf: TestSupport.day("2019-01-31"))
        XCTAssertTrue(json.contains("\"code\": \"Head of Service\",\n      \"name\": \"Head of Service\""), json)
        let row = ActionListing.rows([plan.locatedActions[0]], in: plan, asOf: TestSupport.day("2019-01-31"))
        XCTAssertEqual(row.first?.lead, "Sarah D'Souza, Collette McCarthy")
    }

    func testJoinedLeadsSplitBackToTheSameLeads() throws {
        let codes = try self.codes
        for (_, leads) in Self.cells where !leads.contains(where: { $0.contains("&") || $0.contains(" and ") }) {
            let joined = Plan.joinLeads(leads)
            XCTAssertEqual(Plan.splitLeads(joined, knownCodes: codes), leads, joined)
        }
        XCTAssertEqual(Plan.joinLeads(["BJ", "TMcE"]), "BJ TMcE")
        XCTAssertEqual(Plan.joinLeads(["Sarah D'Souza", "CM"]), "Sarah D'Souza, CM")
        XCTAssertEqual(Plan.joinLeads(["KM", "All HoS"]), "KM All HoS")
        XCTAssertEqual(Plan.joinLeads(["KM", "All Heads of Service"]), "KM, All Heads of Service")
    }

    func testTheSamplePlansLeadsSplitAsTheDocumentWroteThem() throws {
        let plan = try TestSupport.samplePlan()
        for a in plan.allActions {
            XCTAssertEqual(plan.splitLeads(a.leads.joined(separator: " ")), a.leads, a.id)
            XCTAssertEqual(plan.splitLeads(Plan.joinLeads(a.leads)), a.leads, a.id)
            for l in a.leads { XCTAssertNotEqual(plan.resolve(lead: l), .name(l), "\(a.id): \(l) is a code") }
        }
    }
}
