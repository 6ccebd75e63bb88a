import Foundation

/// The words a plan rates its actions with: its own levels, in order, each meaning one of the four BRAG ratings.
///
/// Most plans use Barnet's BRAG key (Blue completed, Green on track, Amber at risk with a plan, Red will not
/// be delivered): that is the default, built from the plan's ``RAGKey``. Other councils rate with other
/// words — Red/Amber/Yellow/Green, or five levels — and their plan keeps its own key: each level has the
/// name and letter the council uses, its definition as written, and the BRAG rating it means, which is
/// what deadlines, counts and reports reason with.
public struct RatingScale: Hashable, Sendable {
    /// One level of the scale.
    public struct Level: Hashable, Sendable {
        /// The level's name as the plan writes it, e.g. `Yellow`, `Complete`.
        public var name: String
        /// The letter shown in tables and typed to choose it, e.g. `Y`.
        public var letter: String
        /// What the level means, verbatim from the plan.
        public var definition: String
        /// The BRAG rating it counts as.
        public var rating: Rating

        /// A level.
        public init(name: String, letter: String, definition: String, rating: Rating) {
            self.name = name
            self.letter = letter
            self.definition = definition
            self.rating = rating
        }
    }

    /// The levels, from the most settled (complete) to the most severe, as the plan lists them.
    public var levels: [Level]

    /// A scale of `levels`.
    public init(levels: [Level]) { self.levels = levels }

    /// The BRAG scale with the definitions of `key`.
    public static func brag(_ key: RAGKey) -> RatingScale {
        RatingScale(
            levels: Rating.allCases.map {
                Level(name: $0.name, letter: $0.letter, definition: key.definition(of: $0), rating: $0)
            })
    }

    /// Whether this is the BRAG scale (four levels named Blue, Green, Amber and Red, each its own rating).
    public var isBRAG: Bool {
        levels.count == 4 && zip(levels, Rating.allCases).allSatisfy { $0.rating == $1 && $0.name == $1.name }
    }

    /// The level named `text` or lettered `text` (any case, surrounding spaces ignored), or nil.
    public func level(named text: String) -> Level? {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !key.isEmpty else { return nil }
        return levels.first { $0.name.lowercased() == key } ?? levels.first { $0.letter.lowercased() == key }
    }

    /// The level an action with `rating` and status `status` is at: the level named by its status, else the
    /// first level meaning its rating; nil when unrated.
    public func level(rating: Rating?, status: String) -> Level? {
        guard let rating else { return nil }
        if let l = level(named: status), l.rating == rating { return l }
        return levels.first { $0.rating == rating }
    }
}

extension Plan {
    /// The scale the plan rates with: its own, or BRAG with its RAG key's definitions.
    public var ratingScale: RatingScale { scale ?? .brag(ragKey) }
}

extension Plan {
    /// The level of the plan's scale that `action` is at (nil when unrated).
    public func level(of action: Action) -> RatingScale.Level? {
        ratingScale.level(rating: action.rating, status: action.status)
    }

    /// How `action`'s rating reads: the level's letter and name, what it counts as when the plan has its
    /// own words, and the status as written when it says something else: `A Amber`, `Y Yellow (counts as
    /// Amber)`, `G Green, written "On track"`, or `· unrated`.
    public func ratingText(of action: Action) -> String {
        guard let level = level(of: action), let rating = action.rating else {
            return action.status.isEmpty ? "· unrated" : "· unrated, written \"\(action.status)\""
        }
        var s = "\(level.letter) \(level.name)"
        if level.name != rating.name { s += " (counts as \(rating.name))" }
        if !action.status.isEmpty && action.status.lowercased() != level.name.lowercased() {
            s += ", written \"\(action.status)\""
        }
        return s
    }
}
