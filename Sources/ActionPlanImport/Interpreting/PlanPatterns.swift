import ActionPlanCore
import Foundation

/// The shapes of a plan document's own lines: theme headings, narrative headings, `Lead:` lines, ID cells,
/// numbered section headings and numbered items.
///
/// Council documents spell these many ways (`Theme 1:`, `Priority 2:`, `Priority 6.`, a heading with
/// `**What do we need to fix?**` glued on); the rules live here once, for every format.
enum PlanPatterns {
    /// `Theme 1: Title`, `Priority 6. Title`, `Improvement theme 2: Title` → (number, title, glued rest).
    static func themeHeading(_ raw: String) -> (number: Int, title: String, glued: String?)? {
        let line = raw.trimmingCharacters(in: .whitespaces)
        let lower = line.lowercased()
        var rest: Substring
        if lower.hasPrefix("theme ") {
            rest = line.dropFirst(6)
        } else if lower.hasPrefix("priority ") {
            rest = line.dropFirst(9)
        } else if lower.hasPrefix("improvement theme ") {
            rest = line.dropFirst(18)
        } else {
            return nil
        }
        let digits = rest.prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.count <= 2, let n = Int(digits) else { return nil }
        rest = rest.dropFirst(digits.count)
        guard let sep = rest.first, sep == ":" || sep == "." || sep == " " || sep == "-" || sep == "–" else {
            return nil
        }
        rest = rest.dropFirst()
        var title = rest.trimmingCharacters(in: .whitespaces)
        var glued: String?
        if let star = title.range(of: "**") {
            glued = String(title[star.lowerBound...]).replacingOccurrences(of: "*", with: "")
                .trimmingCharacters(in: .whitespaces)
            title = String(title[..<star.lowerBound]).trimmingCharacters(in: .whitespaces)
        } else if let q = title.range(of: "What do we need to fix?", options: .caseInsensitive),
            q.lowerBound > title.startIndex
        {
            glued = String(title[q.lowerBound...])
            title = String(title[..<q.lowerBound]).trimmingCharacters(in: .whitespaces)
        }
        guard !title.isEmpty else { return nil }
        return (n, title, glued)
    }

    /// `What do we need to fix?`, `What do we need to change?`, `What do we want to see?`.
    static func isNarrativeHeading(_ line: String) -> Bool {
        let k = SourceText.key(line)
        guard k.hasPrefix("what ") else { return false }
        return ["fix", "change", "see"].contains { k.hasSuffix($0 + "?") || k.hasSuffix($0) } && k.count < 40
    }

    /// `Appendix 5: Named Officers`, `Named officers`: the heading of the register of lead codes.
    static func isOfficersHeading(_ line: String) -> Bool {
        let key = SourceText.key(line)
        return key.hasPrefix("appendix") && key.contains("named officers") || key == "named officers"
    }

