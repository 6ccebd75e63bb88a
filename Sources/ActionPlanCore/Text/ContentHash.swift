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
    public static func words(_ bytes: [UInt8]) -> UInt64 {
        let prime: UInt64 = 0x0000_0100_0000_01B3
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (
            0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4, 0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9
        )
        let blocks = bytes.count / 32
        bytes.withUnsafeBytes { raw in
            for i in 0..<blocks {
                let at = i * 32
                lanes.0 = (lanes.0 ^ raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) &* prime
                lanes.1 = (lanes.1 ^ raw.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self)) &* prime
                lanes.2 = (lanes.2 ^ raw.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self)) &* prime
                lanes.3 = (lanes.3 ^ raw.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self)) &* prime
            }
        }
        func mix(_ x: UInt64) -> UInt64 {
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let tail = fnv1a(bytes[(blocks * 32)...])
        return mix(mix(mix(mix(lanes.0) ^ lanes.1) ^ lanes.2) ^ lanes.3) ^ mix(tail ^ UInt64(bytes.count))
    }
}
