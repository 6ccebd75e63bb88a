import ActionPlanCore

/// Reads the filter typed after `f`: `lead BT`, `rating A,R`, `theme 5`, or several of them together.
///
/// The language is a list of `keyword value` parts, all of which must hold:
/// - `lead CODE` — actions led by CODE (case-insensitive; `lead All HoS` works);
/// - `rating A,R` — ratings by letter or name, separated by commas or spaces;
///   `unrated` (or `-`) includes unrated actions;
/// - `theme N` — theme number N;
/// - `overdue` — only overdue actions; `due N` — not Blue and due within N days.
///
/// A value runs up to the next keyword, so `lead BT rating R` is two parts.
public enum FilterParser {
    /// The keywords, as typed.
    public static let keywords = ["lead", "rating", "theme", "overdue", "due"]

    /// The filter `text` describes, or an error saying what was expected.
    public static func parse(_ text: String) throws -> ActionFilter {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !words.isEmpty else {
            throw PlanError(.invalidValue, path: "filter", message: "type e.g. lead BT, rating A,R or theme 5")
        }
        var filter = ActionFilter()
        var i = 0
        while i < words.count {
            let keyword = words[i].lowercased()
            guard keywords.contains(keyword) else {
                throw PlanError(
                    .invalidValue,
                    path: "filter", message: "\"\(words[i])\" is not lead, rating, theme, overdue or due; e.g. lead BT")
            }
            i += 1
            var value: [String] = []
            while i < words.count, !keywords.contains(words[i].lowercased()) {
                value.append(words[i])
                i += 1
            }
            switch keyword {
            case "overdue":
                guard value.isEmpty else {
                    throw PlanError(
                        .invalidValue, path: "filter", message: "overdue takes no value; write overdue lead BT")
                }
                filter.overdueOnly = true
            case "lead":
                guard !value.isEmpty else {
                    throw PlanError(.invalidValue, path: "filter", message: "lead needs a code, e.g. lead BT")
                }
                filter.lead = value.joined(separator: " ")
            case "theme":
                guard value.count == 1, let n = Int(value[0]) else {
                    throw PlanError(.invalidValue, path: "filter", message: "theme needs a number, e.g. theme 5")
                }
                filter.theme = n
            case "due":
                guard value.count == 1, let n = Int(value[0]), n >= 0 else {
                    throw PlanError(.invalidValue, path: "filter", message: "due needs a number of days, e.g. due 30")
                }
                filter.dueWithin = n
            default:  // rating
                var ratings = Set<Rating>()
                var unrated = false
                let items = value.joined(separator: ",").split(separator: ",").map(String.init)
                guard !items.isEmpty else {
                    throw PlanError(
                        .invalidValue, path: "filter", message: "rating needs letters or names, e.g. rating A,R")
                }
                for item in items {
                    let lower = item.lowercased()
                    if lower == "unrated" || lower == "-" || lower == "·" || lower == "none" {
                        unrated = true
                    } else if let r = Rating(parsing: item) {
                        ratings.insert(r)
                    } else {
                        throw PlanError(
                            .invalidValue,
                            path: "filter", message: "\"\(item)\" is not a rating; use B, G, A, R or unrated")
                    }
                }
                filter.ratings = ratings
                filter.includeUnrated = unrated
            }
        }
        return filter
    }
}
