import ActionPlanCore
import ActionPlanStore
import ArgumentParser

/// `actionplan check`: lint the plan; exit 1 when there are findings.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the plan: unknown leads, missing or unparseable dates, Green but overdue, "
            + "Blue without a completion entry, duplicate IDs. Exits 1 when it finds problems.")

    @Argument(help: "The plan file (JSON).") var plan: String
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        let findings = try reportingBadInput { () -> [PlanCheck.Finding] in
            let today = try asOf.day()
            let p = keptUntilExit(try PlanStore.load(plan, allowDuplicateIDs: true))
            return PlanCheck.run(p, asOf: today)
        }
        let shownPlan = TerminalSafe.escape(plan)
        if findings.isEmpty {
            printOut("\(shownPlan): no problems found\n")
            return
        }
        for f in findings { printOut("\(shownPlan): \(TerminalSafe.escape(f.description))\n") }
        var byRule: [String: Int] = [:]
        for f in findings { byRule[f.rule, default: 0] += 1 }
        printOut(
            "\(findings.count) problem\(findings.count == 1 ? "" : "s"): "
                + byRule.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + "\n")
        throw ExitCode(1)
    }
}