    /// The names of a `Lead: A and B, C` line, or nil when `line` is not one.
    static func leadLine(_ line: String) -> [String]? {
        let key = SourceText.key(line)
        guard key.hasPrefix("lead:") || key.hasPrefix("leads:"), let colon = line.firstIndex(of: ":") else {
            return nil
        }
        return line[line.index(after: colon)...].components(separatedBy: " and ")
            .flatMap { $0.split(separator: ",") }
            .flatMap { $0.components(separatedBy: " & ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// Splits an ID cell into the action's ID and its cross-references (`1c(iii) 2c(iii),2a(i),T6`).
    static func splitIDCell(_ cell: String) -> (id: String, refs: [String]) {
        let tokens = cell.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
        guard let first = tokens.first else { return ("", []) }
        let refs = tokens.dropFirst().map { t -> String in
            var t = t
            while t.hasPrefix("("), t.hasSuffix(")"), balancedInside(t) { t = String(t.dropFirst().dropLast()) }
            return t
        }.filter { !$0.isEmpty }
        return (first, refs)
    }

    /// Whether the parentheses of `t` without its first and last character balance.
    private static func balancedInside(_ t: String) -> Bool {
        var depth = 0
        for c in t.dropFirst().dropLast() {
            if c == "(" { depth += 1 }
            if c == ")" {
                depth -= 1
                if depth < 0 { return false }
            }
        }
        return depth == 0
    }

    /// A numbered item `12. Text` (or `12) Text`) → (12, "Text"); nil otherwise.
    static func numberedItem(_ line: String) -> (number: Int, text: String)? {
        let t = line.trimmingCharacters(in: .whitespaces)
        let digits = t.prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.count <= 3, let n = Int(digits) else { return nil }
        let rest = t.dropFirst(digits.count)
        guard let sep = rest.first, sep == "." || sep == ")" else { return nil }
        let text = rest.dropFirst().trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : (n, text)
    }

    /// A numbered section heading of a document (`1. Introduction`, `5. Governance and monitoring
    /// arrangements`): a short numbered line that does not end as a sentence.
    static func isSectionHeading(_ line: String) -> Bool {
        guard let item = numberedItem(line) else { return false }
        let text = item.text
        return text.count <= 60 && !text.hasSuffix(".") && !text.hasSuffix(":") && text.first?.isUppercase == true
    }

    /// Whether `line` introduces a list of recommendations, and whose: `Ofsted Recommendations` → `Ofsted`;
    /// `… five recommendations for the Barnet Safeguarding Children Board` → `Barnet Safeguarding Children
    /// Board`; `The 19 recommendations … made by Ofsted are:` → `Ofsted`.
    static func recommendationsHeading(_ line: String) -> String? {
        let t = line.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: ":"))
        guard t.count <= 160, let r = t.range(of: "recommendation", options: .caseInsensitive) else { return nil }
        for marker in [" made by ", " for the ", " from the ", " by ", " for "] {
            if let m = t.range(of: marker, options: .caseInsensitive), m.lowerBound > r.lowerBound {
                var who = String(t[m.upperBound...]).trimmingCharacters(in: .whitespaces)
                for tail in [" are", " is"] where who.lowercased().hasSuffix(tail) {
                    who = String(who.dropLast(tail.count))
                }
                if !who.isEmpty { return who }
            }
        }
        let before = t[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
        let words = before.split(separator: " ").filter { $0.first?.isUppercase == true && $0.lowercased() != "the" }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// The text after an action marker (`ACTION: Bring the paper…`, `Actions: • …`), as minutes mark the
    /// actions arising among their text; nil when `cell` does not start with one.
    static func actionMarker(_ cell: String) -> String? {
        let t = cell.trimmingCharacters(in: .whitespaces)
        for marker in ["actions:", "action:", "action point:", "agreed action:"]
        where t.lowercased().hasPrefix(marker) {
            return t.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// The number of a minutes' item cell (`1.`, `12.`, `4`): nil for anything else.
    static func itemNumber(_ cell: String) -> String? {
        var t = cell.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix(".") { t.removeLast() }
        return !t.isEmpty && t.count <= 3 && t.allSatisfy(\.isNumber) ? t : nil
    }

    /// Whether a row's cells are only the dashes of a Markdown table's rule line (`---- | -----`).
    static func isRuleRow(_ texts: [String]) -> Bool {
        texts.contains { !$0.isEmpty } && texts.allSatisfy { $0.allSatisfy { "-=:_|+ ".contains($0) } }
            && texts.contains { $0.contains("---") }
    }

    /// The initials of a body's name, for the IDs of its recommendations: `Barnet Safeguarding Children
    /// Board` → `BSCB`.
    static func initials(_ name: String) -> String {
        let letters = name.split(separator: " ").compactMap { w -> Character? in
            guard let c = w.first, c.isUppercase else { return nil }
            return c
        }
        return letters.isEmpty ? String(name.prefix(4)) : String(letters)
    }
}
