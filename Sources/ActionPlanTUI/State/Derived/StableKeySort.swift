/// A stable sort of items by small non-negative integer keys (a least-significant-digit radix sort).
///
/// The TUI's sorts (``PlanIndex/paths(of:sortedBy:)``) order up to hundreds of thousands of actions by a rating
/// (five values), a lead's rank or a day: keys with few distinct bits, which a radix sort orders in one or
/// two passes over the items instead of a comparison sort's n log n (at 100,000 actions, `S` took 11–14 ms
/// with a comparison sort; docs/performance.md).
enum StableKeySort {
    /// Bits of the key ordered per pass.
    static let bitsPerPass = 11

    /// The positions of `keys` (each ≥ 0) in the order of their keys, equal keys in their order.
    static func order(_ keys: [Int]) -> [Int] {
        guard keys.count > 1, let largest = keys.max(), largest > 0 else { return Array(keys.indices) }
        precondition(keys.min()! >= 0, "keys are not negative")
        let buckets = 1 << bitsPerPass
        let mask = buckets - 1
        var order = Array(keys.indices)
        var next = order
        var shift = 0
        while largest >> shift > 0 {
            var starts = [Int](repeating: 0, count: buckets + 1)
            for k in keys { starts[((k >> shift) & mask) + 1] += 1 }
            for b in 0..<buckets { starts[b + 1] += starts[b] }
            for i in order {
                let b = (keys[i] >> shift) & mask
                next[starts[b]] = i
                starts[b] += 1
            }
            swap(&order, &next)
            shift += bitsPerPass
        }
        return order
    }
}
