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
}
