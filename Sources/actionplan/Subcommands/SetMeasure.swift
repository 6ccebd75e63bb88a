import ActionPlanCore
import ActionPlanStore
import ArgumentParser

/// `actionplan set-measure`: the polarity, target or unit of a measure.
struct SetMeasure: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-measure",
        abstract: "Set a measure's polarity (higher or lower is better), target or unit, and save.")

    @Argument(help: "The plan file (JSON).") var plan: String
    @Argument(help: "The measure's ID (M4, M4.2) or its exact title.") var measure: String
    @Option(help: "higher or lower (which is better).") var polarity: MeasurePolarity?
    @Option(help: "The target as written, e.g. 28.3, 53%, \"23 weeks\" (empty removes it).") var target: String?
    @Option(help: "number, percent, days, weeks or ratio.") var unit: MeasureUnit?

    func run() throws {
        try reportingBadInput {
            let id = try PlanStore.update(plan, options: saveOptions()) { p in
                try p.setMeasure(measure, polarity: polarity, target: target, unit: unit)
            }
            let status = try MeasureStatus(PlanStore.load(plan).measure(id)!)
            printOut(
                "\(TerminalSafe.escape(id)): \(status.targetStatus.rawValue); saved \(TerminalSafe.escape(plan))\n")
        }
    }
}

extension MeasurePolarity: ExpressibleByArgument {}
extension MeasureUnit: ExpressibleByArgument {}
