import Foundation

/// The bytes of a plan file exactly as ``PlanCodec/encode(_:)`` wrote them, and the one change that can be made
/// to them without reading the whole plan: replacing one action.
///
/// Only for bytes known to be an encoding — the store knows it of a file it wrote itself and no one has
/// changed since (the stamp it keeps on the file matches the bytes; `PlanStore` documents it). In such bytes
/// every line break is structure (strings escape theirs), indentation gives the depth, and the fields come
/// in the writer's order, so an action is found by its `"id"` line at the depth of actions, and its bytes end
/// at the first closing brace back at that depth. Replacing them with the new action's encoding gives
/// exactly what a full encoding of the changed plan gives (`testReplacingOneActionIsByteForByteAFullEncoding`),
/// in the time it takes to copy the file instead of the time it takes to read and write every action.
///
/// Anything this does not find as expected (no themes, an ID not there once, a layout it does not know)
/// gives nil, and the caller does the full read and write.
public struct EncodedPlan: Sendable {
    /// The file's bytes.
    public let bytes: [UInt8]
    /// Where its parts are.
    private let layout: Layout

    /// An action's place in the bytes.
    public struct Place: Sendable, Equatable {
        /// Its bytes, from `{` to `}`.
        public let range: Range<Int>
    }

    /// Where the header ends and the themes are in an encoding.
    struct Layout: Sendable {
        /// The offset of the `,` that ends the field before `"themes"` (where the header ends).
        let headerEnd: Int
        /// The offsets of the themes array: from its `[` to its closing `]`.
        let themes: Range<Int>

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            let key = Array("\n  \"themes\": [".utf8)
            guard bytes.starts(with: EncodedPlan.versionPrefix),
                let at = EncodedPlan.find(key, in: bytes, from: 0, to: bytes.count), at > 0, bytes[at - 1] == 0x2C,
                // The writer puts the snapshots right after the themes, and only the measures after them:
                // searched from the end, the themes' close is found without reading them.
                let close = EncodedPlan.findLast(
                    Array("\n  ],\n  \"snapshots\": ".utf8), in: bytes, from: at + key.count, to: bytes.count)
            else { return nil }
            headerEnd = at - 1
            themes = (at + key.count - 1)..<(close + 4)
        }
    }

    /// Indentation of an action's braces and of its fields in a plan file (6 and 7 levels of two spaces).
    private static let actionIndent = 12
    private static let fieldIndent = 14
    /// How every encoding starts, up to the digit of its schema version.
    private static let versionPrefix = Array("{\n  \"schemaVersion\": ".utf8)

    /// The layout of `bytes`, which must be an encoding by ``PlanCodec/encode(_:)``; nil when it does not
    /// look like one (then nothing here applies).
    public init?(bytes: [UInt8]) {
        guard let layout = bytes.withUnsafeBufferPointer(Layout.init) else { return nil }
        self.bytes = bytes
        self.layout = layout
    }

    /// Where the action with `id` is, when exactly one action has it.
    public func place(of id: String) -> Place? { bytes.withUnsafeBufferPointer { View($0, layout).place(of: id) } }

    /// The action at `place`, read in full with every check of the plan reader.
    public func action(at place: Place, file: String) throws -> Action {
        try bytes.withUnsafeBufferPointer { try View($0, layout).action(at: place, file: file) }
    }

    /// The plan's ``Plan/header`` — title, keys, rating scale, recommendations, narrative, officers — read
    /// with every check of the plan reader.
    public func header(file: String) throws -> Plan {
        try bytes.withUnsafeBufferPointer { try View($0, layout).header(file: file) }
    }

    /// ``View/wholePlan(file:workers:allowDuplicateIDs:)`` of these bytes.
    public func wholePlan(file: String, workers: Int, allowDuplicateIDs: Bool = false) -> Plan? {
        bytes.withUnsafeBufferPointer {
            View($0, layout).wholePlan(file: file, workers: workers, allowDuplicateIDs: allowDuplicateIDs)
        }
    }

    /// ``View/outsideThemes(file:)`` of these bytes.
    public func outsideThemes(file: String) throws -> Plan {
        try bytes.withUnsafeBufferPointer { try View($0, layout).outsideThemes(file: file) }
    }

    /// ``View/listing(file:keeping:workers:)`` of these bytes.
    public func listing(
        file: String, keeping: PlanCodec.ListingFilter? = nil, workers: Int = 1
    ) throws -> Plan {
        try bytes.withUnsafeBufferPointer {
            try View($0, layout).listing(file: file, keeping: keeping, workers: workers)
        }
    }

    /// Reading an encoding in a buffer the caller owns (a mapped file): what ``EncodedPlan`` reads, valid only
    /// while the buffer is.
    public struct View {
        let bytes: UnsafeBufferPointer<UInt8>
        let layout: Layout

        init(_ bytes: UnsafeBufferPointer<UInt8>, _ layout: Layout) {
            self.bytes = bytes
            self.layout = layout
        }

        /// The layout of `bytes`, which must be an encoding; nil when it does not look like one.
        public init?(bytes: UnsafeBufferPointer<UInt8>) {
            guard let layout = Layout(bytes) else { return nil }
            self.init(bytes, layout)
        }

        /// Where the action with `id` is, when exactly one action has it.
        public func place(of id: String) -> Place? {
            var line = JSONWriter(capacity: 64)
            line.raw(
                bytes: ArraySlice(
                    [0x0A] + Array(repeating: 0x20, count: EncodedPlan.fieldIndent) + Array("\"id\": ".utf8)))
            line.string(id)
            line.raw(bytes: [0x2C, 0x0A])
            let pattern = line.bytes
            let themes = layout.themes
            guard let at = EncodedPlan.find(pattern, in: bytes, from: themes.lowerBound, to: themes.upperBound),
                EncodedPlan.find(pattern, in: bytes, from: at + 1, to: themes.upperBound) == nil,
                at > EncodedPlan.actionIndent + 1, bytes[at - 1] == UInt8(ascii: "{")
            else { return nil }
            let end = [0x0A] + Array(repeating: 0x20, count: EncodedPlan.actionIndent) + [UInt8(ascii: "}")]
            guard let close = EncodedPlan.find(end, in: bytes, from: at, to: themes.upperBound) else { return nil }
            return Place(range: (at - 1)..<(close + end.count))
        }

        /// The action at `place` (which was `old`) replaced by `new`: exactly what encoding the changed plan
        /// writes. Nil when the ID changes (that needs the check that IDs are unique) and when the change could
        /// lower the file's schema version (the action was the plan's only use of version 2): only the whole plan
        /// tells, so the caller encodes it in full.
        public func splice(_ place: Place, old: Action, with new: Action, header: Plan) -> Splice? {
            guard new.id == old.id else { return nil }
            let versionAt = EncodedPlan.versionPrefix.count  // the digit after `{\n  "schemaVersion": `
            guard bytes.count > versionAt + 1, bytes[versionAt + 1] == 0x2C else { return nil }
            var version = bytes[versionAt]
            if new.needsVersion2 {
                version = UInt8(ascii: "2")
            } else if old.needsVersion2 && !header.headerNeedsVersion2 {
                return nil
            }
            var w = JSONWriter(capacity: place.range.count + 4096, depth: 6)
            PlanCodec.encode(new, &w)
            return Splice(version: version, place: place, action: w.bytes)
        }

        /// The action at `place`, read in full with every check of the plan reader.
        public func action(at place: Place, file: String) throws -> Action {
            var r = JSONReader(bytes: UnsafeBufferPointer(rebasing: bytes[place.range]), file: file)
            return try PlanCodec.readAction(&r)
        }

        /// The plan's ``Plan/header``, read with every check of the plan reader.
        public func header(file: String) throws -> Plan {
            var head = Array(bytes[..<layout.headerEnd])
            head.append(contentsOf: Array("\n}\n".utf8))
            return try PlanCodec.decode(head, file: file)
        }

        /// The plan without its themes — its ``Plan/header``, snapshots and measures, what `snapshots` and
        /// `measures` list — read with every check of the plan reader from the file's bytes with the themes'
        /// array left out (found by the layout, not read).
        public func outsideThemes(file: String, keepingLogText: Bool = true) throws -> Plan {
            var bytes = Array(self.bytes[..<layout.headerEnd])
            bytes.append(contentsOf: Array(",\n  \"themes\": []".utf8))
            bytes.append(contentsOf: self.bytes[layout.themes.upperBound...])
            return try PlanCodec.decode(bytes, file: file, keepText: keepingLogText, ranges: false).plan
        }

        /// The plan as the commands that list and count actions (`overdue`, `list`, `summary`) need it: its
        /// ``Plan/header``, themes and groups, and each action's ID, text, leads, delivery date, revisions,
        /// rating and status — not its cross-references, fields, history or notes, nor the plan's snapshots
        /// and measures, which are skipped unread (``JSONReader/skipEncodedValue()``). The header is read with
        /// every check; the rest was checked when the file was written. With `keeping`, only the actions whose
        /// deadline and rating it keeps are read at all (`overdue` keeps the overdue ones): the others are left
        /// out.
        ///
        /// With `workers` above one, the themes are read side by side on that many threads (as
        /// ``wholePlan(file:workers:allowDuplicateIDs:)`` reads them); the same listing.
        public func listing(
            file: String, keeping: PlanCodec.ListingFilter? = nil, workers: Int = 1
        ) throws -> Plan {
            var plan = try header(file: file)
            if workers > 1,
                let themes = themesSideBySide(
                    file: file, workers: workers,
                    read: { r in
                        try PlanCodec.readTheme(&r) { r in try PlanCodec.readListedAction(&r, keeping: keeping) }
                    })
            {
                plan.themes = themes
                return plan
            }
            var r = JSONReader(bytes: UnsafeBufferPointer(rebasing: bytes[layout.themes]), file: file)
            try r.readArray { r, _ in
                plan.themes.append(
                    try PlanCodec.readTheme(&r) { r in try PlanCodec.readListedAction(&r, keeping: keeping) })
            }
            return plan
        }
    }

    /// The bytes of the plan with the action at `place` (which was `old`) replaced by `new`: exactly what
    /// encoding the changed plan writes (``View/splice(_:old:with:header:)``), the file's own bytes around the new
    /// action shared, not copied. Nil when only the whole plan can tell.
    public func replacing(_ place: Place, old: Action, with new: Action, header: Plan) -> FileBytes? {
        let view = { (bytes: UnsafeBufferPointer<UInt8>) in View(bytes, self.layout) }
        guard
            let splice = bytes.withUnsafeBufferPointer({ view($0).splice(place, old: old, with: new, header: header) })
        else { return nil }
        let kept = splice.keptRanges(count: bytes.count)
        return FileBytes(runs: [
            bytes[kept.head], [splice.version][...], bytes[kept.middle], splice.action[...], bytes[kept.tail],
        ])
    }

    /// One action of an encoding replaced: what to write instead of the file's bytes at its place, and the digit
    /// of the schema version the file then has. The rest is the file's own bytes, written as they are.
    public struct Splice: Sendable {
        /// The schema version's digit (the byte after `{\n  "schemaVersion": `).
        public let version: UInt8
        /// Where the old action's bytes are.
        public let place: Place
        /// The new action's encoding, to write in their place.
        public let action: [UInt8]

        /// Calls `body` with the bytes of the changed plan in order, in runs: the file's own (`bytes`, read as the
        /// ``View`` that made this splice) around the new action's. Stops at the first run `body` returns false
        /// for, and returns whether every run was taken.
        public func forEachRun(
            of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeRawBufferPointer) throws -> Bool
        ) rethrows -> Bool {
            let kept = keptRanges(count: bytes.count)
            let raw = UnsafeRawBufferPointer(bytes)
            guard try body(UnsafeRawBufferPointer(rebasing: raw[kept.head])),
                try withUnsafeBytes(of: version, body),
                try body(UnsafeRawBufferPointer(rebasing: raw[kept.middle])),
                try action.withUnsafeBytes(body)
            else { return false }
            return try body(UnsafeRawBufferPointer(rebasing: raw[kept.tail]))
        }

        /// The file's own bytes the changed plan keeps, of `count`: up to the version's digit, from it to the old
        /// action, and after the old action (the version's digit and the new action go between them).
        func keptRanges(count: Int) -> (head: Range<Int>, middle: Range<Int>, tail: Range<Int>) {
            let v = EncodedPlan.versionPrefix.count
            return (0..<v, (v + 1)..<place.range.lowerBound, place.range.upperBound..<count)
        }

        /// The size of the changed plan, from the size of the file's bytes.
        public func newSize(from size: Int) -> Int { size - place.range.count + action.count }
    }

    /// The offset of the last occurrence of `pattern` in `bytes[from..<to]`, or nil: Horspool's search run
    /// backwards (the window moves left by the distance to the nearest occurrence of the byte under its start).
    static func findLast(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        let m = pattern.count
        guard m > 0, from >= 0, to <= bytes.count, to - from >= m else { return nil }
        var skip = [Int](repeating: m, count: 256)
        for i in stride(from: m - 1, to: 0, by: -1) { skip[Int(pattern[i])] = i }
        return pattern.withUnsafeBufferPointer { p in
            let first = p[0]
            var i = to - m
            while i >= from {
                let c = bytes[i]
                if c == first && memcmp(bytes.baseAddress! + i + 1, p.baseAddress! + 1, m - 1) == 0 { return i }
                i -= skip[Int(c)]
            }
            return nil
        }
    }

    /// The offset of the first occurrence of `pattern` in `bytes[from..<to]`, or nil: Horspool's search, which
    /// looks at about one byte in the pattern's length (a 100 MB plan is searched in milliseconds).
    static func find(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        let m = pattern.count
        guard m > 0, from >= 0, to <= bytes.count, to - from >= m else { return nil }
        var skip = [Int](repeating: m, count: 256)
        for i in 0..<(m - 1) { skip[Int(pattern[i])] = m - 1 - i }
        return pattern.withUnsafeBufferPointer { p in
            let last = p[m - 1]
            var i = from
            while i <= to - m {
                let c = bytes[i + m - 1]
                if c == last && memcmp(bytes.baseAddress! + i, p.baseAddress!, m - 1) == 0 { return i }
                i += skip[Int(c)]
            }
            return nil
        }
    }
}

extension Plan {
    /// The plan without its themes, snapshots and measures: what ``EncodedPlan/header(file:)`` reads.
    public var header: Plan {
        var h = self
        h.themes = []
        h.snapshots = []
        h.measures = []
        return h
    }
}
