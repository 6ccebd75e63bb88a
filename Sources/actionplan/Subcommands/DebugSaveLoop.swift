import ActionPlanCore
import ActionPlanStore
import ArgumentParser

/// `actionplan debug-save-loop PLAN` (hidden): saves the plan over and over, for crash tests.
///
/// By default each save is a full locked update, like `rate`: read, decode,
/// set the version line to `debug save N`, encode, keep a backup, write; it
/// prints `saved N` once the file is in place. With `--bytes FILE…` it cycles
/// through those files' bytes instead (printing `saved K`, K counting the files
/// from 1) through the same locked save, so a test can kill it hundreds of
/// times during the write of a large plan without paying for encoding each
/// time, and can tell exactly which versions the file may hold.
struct DebugSaveLoop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug-save-loop", abstract: "Save the plan in a loop (for crash tests).", shouldDisplay: false)

    @Argument(help: "The plan file (JSON); its version line is overwritten.") var plan: String
    @Option(help: "Stop after this many saves (default: never).") var count: Int?
    @Option(help: "Save these files' bytes in turn instead of updating the plan.") var bytes: [String] = []

    func run() throws {
        try reportingBadInput {
            let versions = try bytes.map { try PlanStore.readFile($0) }
            let options = saveOptions()
            var done = 0
            while count.map({ done < $0 }) ?? true {
                if versions.isEmpty {
                    let n = try PlanStore.update(plan, options: options) { p -> Int in
                        let n = (p.version.split(separator: " ").last.flatMap { Int($0) } ?? 0) + 1
                        p.version = "debug save \(n)"
                        return n
                    }
                    printOut("saved \(n)\n")
                } else {
                    let k = done % versions.count
                    try PlanStore.replace(plan, with: versions[k], options: options)
                    printOut("saved \(k + 1)\n")
                }
                done += 1
            }
        }
    }
}
