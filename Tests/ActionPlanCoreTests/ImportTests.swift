import ActionPlanImport
import ActionPlanStore
import Foundation
import XCTest

@testable import ActionPlanCore

final class ImportTests: XCTestCase {
    static let planFile = "barnet-2018-19-plan.txt"

    private func importFixture(_ name: String = planFile) throws -> (Plan, ImportReport) {
        try PlanImport.run(try TestSupport.fixtureBytes(name), file: name)
    }

    func testBarnetPlanHasSixThemesWithTitlesAndLeads() throws {
        let (plan, _) = try importFixture()
        XCTAssertEqual(plan.themes.map(\.number), [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(
            plan.themes.map(\.title),
            [
                "Systems Leadership for Children", "Enhancing Practice Leadership for Children",
                "Right Interventions, Right Time (Thresholds)", "Strengthening Assessment for children",
                "Strengthening Planning for Children",
                "Embedding a child centred culture that improves children's lives",
            ])
        XCTAssertEqual(plan.themes[0].leads, ["Chris Munday"])
        XCTAssertEqual(plan.themes[1].leads, ["Tina McElligott", "Brigitte Jordaan"])
        XCTAssertEqual(plan.themes[2].leads, ["Tina McElligott"])
        XCTAssertEqual(plan.themes[3].leads, ["Tina McElligott", "Brigitte Jordaen"])
        XCTAssertEqual(plan.title, "Barnet Children's Services Improvement Action Plan September 2018-September 2019")
        XCTAssertEqual(plan.version, "Final October 2018")
        XCTAssertEqual(plan.period, "September 2018 – September 2019")
        for t in plan.themes {
            XCTAssertEqual(t.narrative.count, 3, "theme \(t.number) narrative blocks")
            XCTAssertTrue(t.narrative[0].heading.hasPrefix("What do we need to fix"))
            XCTAssertFalse(t.narrative[0].text.isEmpty)
        }
        XCTAssertTrue(plan.themes[2].narrative[0].text.hasPrefix("Thresholds need to be monitored"))
    }

    func testBarnetPlanHas57ActionsByThemeWith51GreenAnd6Amber() throws {
        let (plan, _) = try importFixture()
        XCTAssertEqual(plan.themes.map { $0.actions.count }, [15, 8, 7, 4, 17, 6])
        let c = RatingCounts.of(plan.allActions, asOf: TestSupport.day("2019-01-31"))
        XCTAssertEqual(c.total, 57)
        XCTAssertEqual(c.green, 51)
        XCTAssertEqual(c.amber, 6)
        XCTAssertEqual(
            plan.allActions.filter { $0.rating == .amber }.map(\.id),
            ["1c(v)", "5(i)", "5(xii)", "5(xix)", "5(xxi)", "6(ii)"])
    }

    func testGroupsOfThemesOneAndThreeAndNoGroupsFromRepeatedThemeRows() throws {
        let (plan, _) = try importFixture()
        XCTAssertEqual(
            plan.themes[0].groups.map(\.title), ["Systems Leadership", "Strengthened Governance", "Corporate Support"])
        XCTAssertEqual(plan.themes[0].groups.map { $0.actions.count }, [5, 5, 5])
        XCTAssertEqual(
            plan.themes[2].groups.map(\.title),
            ["Effective MASH (Multi Agency Safeguarding Hub)", "Effective decision making", "Joined up Early Help"])
        XCTAssertEqual(plan.themes[2].groups.map { $0.actions.count }, [2, 1, 4])
        for i in [1, 3, 4, 5] { XCTAssertEqual(plan.themes[i].groups.map(\.title), [nil], "theme \(i + 1)") }
    }

    func testIDsCrossReferencesLeadsAndDates() throws {
        let (plan, _) = try importFixture()
        func a(_ id: String) -> Action { plan[plan.path(of: id)!] }
        XCTAssertEqual(a("1c(iii)").crossReferences, ["2c(iii)", "2a(i)", "T6"])
        XCTAssertEqual(a("1a(i)").crossReferences, ["2a(ii)", "2b(i)", "2(ii)", "7c(ii)"])
        XCTAssertEqual(a("1b(i)").crossReferences, ["2a(iii)(vi)"])
        XCTAssertEqual(a("2(iii)").crossReferences, ["3a(viii)", "5a(vi)", "6b(i)"])
        XCTAssertEqual(a("1b(iv)").crossReferences, [])
        XCTAssertEqual(a("2(ii)").leads, ["BJ", "TMcE"])
        XCTAssertEqual(a("5(ix)").leads, ["All HoS"])
        XCTAssertEqual(a("2a(vi)").leads, ["TMc"])
        XCTAssertEqual(a("3c(i)").deliveryDate, "Quarterly")
        XCTAssertNil(a("3c(i)").deadline)
        XCTAssertEqual(a("1b(ii)").deliveryDate, "Ongoing")
        XCTAssertEqual(a("5(xii)").deliveryDate, "February 2019")
        XCTAssertEqual(a("5(xii)").deadline?.description, "2019-02-28")
        XCTAssertEqual(a("6(ii)").deliveryDate, "October 2017")
        XCTAssertEqual(
            a("4(i)").text,
            "Make all strategy discussions compliant with \" Working Together to Safeguard Children – update 16 February 2017 \" "
                + "to ensure that assessment is timely and effective at managing risk")
        XCTAssertFalse(plan.allActions.contains { $0.text.contains("<") })
        XCTAssertEqual(plan.resolve(lead: "TMc"), .unknown("TMc"))
        XCTAssertEqual(plan.resolve(lead: "All HoS"), .group("All HoS"))
        if case .ambiguous(let os) = plan.resolve(lead: "KM") {
            XCTAssertEqual(os.map(\.name), ["Katie Mayers", "Kay Matthews"])
        } else {
            XCTFail("KM should be ambiguous")
        }
    }

    /// Every action row of the source, read independently of the importer, matches the import.
    func testEveryRowMatchesTheDocument() throws {
        let (plan, _) = try importFixture()
        let text = String(decoding: try TestSupport.fixtureBytes(Self.planFile), as: UTF8.self)
        var expected: [(id: String, refs: String, text: String, lead: String, date: String, rag: String)] = []
        var inOfficers = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("Appendix 5") { inOfficers = true }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard !inOfficers, cells.count == 5, !cells[1].isEmpty, cells[0] != "ID" else { continue }
            let idCell = cells[0].trimmingCharacters(in: .whitespaces)
            let id = String(idCell.prefix { $0 != " " })
            let refs = String(idCell.dropFirst(id.count)).trimmingCharacters(in: .whitespaces)
            let plain = cells[1].replacingOccurrences(of: "<i>", with: "").replacingOccurrences(of: "</i>", with: "")
                .split(separator: " ").joined(separator: " ")
            expected.append((id, refs, plain, cells[2], cells[3], cells[4]))
        }
        XCTAssertEqual(expected.count, 57)
        let actions = plan.allActions
        XCTAssertEqual(actions.map(\.id), expected.map(\.id))
        for (a, e) in zip(actions, expected) {
            XCTAssertEqual(a.text, e.text, a.id)
            XCTAssertEqual(a.leads.joined(separator: " "), e.lead, a.id)
            XCTAssertEqual(a.deliveryDate, e.date, a.id)
            XCTAssertEqual(a.rating?.letter, e.rag, a.id)
            let refs = e.refs.replacingOccurrences(of: ",", with: " ").split(separator: " ").map {
                $0.hasPrefix("(") && $0.hasSuffix(")") ? String($0.dropFirst().dropLast()) : String($0)
            }
            XCTAssertEqual(a.crossReferences, refs, a.id)
        }
    }

    func testRAGKeyVerbatimAnd27OfficersWithTheDuplicateKM() throws {
        let (plan, _) = try importFixture()
        XCTAssertEqual(plan.ragKey.blue, "Action completed")
        XCTAssertEqual(plan.ragKey.green, "Action on track to be completed in timescales")
        XCTAssertEqual(plan.ragKey.amber, "Action unlikely to meet timescales, but plan in place to deliver")
        XCTAssertEqual(plan.ragKey.red, "Action will not be delivered in timescales and no plan in place to mitigate")
        XCTAssertEqual(plan.officers.count, 27)
        XCTAssertEqual(plan.officers.first, Officer(code: "JH", name: "John Hooton", role: "Chief Executive Officer"))
        XCTAssertEqual(plan.officers.last, Officer(code: "HM", name: "Helen Morrison", role: "Education"))
        XCTAssertEqual(plan.officers.filter { $0.code == "KM" }.count, 2)
        XCTAssertEqual(plan.officers.first { $0.code == "AD" }?.role, "Director of Resources (£151 Officer)")
    }

    func testEveryRepairIsReportedWithItsSourceLine() throws {
        let (_, report) = try importFixture()
        let lines = Dictionary(grouping: report.entries, by: \.line)
        func has(_ line: Int, _ fragment: String, file: StaticString = #filePath, l: UInt = #line) {
            XCTAssertTrue(
                lines[line]?.contains { $0.message.contains(fragment) } ?? false, "line \(line): \(fragment)",
                file: file, line: l)
        }
        // Plan text starts at seed line 2924, so fixture line = seed line − 2923.
        for seedLine in [3069, 3085, 3122, 3195, 3281] { has(seedLine - 2923, "repeated table header row") }
        has(3090 - 2923, "theme 2 heading printed twice")
        has(3130 - 2923, "glued")
        has(3252 - 2923, "glued")
        for seedLine in [3160, 3232, 3246] { has(seedLine - 2923, "repeated inside its table") }
        has(3126 - 2923, "TMc")
        has(3247 - 2923, "CMc")
        has(3077 - 2923, "SMc")
        has(3071 - 2923, "SR")
        has(3403 - 2923, "KM is listed twice")
        XCTAssertEqual(report.repairs.count, 12)
        XCTAssertEqual(report.firstLine, 1)
    }

    func testTheWholeCommitteePackGivesTheSamePlan() throws {
        let (part, _) = try importFixture()
        let (whole, report) = try importFixture("hwb-2019-01-17-pack.txt")
        XCTAssertEqual(whole, part)
        XCTAssertEqual(report.firstLine, 2924)
        XCTAssertEqual(report.lastLine, 3404)
        XCTAssertEqual(PlanCodec.encode(whole), PlanCodec.encode(part))
    }

    func testSurvivesWindowsLineEndingsBOMNoBreakSpacesCurlyQuotesAndExtraHeaderRows() throws {
        let (reference, _) = try importFixture()
        var text = String(decoding: try TestSupport.fixtureBytes(Self.planFile), as: UTF8.self)
        let header = "ID\tActions\tLead\tDate of Delivery\tRAG"
        // Page-break header rows in new places: before a group row, before a theme heading, inside narrative.
        text = text.replacingOccurrences(
            of: "Strengthened Governance\t", with: header + "\n\nStrengthened Governance\t")
        text = text.replacingOccurrences(of: "\nPriority 4:", with: "\n" + header + "\n\nPriority 4:")
        text = text.replacingOccurrences(
            of: "What do we need to change?\n\n- Practice",
            with: "What do we need to change?\n\n" + header + "\n\n- Practice")
        text = text.replacingOccurrences(of: "'", with: "\u{2019}")
        text = text.replacingOccurrences(of: "2c(iii),2a(i),T6\t", with: "2c(iii),2a(i),\u{A0}T6\u{A0}\t")
        text = text.replacingOccurrences(of: "Lead: Chris Munday", with: "Lead:\u{A0}Chris\u{A0}Munday")
        text = text.replacingOccurrences(of: "\n", with: "\r\n")
        let bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        let (plan, report) = try PlanImport.run(bytes, file: "variant.txt")
        XCTAssertEqual(plan.themes.map { $0.actions.count }, [15, 8, 7, 4, 17, 6])
        XCTAssertEqual(plan.allActions.map(\.id), reference.allActions.map(\.id))
        XCTAssertEqual(plan.allActions.map(\.leads), reference.allActions.map(\.leads))
        XCTAssertEqual(plan.allActions.map(\.crossReferences), reference.allActions.map(\.crossReferences))
        XCTAssertEqual(plan.allActions.map(\.deliveryDate), reference.allActions.map(\.deliveryDate))
        XCTAssertEqual(plan.allActions.map(\.rating), reference.allActions.map(\.rating))
        XCTAssertEqual(
            plan.allActions.map { $0.text.replacingOccurrences(of: "\u{2019}", with: "'") },
            reference.allActions.map(\.text))
        XCTAssertEqual(plan.themes[0].groups.map(\.title), reference.themes[0].groups.map(\.title))
        XCTAssertEqual(plan.themes[0].leads, ["Chris Munday"])
        XCTAssertEqual(plan.officers.count, 27)
        XCTAssertEqual(plan.ragKey, reference.ragKey)
        XCTAssertGreaterThan(report.repairs.count, 12)
    }

    func testCSVAndTSVWithLooseHeaders() throws {
        let csv = """
            Theme,Group,Ref,Action,Lead officer,Date of Delivery,RAG
            1,Systems Leadership,1a(i) 2a(ii),"Ensure all leaders understand the plan, and ""drive"" it",JH,March 2019,G
            1,Systems Leadership,1a(ii),"Multi-line
            action text",BJ TMcE,Q1 2019/20,Amber
            2,,2(i),Another,All HoS,Ongoing,
            """
        let (plan, report) = try PlanImport.run(Array(csv.utf8), file: "plan.csv", options: .init(title: "CSV plan"))
        XCTAssertEqual(plan.title, "CSV plan")
        XCTAssertEqual(plan.themes.map(\.number), [1, 2])
        let a = plan.allActions
        XCTAssertEqual(a.map(\.id), ["1a(i)", "1a(ii)", "2(i)"])
        XCTAssertEqual(a[0].crossReferences, ["2a(ii)"])
        XCTAssertEqual(a[0].text, "Ensure all leaders understand the plan, and \"drive\" it")
        XCTAssertEqual(a[1].text, "Multi-line action text")
        XCTAssertEqual(a[1].leads, ["BJ", "TMcE"])
        XCTAssertEqual(a[1].deadline?.description, "2019-06-30")
        XCTAssertEqual(a[1].rating, .amber)
        XCTAssertEqual(a[2].leads, ["All HoS"])
        XCTAssertNil(a[2].rating)
        XCTAssertEqual(plan.themes[0].groups.map(\.title), ["Systems Leadership"])
        XCTAssertTrue(report.entries.isEmpty, "\(report.entries)")

        let tsv = "id\taction\tlead\tdue\trating\n3(i)\tDo it\tBT\tnext spring\tR\n"
        let (p2, r2) = try PlanImport.run(Array(tsv.utf8), file: "plan.tsv")
        XCTAssertEqual(p2.allActions.first?.rating, .red)
        XCTAssertEqual(r2.warnings.first?.line, 2)
        XCTAssertTrue(r2.warnings.first?.message.contains("next spring") ?? false)
    }

    func testBadSourcesFailWithFileLineAndWhatWasExpected() {
        func err(_ text: String, _ file: String) -> PlanError? {
            do {
                _ = try PlanImport.run(Array(text.utf8), file: file)
                return nil
            } catch let e as PlanError {
                XCTAssertEqual(e.kind, .invalidSource, "\(e)")
                return e
            } catch { return nil }
        }
        let unbalanced = err("id,action\n1,\"never closed\n2,x\n", "bad.csv")
        XCTAssertEqual(unbalanced?.line, 2)
        XCTAssertTrue(unbalanced?.message.contains("unbalanced quote") ?? false)
        let noColumns = err("name,when\nx,y\n", "bad.csv")
        XCTAssertEqual(noColumns?.line, 1)
        XCTAssertTrue(noColumns?.message.contains("ID column") ?? false)
        XCTAssertTrue(
            err("just some prose\nwith no table\n", "notes.txt")?.message.contains("no action table") ?? false)
        XCTAssertTrue(err("", "empty.txt")?.message.contains("empty") ?? false)
        // Not UTF-8: read as Windows-1252 (the report says so); here there is still no table to import.
        XCTAssertTrue(
            err("ID\tActions\nx\tcaf\u{E9}\n", "x.txt") == nil, "a plain table imports")
        do {
            _ = try PlanImport.run([0x41, 0x0A, 0x42, 0xFF, 0x0A], file: "latin1.txt")
            XCTFail("a source without a table imported")
        } catch let e as PlanError {
            XCTAssertTrue(e.message.contains("no action table found"), e.message)
        } catch { XCTFail("\(error)") }
        let dup = err("id,action\n1,a\n1,b\n", "dup.csv")
        XCTAssertNil(dup, "duplicate IDs in a source are renamed and reported, not fatal")
    }

    func testCommittedSamplePlanIsTheImportOfTheSeed() throws {
        let (plan, _) = try importFixture()
        let committed = try PlanStore.readFile(TestSupport.samplePlanPath)
        XCTAssertEqual(committed, PlanCodec.encode(plan), "Data/barnet-2018-19.json differs from a fresh import")
    }
}
