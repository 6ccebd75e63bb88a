import Foundation

/// The rules that turn a plan's lead cell into leads, and tell a code from a name (docs/file-format.md,
/// § Action: leads). Councils write `BJ TMcE`, `KP & SM`, `Sarah D'Souza/ Collette McCarthy`,
/// `Head of Service` or `London Borough of Barnet`; each lead keeps the words it was written with.
///
/// 1. A cell is a list: it is cut at `/`, `,`, `;`, `+`, line breaks and bullets (`•`, `◦`, `▪`, `‣`), except
///    inside brackets (`Xenzone (QWELL / KOOTH)` is one lead); each piece is trimmed, and a `-` or `*` bullet
///    at its start is dropped.
/// 2. `&` and the word `and` separate two leads when the part on either side is code-like (`KP & SM`,
///    `NH and SL`, `KP & Health & Wellbeing Board` → `KP`, `Health & Wellbeing Board`) and the part after
///    does not start in lower case (`YBF & partners` is one); between two names they are part of one
///    (`Health & Wellbeing Board`, `Children and Families Service`).
/// 3. `Name (CODE)` or `CODE (Name)` with CODE in the register is that code (`Chris Munday (CM)` → `CM`).
/// 4. A piece is cut at spaces only when every word is code-like (`BJ TMcE`), reading `All X` (a group)
///    and the register's codes of several words (`Cllr L`) as one; otherwise it is one lead as written.
///
/// Code-like: a code in the register, a group lead (`All HoS`), or code-shaped initials (``isCodeShaped(_:)``).
extension Plan {
    /// Splits a lead cell (`BJ TMcE`, `All HoS`, `BJ, TMcE`, `Cllr L`, `Sarah D'Souza/ CM`) into leads by
    /// the rules above, reading the register's codes.
    public func splitLeads(_ cell: String) -> [String] {
        Plan.splitLeads(cell, knownCodes: officers.map(\.code))
    }

    /// Splits a lead cell into leads given the register's codes (see `splitLeads(_:)`).
    public static func splitLeads(_ cell: String, knownCodes: [String]) -> [String] {
        let register = LeadRegister(codes: knownCodes)
        var depth = 0
        let pieces = cell.split(whereSeparator: { c in
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) }
            return c.isNewline || depth == 0 && listSeparators.contains(c)
        })
        .map { piece -> String in
            let words = piece.split(whereSeparator: { $0.isWhitespace || $0 == "\u{A0}" })
            let unbulleted = words.first == "-" || words.first == "*" ? words.dropFirst() : words[...]
            return unbulleted.joined(separator: " ")
        }
        .filter { !$0.isEmpty }
        return pieces.flatMap { piece in register.split(piece, at: conjunctionParts(piece)) }
    }

    /// The characters that always separate two leads.
    static let listSeparators: Set<Character> = ["/", ",", ";", "+", "•", "◦", "▪", "‣"]

    /// The parts of `piece` between its `&`s and its words `and`, as ranges of `piece`, empty parts dropped.
    static func conjunctionParts(_ piece: String) -> [Range<String.Index>] {
        var parts: [Range<String.Index>] = []
        var current: Range<String.Index>?
        func extend(_ r: Range<String.Index>) {
            if !r.isEmpty { current = current.map { $0.lowerBound..<r.upperBound } ?? r }
        }
        func close() {
            if let c = current { parts.append(c) }
            current = nil
        }
        for word in piece.split(separator: " ") {
            if word.lowercased() == "and" {
                close()
                continue
            }
            var start = word.startIndex
            for i in word.indices where word[i] == "&" {
                extend(start..<i)
                close()
                start = word.index(after: i)
            }
            extend(start..<word.endIndex)
        }
        close()
        return parts
    }

    /// Whether `word` looks like an officer's initials: 2–5 ASCII letters, the first upper case, at
    /// least two upper case and no more lower case than upper (`BJ`, `NH`, `TMcE`, `KPop`, `CMc`, `HoS`,
    /// `CCG`; not `Mr`, `All`, `Cllr`, `Sarah`, `ABCDEF`).
    public static func isCodeShaped(_ word: String) -> Bool {
        let u = Array(word.utf8)
        guard (2...5).contains(u.count), u.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }),
            u[0] < 0x61
        else { return false }
        let upper = u.filter { $0 < 0x61 }.count
        return upper >= 2 && upper * 2 >= u.count
    }

    /// Leads written back as one cell that ``splitLeads(_:knownCodes:)`` reads as the same leads: codes
    /// and two-word groups separated by spaces (`BJ TMcE`, `KM All HoS`, as plans write them), or, when
    /// any lead is something else, all separated by `, ` (`Sarah D'Souza, CM`).
    public static func joinLeads(_ leads: [String]) -> String {
        let spaced = leads.allSatisfy { isCodeShaped($0) || isGroupLead($0) && $0.split(separator: " ").count == 2 }
        return leads.joined(separator: spaced ? " " : ", ")
    }
}

