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

    /// The themes, each read by `read`, on up to `workers` threads, in order; nil when one does not read (or the
    /// themes are not laid out as an encoding lays them out).
    func themesSideBySide(file: String, workers: Int, read: @Sendable (inout JSONReader) throws -> Theme)
        -> [Theme]?
    {
        // Several runs a thread, taken in turn as threads come free: themes differ in size, and a thread that
        // started late or shares its processor does not hold up the rest (one run, on this thread, for one worker).
        guard let runs = themeRuns(count: workers > 1 ? workers * 4 : 1) else { return nil }
        var done = [[Theme]?](repeating: nil, count: runs.count)
        done.withUnsafeMutableBufferPointer { done in
            let shared = Shared(bytes: bytes, read: done)
            DispatchQueue.concurrentPerform(iterations: runs.count) { run in
                // A run is themes separated by commas; all but the last end with the comma before the next run.
                var r = JSONReader(bytes: UnsafeBufferPointer(rebasing: shared.bytes[runs[run]]), file: file)
                let last = run == runs.count - 1
                var out: [Theme] = []
                while true {
                    guard let theme = try? read(&r) else { return }
                    out.append(theme)
                    r.skipWhitespace()
                    if r.pos == r.bytes.count {
                        if last { break } else { return }
                    }
                    guard r.bytes[r.pos] == UInt8(ascii: ",") else { return }
                    r.pos += 1
                    r.skipWhitespace()
                    if r.pos == r.bytes.count {
                        if last { return } else { break }
                    }
                }
                shared.read[run] = out
            }
        }
        var themes: [Theme] = []
        for run in done {
            guard let run else { return nil }
            themes += run
        }
        return themes
    }

    /// What the threads share: all read the file's bytes, each writes only its own run's slot.
    private struct Shared: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        let read: UnsafeMutableBufferPointer<[Theme]?>
    }

    /// The themes' array in at most `count` runs of whole neighbouring themes, each from a theme's `{` to the next
    /// run's, the last to the array's `]`; none for an empty array; nil when the array does not open as an
    /// encoding's does. A run starts at the first line `    {` after an evenly spaced offset — a theme's opening:
    /// a string holds no line break and no deeper line has four spaces before a brace — found line by line from
    /// there, so the themes are not read to be split (a pass over every line of a plan was a tenth of reading it,
    /// on one thread). Bytes cut anywhere else would not read as themes, and then neither does the plan here.
    func themeRuns(count: Int) -> [Range<Int>]? {
        let close = layout.themes.upperBound - 1
        guard bytes[layout.themes.lowerBound] == UInt8(ascii: "["), bytes[close] == UInt8(ascii: "]") else {
            return nil
        }
        var first = layout.themes.lowerBound + 1
        while first < close, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[first]) { first += 1 }
        if first == close { return [] }
        guard opensTheme(at: first) else { return nil }
        var starts = [first]
        for k in 1..<max(1, count) {
            let target = first + (close - first) * k / count
            guard let next = nextThemeOpening(from: max(target, starts[starts.count - 1] + 1), before: close) else {
                break
            }
            starts.append(next)
        }
        return zip(starts, starts.dropFirst() + [close]).map { $0..<$1 }
    }

    /// Whether a theme opens at `at`: a line that is `    {`.
    private func opensTheme(at: Int) -> Bool {
        at >= 5 && at + 1 < bytes.count && bytes[at] == UInt8(ascii: "{") && bytes[at + 1] == 0x0A
            && bytes[at - 5] == 0x0A && bytes[(at - 4)..<at].allSatisfy { $0 == 0x20 }
    }

    /// The offset of the first theme's opening `{` on a line starting after `from`, before `end`; nil when none.
    /// Found brace by brace (`memchr`), not line by line: a plan has five lines to each brace, and looking for
    /// each line was a twentieth of reading a plan kept for ten years, on one thread before the others start.
    private func nextThemeOpening(from: Int, before end: Int) -> Int? {
        let base = bytes.baseAddress!
        var at = from + 5
        while at < end, let found = memchr(base + at, Int32(UInt8(ascii: "{")), end - at) {
            let brace = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if opensTheme(at: brace) { return brace }
            at = brace + 1
        }
        return nil
    }
}
