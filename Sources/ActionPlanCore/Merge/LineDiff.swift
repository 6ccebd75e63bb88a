/// The runs of lines that differ between two sequences (Myers' O(ND) diff), for conflict markers.
enum LineDiff {
    /// A run of lines `a` in the first sequence replaced by lines `b` in the second.
    struct Hunk: Equatable {
        var a: Range<Int>
        var b: Range<Int>
    }

    /// The differing runs, in order. Beyond `maxEdits` differences, one run from the first
    /// difference to the last (coarser, never wrong).
    static func hunks(_ a: [Int], _ b: [Int], maxEdits: Int = 1000) -> [Hunk] {
        var lo = 0
        while lo < a.count && lo < b.count && a[lo] == b[lo] { lo += 1 }
        var ea = a.count
        var eb = b.count
        while ea > lo && eb > lo && a[ea - 1] == b[eb - 1] {
            ea -= 1
            eb -= 1
        }
        if ea == lo && eb == lo { return [] }
        let ma = Array(a[lo..<ea])
        let mb = Array(b[lo..<eb])
        guard let ops = myers(ma, mb, maxD: maxEdits) else { return [Hunk(a: lo..<ea, b: lo..<eb)] }
        // Group consecutive non-equal operations.
        var out: [Hunk] = []
        var x = 0
        var y = 0
        var current: Hunk?
        for op in ops {
            switch op {
            case .equal:
                if let c = current { out.append(c) }
                current = nil
                x += 1
                y += 1
            case .delete:
                if current == nil { current = Hunk(a: (lo + x)..<(lo + x), b: (lo + y)..<(lo + y)) }
                x += 1
                current!.a = current!.a.lowerBound..<(lo + x)
            case .insert:
                if current == nil { current = Hunk(a: (lo + x)..<(lo + x), b: (lo + y)..<(lo + y)) }
                y += 1
                current!.b = current!.b.lowerBound..<(lo + y)
            }
        }
        if let c = current { out.append(c) }
        return out
    }

    enum Op { case equal, delete, insert }

    /// The edit script from `a` to `b`, or nil when it needs more than `maxD` edits.
    static func myers(_ a: [Int], _ b: [Int], maxD: Int) -> [Op]? {
        let n = a.count
        let m = b.count
        let limit = min(n + m, maxD)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        for d in 0...limit {
            trace.append(Array(v[(offset - d)...(offset + d)]))
            var k = -d
            while k <= d {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n && y < m && a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n && y >= m { return backtrack(trace, n: n, m: m) }
                k += 2
            }
        }
        return nil
    }

    private static func backtrack(_ trace: [[Int]], n: Int, m: Int) -> [Op] {
        var ops: [Op] = []
        var x = n
        var y = m
        var d = trace.count - 1
        while d >= 0 {
            let v = trace[d]
            let get = { (k: Int) in v[k + d] }
            let k = x - y
            let prevK = (k == -d || (k != d && get(k - 1) < get(k + 1))) ? k + 1 : k - 1
            let prevX = d == 0 ? 0 : get(prevK)
            let prevY = prevX - prevK
            while x > prevX && y > prevY {
                ops.append(.equal)
                x -= 1
                y -= 1
            }
            if d > 0 {
                ops.append(x == prevX ? .insert : .delete)
                x = prevX
                y = prevY
            }
            d -= 1
        }
        return ops.reversed()
    }
}
