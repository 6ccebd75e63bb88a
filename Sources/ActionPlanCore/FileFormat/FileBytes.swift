/// The bytes of a file to write, as runs that may share the buffers they come from: a save that replaces one
/// action (``EncodedPlan/replacing(_:old:with:header:)``) writes the old file's bytes around the new action
/// without first copying 100 MB into one new buffer.
public struct FileBytes: Sendable {
    /// The runs, in order.
    public let runs: [ArraySlice<UInt8>]
    /// How many bytes in all.
    public let count: Int

    /// The bytes when they are one buffer already.
    private let whole: [UInt8]?

    /// The bytes of `bytes`.
    public init(_ bytes: [UInt8]) {
        runs = [bytes[...]]
        count = bytes.count
        whole = bytes
    }

    /// The bytes of `runs`, one after another.
    public init(runs: [ArraySlice<UInt8>]) {
        self.runs = runs
        count = runs.reduce(0) { $0 + $1.count }
        whole = nil
    }

    /// The bytes in one buffer.
    public var joined: [UInt8] {
        if let whole { return whole }
        var out: [UInt8] = []
        out.reserveCapacity(count)
        for run in runs { out.append(contentsOf: run) }
        return out
    }

    /// ``ContentHash/words(_:)`` of the bytes.
    public var hash: UInt64 {
        var h = ContentHash.Words()
        for run in runs { run.withUnsafeBytes { h.add($0) } }
        return h.value
    }
}
