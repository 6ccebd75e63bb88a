/// A cheap content hash: 64-bit FNV-1a.
///
/// Enough to notice that bytes changed (the store's file fingerprints) or to
/// derive a stable identifier (calendar UIDs); not a cryptographic hash.
public enum ContentHash {
    /// The 64-bit FNV-1a hash of `bytes`.
    public static func fnv1a<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// A 64-bit hash of `bytes` read eight bytes at a time in four independent lanes: about ten times faster
    /// than ``fnv1a(_:)`` on a large file, for fingerprints that only live in memory (every step is a bijection
    /// of the lane, so changing any one word always changes the hash).
    public static func words(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { words($0) } }

    /// ``words(_:)`` of the bytes in `raw`.
    public static func words(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var h = Words()
        h.add(raw)
        return h.value
    }

    /// ``words(_:)`` of bytes given in runs, one after another: the same hash as of the runs joined.
    public struct Words {
        private static let prime: UInt64 = 0x0000_0100_0000_01B3
        private var lanes: (UInt64, UInt64, UInt64, UInt64) = (
            0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4, 0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9
        )
        /// The bytes of a block of 32 begun by one run and not yet finished.
        private var pending: [UInt8] = []
        private var count = 0

        /// A hash of no bytes yet.
        public init() { pending.reserveCapacity(32) }

        /// Adds `raw` after the bytes added so far.
        public mutating func add(_ raw: UnsafeRawBufferPointer) {
            count += raw.count
            var at = 0
            if !pending.isEmpty {
                let take = min(32 - pending.count, raw.count)
                pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[0..<take]))
                at = take
                guard pending.count == 32 else { return }
                pending.withUnsafeBytes { block(in: $0, at: 0) }
                pending.removeAll(keepingCapacity: true)
            }
            while raw.count - at >= 32 {
                block(in: raw, at: at)
                at += 32
            }
            pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[at...]))
        }

        private mutating func block(in raw: UnsafeRawBufferPointer, at: Int) {
            lanes.0 = (lanes.0 ^ raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) &* Words.prime
            lanes.1 = (lanes.1 ^ raw.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self)) &* Words.prime
            lanes.2 = (lanes.2 ^ raw.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self)) &* Words.prime
            lanes.3 = (lanes.3 ^ raw.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self)) &* Words.prime
        }

        /// The hash of every byte added.
        public var value: UInt64 {
            func mix(_ x: UInt64) -> UInt64 {
                var z = x
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
            let tail = ContentHash.fnv1a(pending)
            return mix(mix(mix(mix(lanes.0) ^ lanes.1) ^ lanes.2) ^ lanes.3) ^ mix(tail ^ UInt64(count))
        }
    }
}
