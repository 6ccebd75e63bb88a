/// Git-style conflict markers around the lines where two versions of a file differ.
///
/// Used by `actionplan merge-driver` when two branches really clash: it writes
/// the merge with our value in each conflicting field and the merge with
/// theirs, both through the deterministic writer, so they differ only at the
/// conflicts, and marks those lines the way git does. The file is then not a
/// valid plan until someone keeps one side of each conflict — deliberately, so
/// that a conflict cannot be committed unnoticed (the loader names the markers).
public enum ConflictMarkers {
    /// `ours` with each run of lines that differs from `theirs` replaced by a marked pair of hunks.
    public static func render(
        ours: [UInt8], theirs: [UInt8], oursLabel: String = "ours", theirsLabel: String = "theirs", markerSize: Int = 7
    ) -> [UInt8] {
        let a = lines(ours)
        let b = lines(theirs)
        var ids: [ArraySlice<UInt8>: Int] = [:]
        func id(_ l: ArraySlice<UInt8>) -> Int {
            if let n = ids[l] { return n }
            ids[l] = ids.count
            return ids.count - 1
        }
        let ai = a.map(id)
        let bi = b.map(id)
        var out: [UInt8] = []
        out.reserveCapacity(ours.count + 256)
        let open = Array((String(repeating: "<", count: markerSize) + " " + oursLabel + "\n").utf8)
        let mid = Array((String(repeating: "=", count: markerSize) + "\n").utf8)
        let close = Array((String(repeating: ">", count: markerSize) + " " + theirsLabel + "\n").utf8)
        var ia = 0
        for hunk in LineDiff.hunks(ai, bi) {
            while ia < hunk.a.lowerBound {
                out.append(contentsOf: a[ia])
                ia += 1
            }
            out.append(contentsOf: open)
            for l in a[hunk.a] { appendLine(l, to: &out) }
            out.append(contentsOf: mid)
            for l in b[hunk.b] { appendLine(l, to: &out) }
            out.append(contentsOf: close)
            ia = hunk.a.upperBound
        }
        while ia < a.count {
            out.append(contentsOf: a[ia])
            ia += 1
        }
        return out
    }

    /// Whether `bytes` hold a line starting with git's conflict marker `<<<<<<< `, and the first such line.
    public static func firstMarkerLine(in bytes: [UInt8]) -> Int? {
        var line = 1
        var atStart = true
        var i = 0
        let marker = Array("<<<<<<<".utf8)
        while i < bytes.count {
            if atStart && bytes.count - i >= marker.count && bytes[i..<(i + marker.count)].elementsEqual(marker) {
                return line
            }
            atStart = bytes[i] == 0x0A
            if atStart { line += 1 }
            i += 1
        }
        return nil
    }

    private static func appendLine(_ l: ArraySlice<UInt8>, to out: inout [UInt8]) {
        out.append(contentsOf: l)
        if l.last != 0x0A { out.append(0x0A) }
    }

    /// The lines of `bytes`, each with its newline.
    private static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            out.append(bytes[start...i])
            start = i + 1
        }
        if start < bytes.count { out.append(bytes[start...]) }
        return out
    }
}
