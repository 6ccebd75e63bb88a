import ArgumentParser

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
            or snapshot label), 3 not saved because someone else changed the same field meanwhile \
            (both values are printed; the file is unchanged).
            """,
        subcommands: [
            Browse.self, List.self, Overdue.self, Show.self, Rate.self, Summary.self, Check.self, Import.self,
            Export.self, Measures.self, Record.self, SetMeasure.self, ImportMeasures.self, Link.self, Coverage.self,
            TakeSnapshot.self, ListSnapshots.self, Restore.self, MergeDriver.self, DebugSaveLoop.self,
        ],
        defaultSubcommand: Browse.self
    )
}