/// The register's codes as ``Plan/splitLeads(_:knownCodes:)`` reads them.
struct LeadRegister {
    /// Every code.
    let codes: Set<String>
    /// The codes of several words, as words, longest first (`Cllr L`).
    let multiWord: [[Substring]]

    /// The register of `codes`.
    init(codes: [String]) {
        self.codes = Set(codes)
        multiWord = Set(codes.filter { $0.contains(" ") }).map { $0.split(separator: " ") }
            .sorted { ($0.count, $0.joined(separator: " ")) > ($1.count, $1.joined(separator: " ")) }
    }

    /// Whether `lead` is code-like: in the register, a group lead, or code-shaped.
    func isCodeLike(_ lead: String) -> Bool {
        codes.contains(lead) || Plan.isGroupLead(lead) || Plan.isCodeShaped(lead)
    }

    /// The leads of `piece`, whose `&`/`and` parts are `parts` (rule 2): cut at a conjunction with a
    /// code-like part on either side, and each run of parts between cuts read by rules 3 and 4.
    func split(_ piece: String, at parts: [Range<String.Index>]) -> [String] {
        guard var run = parts.first else { return [] }
        var out: [String] = []
        func flush(_ r: Range<String.Index>) {
            let text = String(piece[r])
            out += leads(of: text) ?? [text]
        }
        let codeLike = parts.map { leads(of: String(piece[$0])) != nil }
        for k in parts.indices.dropFirst() {
            // `YBF & partners`: a part starting in lower case goes on with the name before it.
            if (codeLike[k - 1] || codeLike[k]) && piece[parts[k]].first?.isLowercase != true {
                flush(run)
                run = parts[k]
            } else {
                run = run.lowerBound..<parts[k].upperBound
            }
        }
        flush(run)
        return out
    }

    /// The leads `piece` holds when it is code-like throughout (rules 3 and 4), else nil.
    func leads(of piece: String) -> [String]? {
        if piece.hasSuffix(")"), let open = piece.lastIndex(of: "(") {
            let inner = piece[piece.index(after: open)..<piece.index(before: piece.endIndex)]
            let outer = piece[..<open]
            for candidate in [inner, outer].map({ $0.trimmingCharacters(in: .whitespaces) })
            where codes.contains(candidate) {
                return [candidate]
            }
        }
        let words = piece.split(separator: " ")
        var out: [String] = []
        var i = 0
        while i < words.count {
            var width = 1
            if words[i].lowercased() == "all", i + 1 < words.count {
                width = 2
            } else if let code = multiWord.first(where: { words[i...].starts(with: $0) }) {
                width = code.count
            }
            out.append(words[i..<(i + width)].joined(separator: " "))
            i += width
        }
        return out.allSatisfy(isCodeLike) ? out : nil
    }
}
