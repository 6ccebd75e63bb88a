import ActionPlanCore
import ArgumentParser
import Foundation

/// What the command line catches before swift-argument-parser reads it: `-V` (the parser knows only
/// `--version`), and a mistyped command, which the default command (`browse PLAN`) would otherwise
/// take for a plan's file name and answer with browse's usage.
enum CommandLineSlips {
    /// What to do instead of parsing.
    enum Outcome: Equatable {
        /// Print the version (`actionplan -V`).
        case version
        /// Print this message on stderr and exit 64 (a usage mistake).
        case slip(String)
    }

    /// The outcome for `arguments` (without the program's name), or nil to parse them as usual.
    ///
    /// A first argument is read as a mistyped command when it does not start with `-`, is not a command,
    /// names no existing file, and is within an edit or two of exactly one visible command
    /// (`NearestNames.likelySlip`): `actionplan overdeu plan.json` → `did you mean 'overdue'?`.
    static func check(_ arguments: [String], commands: [ParsableCommand.Type]) -> Outcome? {
        guard let first = arguments.first else { return nil }
        if first == "-V" { return .version }
        let names = commands.filter { $0.configuration.shouldDisplay }.map { $0._commandName } + ["help"]
        if first.hasPrefix("-") || names.contains(first) || FileManager.default.fileExists(atPath: first) {
            return nil
        }
        guard let meant = NearestNames.likelySlip(for: first, among: names) else { return nil }
        let shown = TerminalSafe.escape(first)
        return .slip(
            "actionplan: '\(shown)' is not a command and no file of that name exists; did you mean '\(meant)'?\n"
                + "(To open a plan file called '\(shown)', write: actionplan browse '\(shown)'. "
                + "See 'actionplan --help' for the commands.)")
    }
}
