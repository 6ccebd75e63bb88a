import Foundation

/// A BRAG rating: Blue (completed), Green (on track), Amber (unlikely to meet
/// timescales, plan in place), Red (will not be delivered, no mitigation).
///
/// "Unrated" is `Optional<Rating>.none`, never a fifth case, so every switch over
/// ratings handles the four the plan defines.
public enum Rating: String, CaseIterable, Sendable, Comparable {
    case blue, green, amber, red

    /// The letter printed in tables and badges so ratings read without colour.
    public var letter: String {
        switch self {
        case .blue: return "B"
        case .green: return "G"
        case .amber: return "A"
        case .red: return "R"
        }
    }

    /// The colour's name, capitalised.
    public var name: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// How much attention it needs: Red 3, Amber 2, Green 1, Blue 0.
    public var severity: Int {
        switch self {
        case .blue: return 0
        case .green: return 1
        case .amber: return 2
        case .red: return 3
        }
    }

    /// Parses `B`, `G`, `A`, `R` or a colour name, in any case.
    public init?(parsing text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "b", "blue", "complete", "completed": self = .blue
        case "g", "green": self = .green
        case "a", "amber": self = .amber
        case "r", "red": self = .red
        default: return nil
        }
    }

    /// The words that stand for "unrated" in a list of ratings, compared in lower case.
    public static let unratedWords: Set<String> = ["none", "unrated", "-", "·"]

    /// The ratings a comma-separated list names, e.g. `A,R`, `B, green` or `G,none` (`actionplan list
    /// --rating`, the terminal UI's `rating` filter): each item is a letter or colour name
    /// (`init(parsing:)`), or one of `unratedWords` for unrated actions. Spaces around items and empty
    /// items are ignored, so an empty list names nothing.
    ///
    /// Throws a `PlanError` at `path` naming the first item that is neither.
    public static func parseList(_ text: String, path: String) throws -> (ratings: Set<Rating>, includeUnrated: Bool) {
        var ratings: Set<Rating> = []
        var includeUnrated = false
        for part in text.split(separator: ",") {
            let item = part.trimmingCharacters(in: .whitespaces)
            if unratedWords.contains(item.lowercased()) {
                includeUnrated = true
            } else if let r = Rating(parsing: item) {
                ratings.insert(r)
            } else {
                throw PlanError(
                    .invalidValue,
                    path: path, message: "\"\(item)\" is not a rating; expected B, G, A, R, a colour name or none")
            }
        }
        return (ratings, includeUnrated)
    }

    /// Less severe first (Blue < Green < Amber < Red).
    public static func < (a: Rating, b: Rating) -> Bool { a.severity < b.severity }
}

extension Optional where Wrapped == Rating {
    /// The rating's letter, or `·` for unrated.
    public var badgeLetter: String { self?.letter ?? "·" }
}
