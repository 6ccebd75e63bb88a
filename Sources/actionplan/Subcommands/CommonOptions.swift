import ActionPlanCore
import ActionPlanStore
import ArgumentParser
import Foundation

/// `--as-of YYYY-MM-DD`: the day the plan is judged on. The only place the clock is read.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Judge deadlines as of this day, YYYY-MM-DD (default: today).")
    var asOf: String?

    /// The day given, or today's local date.
    func day() throws -> CalendarDay {
        if let asOf {
            guard let d = CalendarDay(iso: asOf) else {
                throw PlanError(
                    .invalidValue,
                    path: "--as-of", message: "\"\(asOf)\" is not a date; expected YYYY-MM-DD, e.g. 2019-01-31")
            }
            return d
        }
        return SystemDay.today()
    }
}

/// `--format table|tsv|json` for commands that print a list.
struct ListFormatOption: ParsableArguments {
    @Option(help: "Output format: table (for people), tsv or json.")
    var format: ActionListing.Format = .table
}

extension ActionListing.Format: ExpressibleByArgument {}

/// Runs `body`, turning bad input into a one-line message on stderr and exit status 2, and a save
/// that clashed with someone else's change into the conflicting values and exit status 3.
func reportingBadInput<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as PlanError {
        // Messages quote the file's contents (field names, IDs): never let them drive the terminal.
        printError("actionplan: \(TerminalSafe.escape(e.description))")
        throw ExitCode(2)
    } catch let e as PlanConflictError {
        printConflicts(e)
        throw ExitCode(3)
    }
}

/// Writes `message` and a newline to standard error.
///
/// Nothing is escaped here: callers pass plan text, file names and error messages through
/// `TerminalSafe.escape` first (docs/reliability.md lists every output and how it is escaped).
func printError(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { StandardStreams.err(UnsafeRawBufferPointer($0)) }
}

/// Writes `text` to standard output as is.
///
/// Listings arrive escaped by their renderer (the table and TSV through `TerminalSafe`, JSON with
/// `\uXXXX`); messages escape each plan string and file name they quote.
func printOut(_ text: String) {
    var text = text
    text.withUTF8 { StandardStreams.out(UnsafeRawBufferPointer($0)) }
}

/// The user recorded in history: `--by`/`--user`, else `$ACTIONPLAN_USER`, else `$USER`, else the
/// login name of the process's user.
///
/// `$USER` is often unset where the tool runs unattended (cron, containers, tmux started from a
/// service), and "unknown" in a plan's history helps nobody: the account name at least says who.
func currentUser(_ explicit: String?) -> String {
    if let explicit, !explicit.isEmpty { return explicit }
    let env = ProcessInfo.processInfo.environment
    if let u = env["ACTIONPLAN_USER"], !u.isEmpty { return u }
    if let u = env["USER"], !u.isEmpty { return u }
    if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name, name.pointee != 0 { return String(cString: name) }
    return "unknown"
}

/// The plans commands read, kept until the process exits: freeing a large plan's hundreds of thousands of strings
/// and arrays one by one takes a good part of what a command does with it (8 ms of about 60 for `check` on 500
/// actions with ten years of logs), when the process's end returns all its memory at once. Compilers do the same
/// (clang's `-disable-free`). Only for commands that end when they are done; the terminal UI frees what it drops.
nonisolated(unsafe) private var plansKeptUntilExit: [Plan] = []

/// `plan`, kept until the process exits (see `plansKeptUntilExit`).
func keptUntilExit(_ plan: Plan) -> Plan {
    plansKeptUntilExit.append(plan)
    return plan
}
