import ActionPlanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the store remembers of a plan file it wrote itself: that its bytes are exactly what
/// `PlanCodec.encode` writes, so changing one action can replace that action's bytes (`EncodedPlan`) instead
/// of reading and writing the whole plan.
///
/// A small text file in the plan's backups directory, `.NAME.backups/NAME.encoded`: the version of actionplan
/// that wrote the plan, its size and a 64-bit hash of its bytes (``ContentHash/words(_:)``). It is only a hint,
/// checked against the bytes every time: it counts when the bytes read now have that size and hash, so a
/// plan edited by hand or by another program, restored from a backup or replaced by `mv` is read and
/// written in full as before, and another version of actionplan (which might write differently) ignores it.
/// Written after the save's rename, under the plan's lock, without fsync: a stamp lost in a crash only costs
/// the next save its shortcut.
enum EncodingStamp {
    /// Where the stamp of `plan` is kept.
    static func path(for plan: String) -> String {
        PlanBackups.directory(for: plan) + "/" + PlanStore.fileName(of: plan) + ".encoded"
    }

    /// What a stamp says of the bytes it stamps: how many there are and their hash (``ContentHash/words(_:)``).
    struct Mark: Equatable {
        let count: Int
        let hash: UInt64
    }

    /// The stamp's text for `mark`.
    static func text(_ mark: Mark) -> String {
        "actionplan \(ProgramVersion.current) \(mark.count) \(String(mark.hash, radix: 16))\n"
    }

    /// Records that the bytes `mark` stamps, just renamed into place as `plan`, are an encoding (best effort: no
    /// backups directory, or one that cannot be written, means no stamp).
    static func record(_ mark: Mark, for plan: String) {
        let stamp = path(for: plan)
        var st = stat()
        guard stat(PlanBackups.directory(for: plan), &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { return }
        TemporaryFiles.sweep(beside: stamp)
        guard
            let tmp = try? TemporaryFiles.write(
                Array(text(mark).utf8), beside: stamp, shown: stamp, attributes: nil, newFileMode: 0o644,
                durable: false)
        else { return }
        if rename(tmp, stamp) != 0 { unlink(tmp) }
    }

    /// `bytes`, read from `plan` (the file itself, symbolic links followed), as an ``EncodedPlan`` when its stamp
    /// says the store wrote them and they are laid out as an encoding; else nil.
    static func encoded(_ bytes: [UInt8], of plan: String) -> EncodedPlan? {
        isEncoding(bytes, of: plan) ? EncodedPlan(bytes: bytes) : nil
    }

    /// Whether `bytes`, read from `plan`, are what its stamp says the store wrote.
    static func isEncoding(_ bytes: [UInt8], of plan: String) -> Bool {
        bytes.withUnsafeBufferPointer { isEncoding($0, of: plan) }
    }

    /// Whether the bytes in `buffer`, read from `plan`, are what its stamp says the store wrote. Their hash is
    /// taken only when the stamp is this version's and names their size.
    static func isEncoding(_ buffer: UnsafeBufferPointer<UInt8>, of plan: String) -> Bool {
        guard let stamp = SmallFile.contents(of: path(for: plan)), stamp.count < 200 else { return false }
        let unhashed = text(Mark(count: buffer.count, hash: 0)).utf8.dropLast(2)  // without "0\n"
        guard stamp.starts(with: unhashed) else { return false }
        return stamp
            == Array(text(Mark(count: buffer.count, hash: ContentHash.words(UnsafeRawBufferPointer(buffer)))).utf8)
    }
}
