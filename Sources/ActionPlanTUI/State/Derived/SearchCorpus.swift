import ActionPlanCore

/// The searchable text of every action (ID, text, leads), case-folded and packed one buffer per group.
///
/// Searching 100,000 actions by visiting each action's strings spends most of
/// its time waiting for memory scattered over the heap; scanning a few thousand
/// contiguous buffers eight bytes at a time takes a few milliseconds. Buffers are kept
/// per group so an edit refreshes only its group (see ``PlanChange``). Only
/// ASCII letters are folded (`TextSearch.fold`); ``TextSearch`` handles other queries itself.
public struct SearchCorpus: Sendable {
    /// One group's text: each action's fields separated by NUL bytes, and where each action starts.
    struct Chunk: Sendable {
        var bytes: [UInt8] = []
        var starts: [Int] = []
    }

    private var chunks: [[Chunk]] = []

    /// An empty corpus.
    public init() {}

    /// The corpus of `plan`.
    public init(_ plan: Plan) {
        chunks = plan.themes.map { t in t.groups.map(SearchCorpus.chunk) }
    }

    static func chunk(_ group: ActionGroup) -> Chunk {
        var c = Chunk()
        c.starts.reserveCapacity(group.actions.count)
        c.bytes.reserveCapacity(group.actions.count * 200)
        group.actions.withUnsafeBufferPointer { actions in
            for i in actions.indices {
                c.starts.append(c.bytes.count)
                c.bytes.append(contentsOf: actions[i].id.utf8)
                c.bytes.append(0)
                c.bytes.append(contentsOf: actions[i].text.utf8)
                c.bytes.append(0)
                for lead in actions[i].leads {
                    c.bytes.append(contentsOf: lead.utf8)
                    c.bytes.append(0)
                }
            }
        }
        c.bytes.withUnsafeMutableBufferPointer { buffer in
            for j in buffer.indices { buffer[j] = TextSearch.fold(buffer[j]) }
        }
        return c
    }

    /// Brings the corpus from the plan before `change` to `plan`, the plan after it.
    public mutating func apply(_ change: PlanChange, newPlan plan: Plan) {
        switch change {
        case .action(let p), .inserted(let p), .removed(let p):
            guard chunks.count == plan.themes.count, chunks[p.theme].count == plan.themes[p.theme].groups.count else {
                self = SearchCorpus(plan)
                return
            }
            chunks[p.theme][p.group] = SearchCorpus.chunk(plan.themes[p.theme].groups[p.group])
        case .unknown:
            self = SearchCorpus(plan)
        }
    }

    /// For each action in plan order, whether its ID, text or a lead contains `needle` (already ASCII-folded).
    public func mask(containing needle: [UInt8], count: Int) -> [Bool] {
        var out = Array(repeating: false, count: count)
        guard !needle.isEmpty else { return out }
        var base = 0
        needle.withUnsafeBufferPointer { needle in
            for theme in chunks {
                for chunk in theme {
                    chunk.bytes.withUnsafeBytes { hay in
                        var from = 0
                        while let hit = SearchCorpus.firstMatch(needle, in: hay, from: from) {
                            // Mark the action holding the hit and go on with the next action.
                            let a = SearchCorpus.action(at: hit, starts: chunk.starts)
                            out[base + a] = true
                            guard a + 1 < chunk.starts.count else { break }
                            from = chunk.starts[a + 1]
                        }
                    }
                    base += chunk.starts.count
                }
            }
        }
        return out
    }

    /// The first position at or after `from` where `needle` occurs in `hay`, or nil.
    ///
    /// Tests eight candidate positions per step: a word of bytes is compared with
    /// the needle's first byte and the word `needle.count - 1` further on with its
    /// last byte, and only positions where both agree are checked in full.
    public static func firstMatch(
        _ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeRawBufferPointer, from: Int
    ) -> Int? {
        let m = needle.count
        guard m > 0, from >= 0, hay.count - from >= m else { return nil }
        let first = needle[0]
        let last = needle[m - 1]
        let limit = hay.count - m  // the last possible start
        func isMatch(_ k: Int) -> Bool {
            var j = 0
            while j < m, hay[k + j] == needle[j] { j += 1 }
            return j == m
        }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let f = UInt64(first) &* ones
        let l = UInt64(last) &* ones
        var i = from
        while i + 7 <= limit {
            let a = UInt64(littleEndian: hay.loadUnaligned(fromByteOffset: i, as: UInt64.self)) ^ f
            let b = UInt64(littleEndian: hay.loadUnaligned(fromByteOffset: i + m - 1, as: UInt64.self)) ^ l
            let x = a | b
            // A zero byte in x is a candidate (the trick may flag extra bytes; isMatch checks).
            var z = (x &- ones) & ~x & highs
            while z != 0 {
                let k = i + z.trailingZeroBitCount >> 3
                if isMatch(k) { return k }
                z &= z &- 1
            }
            i += 8
        }
        while i <= limit {
            if hay[i] == first, hay[i + m - 1] == last, isMatch(i) { return i }
            i += 1
        }
        return nil
    }

    /// The index of the action whose bytes include `offset`: the last start at or before it.
    private static func action(at offset: Int, starts: [Int]) -> Int {
        var lo = 0
        var hi = starts.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid }
        }
        return lo
    }
}
