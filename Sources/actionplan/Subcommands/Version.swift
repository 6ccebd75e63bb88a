import ActionPlanCore
import ArgumentParser

/// `actionplan version`: the version, as `--version` and `-V` print it.
struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print actionplan's version (the same as --version and -V).")

    func run() throws {
        printOut(ProgramVersion.current + "\n")
    }
}
