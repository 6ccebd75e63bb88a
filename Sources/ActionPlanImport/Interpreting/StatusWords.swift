import ActionPlanCore
import Foundation

/// The words councils write in a status column, and the rating each counts as.
///
/// The status as written is always kept on the action (`Action.status`); the rating is what deadlines,
/// counts and reports reason with. Words not in the table are left unrated and listed in the import
/// report. docs/import.md shows the table (a test checks the two agree). Colour words outside Blue, Green,
/// Amber and Red (`Yellow`) give the plan a rating scale of its own (``scale(for:)``), so a council that
/// rates Red/Amber/Yellow/Green keeps its four levels rather than being forced into BRAG.
public enum StatusWords {
    /// Status words by the rating they count as (matched after ``key(_:)``).
    public static let table: [(rating: Rating, words: [String])] = [
        (
            .blue,
            [
                "B", "Blue", "Complete", "Completed", "Achieved", "Done", "Delivered", "Closed", "Met",
                "Fully achieved", "Finished", "Embedded",
            ]
        ),
        (
            .green,
            [
                "G", "Green", "On track", "On target", "On schedule", "In progress", "Progressing", "Ongoing",
                "Good progress", "Green/Amber", "Started",
            ]
        ),
        (
            .amber,
            [
                "A", "Amber", "At risk", "Some risk", "Slipping", "Delayed", "Partially achieved",
                "Partially met", "Behind", "Amber/Red", "Y", "Yellow", "Concern", "Minor slippage",
            ]
        ),
        (
            .red,
            [
                "R", "Red", "Off track", "Off target", "Not achieved", "Not met", "Will not be delivered",
                "Failed", "Missed", "Stalled", "Blocked", "Significant risk",
            ]
        ),
    ]

    /// Status words that say the action has no rating yet: recognised, and left unrated.
    public static let unratedWords = ["Not started", "Not yet started", "Not due", "N/A", "NA", "TBC", "-", "—"]

    /// Directions of travel (a dashboard's arrows, a trend): recognised and left unrated, since whether `↑` is
    /// good or bad was carried by a colour the copy lost (`↑ Positive upward change`, `↑ Negative upward change`).
    public static let directionWords = [
        "↑", "↓", "↔", "↗", "↘", "→", "▲", "▼", "►", "Up", "Down", "Improving", "Worsening", "Declining",
        "Increasing", "Decreasing", "No change", "Stable",
    ]

    /// Whether `text` is a word for "no rating yet" (``unratedWords``) or a direction (``directionWords``).
    public static func isUnratedWord(_ text: String) -> Bool {
        (unratedWords + directionWords).contains { key($0) == key(text) }
    }

    /// The status word an action's text ends with after a dash (`Add contact leads to FAQ document -
    /// Completed`), when it is a status word of more than two letters; nil otherwise.
    public static func trailingStatus(_ text: String) -> String? {
        var t = text.trimmingCharacters(in: .whitespaces)
        while let last = t.last, ".;".contains(last) { t.removeLast() }
        guard let dash = t.range(of: " - ", options: .backwards) ?? t.range(of: " – ", options: .backwards) else {
            return nil
        }
        let word = t[dash.upperBound...].trimmingCharacters(in: .whitespaces)
        return word.count > 2 && rating(for: word) != nil && key(word).split(separator: " ").count <= 3 ? word : nil
    }

    /// A status reduced for matching: lower case, single spaces, `/` without spaces, no trailing punctuation.
    public static func key(_ text: String) -> String {
        var words = text.lowercased().replacingOccurrences(of: "\u{2013}", with: "-")
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
        words = words.replacingOccurrences(of: " / ", with: "/").replacingOccurrences(of: " -", with: "-")
        while let last = words.last, ".:;,!".contains(last) { words.removeLast() }
        return words
    }

    private static let byKey: [String: Rating] = {
        var out: [String: Rating] = [:]
        for (rating, words) in table { for w in words { out[key(w)] = rating } }
        return out
    }()

    /// The rating `text` counts as, or nil when it is not a known status word (an empty cell: nil too).
    public static func rating(for text: String) -> Rating? {
        let k = key(text)
        if k.isEmpty { return nil }
        if let r = byKey[k] { return r }
        // "Green - on track", "Amber (some slippage)": the colour first.
        for (rating, words) in table {
            for w in words where w.count > 2 {
                let wk = key(w)
                if k.hasPrefix(wk + " ") || k.hasPrefix(wk + "-") || k.hasPrefix(wk + "(") { return rating }
            }
        }
        return nil
    }

    /// The colour words of the Red/Amber/Yellow/Green family, in the order a scale lists them.
    private static let colourLevels: [(name: String, letter: String, rating: Rating, definition: String)] = [
        ("Blue", "B", .blue, "Action completed"),
        ("Complete", "C", .blue, "Action completed"),
        ("Green", "G", .green, "On track"),
        ("Yellow", "Y", .amber, "Minor slippage or risk"),
        ("Amber", "A", .amber, "At risk"),
        ("Red", "R", .red, "Off track"),
    ]

    /// A rating scale of the plan's own when the statuses written include colours outside BRAG (`Yellow`):
    /// the colours used, in the usual order, each counting as its nearest BRAG rating; nil for BRAG.
    public static func scale(for statuses: [String]) -> RatingScale? {
        let used = Set(statuses.map(key))
        guard used.contains("yellow") || used.contains("y") && !used.contains("a") else { return nil }
        let levels = colourLevels.filter { used.contains(key($0.name)) || used.contains(key($0.letter)) }
        return RatingScale(
            levels: levels.map {
                RatingScale.Level(name: $0.name, letter: $0.letter, definition: $0.definition, rating: $0.rating)
            })
    }
}
