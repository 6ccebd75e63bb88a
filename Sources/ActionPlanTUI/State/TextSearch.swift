import ActionPlanCore
import Foundation

/// Case-insensitive search of action IDs, text and lead codes, fast enough for 100,000 actions per key press.
///
/// ASCII queries (nearly all: IDs, initials, words) are matched on UTF-8 bytes
/// with ASCII case folding and no allocation; other queries fall back to
/// Foundation's case-insensitive comparison. Searching the whole plan goes
/// through ``SearchCorpus``; ``matches(_:)`` only runs for rows on screen.
public struct TextSearch: Hashable, Sendable {
    /// The query as typed.
    public let query: String
    private let needle: [UInt8]
    private let isASCII: Bool

    /// A search for `query` (surrounding spaces ignored).
    public init(_ query: String) {
        let q = query.trimmingCharacters(in: .whitespaces)
        self.query = q
        self.isASCII = q.utf8.allSatisfy { $0 < 0x80 }
        self.needle = Array(q.utf8).map(TextSearch.fold)
    }

    /// Whether the query is empty (matches nothing).
    public var isEmpty: Bool { needle.isEmpty }

    /// Whether `action` matches: its ID, text or any lead contains the query.
    public func matches(_ action: Action) -> Bool {
        guard !needle.isEmpty else { return false }
        if contains(action.id) || contains(action.text) { return true }
        return action.leads.contains { contains($0) }
    }

    /// Whether `haystack` contains the query, ignoring case.
    public func contains(_ haystack: String) -> Bool {
        guard isASCII else { return haystack.range(of: query, options: [.caseInsensitive]) != nil }
        if let found = haystack.utf8.withContiguousStorageIfAvailable({ find($0) }) { return found }
        let bytes = Array(haystack.utf8)
        return bytes.withUnsafeBufferPointer { find($0) }
    }

    /// For each action of `plan` in plan order, whether it matches.
    ///
    /// ASCII queries scan `corpus` (the plan's packed, case-folded text); others visit each action.
    public func matchMask(_ plan: Plan, corpus: SearchCorpus, count: Int) -> [Bool] {
        if isASCII { return corpus.mask(containing: needle, count: count) }
        var out: [Bool] = []
        out.reserveCapacity(count)
        for t in plan.themes {
            for g in t.groups {
                g.actions.withUnsafeBufferPointer { actions in
                    for i in actions.indices { out.append(matches(actions[i])) }
                }
            }
        }
        return out
    }

    /// Whether `hay`, ASCII-folded, contains the needle: a plain scan (the texts of one screen's rows are short).
    private func find(_ hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let m = needle.count
        let n = hay.count
        guard m > 0, m <= n else { return m == 0 }
        for i in 0...(n - m) {
            var k = 0
            while k < m, TextSearch.fold(hay[i + k]) == needle[k] { k += 1 }
            if k == m { return true }
        }
        return false
    }

    /// `b` with ASCII upper-case letters made lower-case (the folding of every ASCII search).
    @inline(__always)
    static func fold(_ b: UInt8) -> UInt8 {
        b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    }
}
