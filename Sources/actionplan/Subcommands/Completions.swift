import ActionPlanCore
import ActionPlanStore
import ArgumentParser
import Foundation

/// The shell completions that read the plan named on the command line (argument-parser's custom
/// completions): lead codes, action IDs and ratings. The candidates come from `CompletionCandidates`.
///
/// The shell calls `actionplan ---completion SUBCOMMAND -- ARGUMENT INDEX CURSOR WORDS…` (the scripts
/// `--generate-completion-script bash|zsh|fish` prints do this); nothing is printed when no plan can be
/// read, so a completion never shows an error.
extension CompletionKind {
    /// The lead codes of the plan (`list --lead`).
    static var leadCodes: CompletionKind { fromPlan(CompletionCandidates.leadCodes) }

    /// The action IDs of the plan (`show`, `rate`).
    static var actionIDs: CompletionKind { fromPlan(CompletionCandidates.actionIDs) }

    /// The candidates `candidates` gives from the plan on the line for what has been typed; none when no
    /// plan can be read.
    private static func fromPlan(_ candidates: @escaping @Sendable (Plan, String) -> [String]) -> CompletionKind {
        .custom { words, index, prefix in
            let typed = PlanOnCommandLine.typed(words, index, prefix)
            return PlanOnCommandLine.load(words, skipping: index).map { candidates($0, typed) } ?? []
        }
    }

    /// One rating of the plan's scale (`rate`); BRAG's when no plan can be read.
    static var rating: CompletionKind {
        .custom { words, index, prefix in
            let typed = PlanOnCommandLine.typed(words, index, prefix)
            return CompletionCandidates.rating(PlanOnCommandLine.load(words, skipping: index), prefix: typed)
        }
    }

    /// A comma-separated list of ratings (`list --rating A,R`).
    static var ratingList: CompletionKind {
        .custom { words, index, prefix in
            CompletionCandidates.ratingList(prefix: PlanOnCommandLine.typed(words, index, prefix))
        }
    }
}

/// Finds the plan, and the word being completed, among the words of a command line.
enum PlanOnCommandLine {
    /// What has been typed of the word being completed: argument-parser's `prefix` (the part before the
    /// cursor) reads the line's last word, so for a word further left (`show PLAN 5(x█ --format json`)
    /// the word at `index` is used whole.
    static func typed(_ words: [String], _ index: Int, _ prefix: String) -> String {
        index >= 0 && index < words.count - 1 ? words[index] : prefix
    }

    /// The first of `words` (after the program's name, other than the word at `skipping`, which is being
    /// completed) that names a file `PlanStore` reads as a plan, or nil. `~/` is read as the home directory,
    /// since the shell has not expanded it yet.
    static func load(_ words: [String], skipping: Int) -> Plan? {
        for (i, word) in words.enumerated().dropFirst() where i != skipping && !word.hasPrefix("-") {
            var path = word
            if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
                path = home + path.dropFirst()
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            if let plan = try? PlanStore.load(path) { return plan }
        }
        return nil
    }
}
