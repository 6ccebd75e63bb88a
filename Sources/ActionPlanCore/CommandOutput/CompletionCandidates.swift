import Foundation

/// What the shell completes from a plan (`actionplan --generate-completion-script bash|zsh|fish`): lead
/// codes, action IDs and ratings, each filtered by what has been typed so far (compared without regard
/// to case).
public enum CompletionCandidates {
    /// The lead codes of `plan` starting with `prefix`, register first (`LeadSummary`'s order).
    public static func leadCodes(_ plan: Plan, prefix: String) -> [String] {
        LeadSummary.codes(plan).filter { startsWith($0, prefix) }
    }

    /// The action IDs of `plan` starting with `prefix`, in plan order.
    public static func actionIDs(_ plan: Plan, prefix: String) -> [String] {
        plan.themes.flatMap { $0.groups.flatMap { $0.actions.map(\.id) } }.filter { startsWith($0, prefix) }
    }

    /// One rating, as `rate` takes it: the letters and names of the plan's scale (for BRAG, `B G A R` and
    /// `blue green amber red`), starting with `prefix`.
    public static func rating(_ plan: Plan?, prefix: String) -> [String] {
        let scale = plan?.ratingScale ?? .brag(.standard)
        var words = scale.levels.map(\.letter)
        words += scale.isBRAG ? Rating.allCases.map(\.rawValue) : scale.levels.map(\.name)
        return words.filter { startsWith($0, prefix) }
    }

    /// A comma-separated list of ratings, as `list --rating` takes it (`A,R,none`): the text before the last
    /// comma kept, the last item completed to a letter or `none`, items already listed left out.
    public static func ratingList(prefix: String) -> [String] {
        let parts = prefix.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let done = parts.dropLast()
        let head = done.map { $0 + "," }.joined()
        let listed = Set(done.map { $0.trimmingCharacters(in: .whitespaces).uppercased() })
        let last = parts.last ?? ""
        let space = last.prefix { $0 == " " }
        return (Rating.allCases.map(\.letter) + ["none"])
            .filter { !listed.contains($0.uppercased()) && startsWith($0, String(last.dropFirst(space.count))) }
            .map { head + space + $0 }
    }

    /// Whether `text` starts with `prefix`, ignoring case.
    private static func startsWith(_ text: String, _ prefix: String) -> Bool {
        prefix.isEmpty || text.lowercased().hasPrefix(prefix.lowercased())
    }
}
