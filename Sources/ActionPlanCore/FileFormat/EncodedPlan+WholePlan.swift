import Foundation

/// Reading a whole encoding on several threads: its themes side by side.
///
/// In an encoding every theme is an object at a depth of two, closed by the first line `    }` after it (no
/// string holds a line break), so the themes' bytes are found without reading them, and each is read by the
/// plan reader on its own. What lies
/// outside the themes is read as ``View/outsideThemes(file:)`` reads it, and the IDs are checked across the
/// plan as ``PlanCodec/decode(_:file:allowDuplicateIDs:)`` checks them: the same plan, with every check.
extension EncodedPlan.View {
    /// The whole plan, its themes read on up to `workers` threads; nil when the bytes do not read (the caller
    /// then reads them with `PlanCodec.decode`, which says why, with the line and column). Without
    /// `keepingLogText`, the plan ``PlanOutline`` reads: the text of the logs checked, not kept.
    public func wholePlan(file: String, workers: Int, allowDuplicateIDs: Bool = false, keepingLogText: Bool = true)
        -> Plan?
    {
        guard var plan = try? outsideThemes(file: file, keepingLogText: keepingLogText),
            let themes = themesSideBySide(
                file: file, workers: workers,
                read: { r in
                    r.keepsText = keepingLogText
                    return try PlanCodec.readTheme(&r)
                })
        else { return nil }
        plan.themes = themes
        if !allowDuplicateIDs && (try? PlanCodec.validateIDs(plan, file: file)) == nil { return nil }
        return plan
    }

    /// The themes, each read by `read` from its own bytes, on up to `workers` threads, in order; nil when one
    /// does not read (or the themes are not laid out as an encoding lays them out).
    func themesSideBySide(file: String, workers: Int, read: @Sendable (inout JSONReader) throws -> Theme)
        -> [Theme]?
    {
        guard let ranges = themeRanges() else { return nil }
        // Several parts a thread, taken in turn as threads come free: themes differ in size, and a thread that
        // started late or shares its processor does not hold up the rest (one part, on this thread, for one worker).
        let parts = Self.parts(ranges, count: workers > 1 ? workers * 4 : 1)
        var done = [[Theme]?](repeating: nil, count: parts.count)
        done.withUnsafeMutableBufferPointer { done in
            let shared = Shared(bytes: bytes, read: done)
            DispatchQueue.concurrentPerform(iterations: parts.count) { part in
                var out: [Theme] = []
                out.reserveCapacity(parts[part].count)
                for range in parts[part] {
                    var r = JSONReader(bytes: UnsafeBufferPointer(rebasing: shared.bytes[range]), file: file)
                    guard let theme = try? read(&r), (try? r.expectEnd()) != nil else { return }
                    out.append(theme)
                }
                shared.read[part] = out
            }
        }
        var themes: [Theme] = []
        for part in done {
            guard let part else { return nil }
            themes += part
        }
        return themes
    }

    /// What the threads share: all read the file's bytes, each writes only its own part's slot.
    private struct Shared: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        let read: UnsafeMutableBufferPointer<[Theme]?>
    }

    /// The byte ranges of the themes, in order (each from its `{` to its `}`), found by their layout
    /// (``JSONReader/skipEncodedValue()``: the line closing each at its depth), or nil when the themes'
    /// array is not laid out as an encoding lays it out.
    func themeRanges() -> [Range<Int>]? {
        var r = JSONReader(bytes: UnsafeBufferPointer(rebasing: bytes[layout.themes]), file: "")
        let base = layout.themes.lowerBound
        var ranges: [Range<Int>] = []
        do {
            try r.readArray { r, _ in
                r.skipWhitespace()
                let start = r.pos
                try r.skipEncodedValue()
                ranges.append((base + start)..<(base + r.pos))
            }
            try r.expectEnd()
        } catch {
            return nil
        }
        return ranges
    }

    /// `ranges` in at most `count` runs of neighbours of about the same number of bytes: a range goes to the
    /// next run when its middle lies past the current run's share.
    static func parts(_ ranges: [Range<Int>], count: Int) -> [[Range<Int>]] {
        let total = ranges.reduce(0) { $0 + $1.count }
        var parts: [[Range<Int>]] = [[]]
        var done = 0
        for range in ranges {
            if !parts[parts.count - 1].isEmpty && parts.count < count
                && (done + range.count / 2) * count >= total * parts.count
            {
                parts.append([])
            }
            parts[parts.count - 1].append(range)
            done += range.count
        }
        return parts
    }
}
