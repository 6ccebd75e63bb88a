import ActionPlanCore
import Foundation

/// Case-insensitive search of action IDs, text and lead codes, fast enough for 100,000 actions per key press.
///
/// ASCII queries (nearly all: IDs, initials, words) are matched on UTF-8 bytes
/// with ASCII case folding and no allocation; other queries fall back to
/// Foundation's case-insensitive comparison.
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
        var s = haystack
        return s.withUTF8 { TextSearch.find(needle, in: $0) }
    }

    private static func find(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        guard n <= hay.count else { return false }
        let first = needle[0]
        var i = 0
        let last = hay.count - n
        while i <= last {
            if fold(hay[i]) == first {
                var k = 1
                while k < n, fold(hay[i + k]) == needle[k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }

    @inline(__always)
    private static func fold(_ b: UInt8) -> UInt8 {
        b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    }
}
