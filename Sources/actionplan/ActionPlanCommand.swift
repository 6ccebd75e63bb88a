import ActionPlanCore
import ArgumentParser
import Foundation

/// The `actionplan` command: the terminal UI by default, and subcommands for every job.
@main
struct ActionPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actionplan",
        abstract: "Keep an improvement action plan: browse and rate it, list what is overdue, check it, import it, "
            + "export committee reports.",
        discussion: """
            Exit status: 0 success, 1 check found problems, 2 bad input (missing or invalid plan or source, \
            unknown ID, invalid rating or date, an import that would overwrite a plan, an unknown export format \
            or snapshot label, no Chromium to print a PDF), 3 not saved because someone else changed the same \
            field meanwhile (both values are printed; the file is unchanged), 64 a usage mistake (a mistyped \
            command says which one was probably meant), 74 the output could not be written (a full disk).
            """,
        version: ProgramVersion.current,
        subcommands: [
            Browse.self, List.self, Overdue.self, Show.self, Rate.self, Summary.self, Leads.self, Check.self,
            Import.self, Export.self, Measures.self, Record.self, SetMeasure.self, ImportMeasures.self, Link.self,
            RecommendationCommand.self,
            Coverage.self, TakeSnapshot.self, ListSnapshots.self, Restore.self, Version.self, MergeDriver.self,
            DebugSaveLoop.self, DebugCutShort.self,
        ],
        defaultSubcommand: Browse.self
    )

    /// Reads the command line: `-V` and a mistyped command first (see `CommandLineSlips`), then the
    /// subcommands.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        switch CommandLineSlips.check(arguments, commands: configuration.subcommands) {
        case .version:
            printOut(ProgramVersion.current + "\n")
        case .slip(let message):
            printError(message)
            Self.exit(withError: ExitCode.validationFailure)
        case nil:
            main(arguments)
        }
    }
}
