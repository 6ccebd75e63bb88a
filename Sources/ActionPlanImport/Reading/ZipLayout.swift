import ActionPlanCore

/// The layout of a zip archive, checked before ZIPFoundation is given it.
///
/// This is not an unzipper: it reads no entry's contents, only the fixed-size
/// records that say where things are (the end-of-central-directory record, each
/// central directory record and each entry's local header), to make sure every
/// place ZIPFoundation 0.9.20 will seek to lies inside the bytes. Its in-memory
/// archive traps (a fatal `Range` error in `MemoryFile.readData`) when a record
/// points past the end, which 16 hostile bytes can arrange. It also refuses what
/// a plan never needs and ZIPFoundation would trust blindly: ZIP64 sizes and
/// offsets, multi-part archives and encrypted entries. The data ranges it finds
/// are what `ZipContainer` inflates from (see there why).
struct ZipLayout {
    /// Where one entry's data is and how it is stored, in central directory order.
    struct Entry {
        /// The compression method (0 stored, 8 deflated), the same in both headers.
        let method: Int
        /// The compressed size, from the central directory.
        let compressedSize: Int
        /// The uncompressed size, from the central directory.
        let uncompressedSize: Int
        /// The offset of the first byte of the entry's data.
        let dataStart: Int
    }

    /// The entries, in the order of the central directory (the order ZIPFoundation lists them).
    let entries: [Entry]

    /// Checks the layout of `bytes` (a zip archive named `file`).
    init(bytes: [UInt8], file: String) throws {
        func damaged(_ why: String) -> PlanError {
            PlanError(
                .invalidSource, file: file,
                message: "is damaged: \(why); save it again from Word or Excel and try again")
        }
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        let n = bytes.count
        // ZIPFoundation takes the last end record it finds scanning back from the end; the record must lie
        // within its largest comment (64 KB) of the end, so the scan is short.
        var eocd = n - 22
        while eocd >= max(0, n - 22 - 0xFFFF) && Self.signature(bytes, eocd) != 0x0605_4B50 { eocd -= 1 }
        guard eocd >= 0, eocd >= n - 22 - 0xFFFF else {
            throw PlanError(
                .invalidSource,
                file: file,
                message: "is not a complete zip archive (its end record is missing: the file may be truncated or "
                    + "damaged); expected a .docx or .xlsx file as Word or Excel saves it")
        }
        guard eocd + 22 + u16(eocd + 20) <= n else { throw damaged("its zip end record runs past the end of the file") }
        let total = u16(eocd + 10)
        let (cdSize, cdOffset) = (u32(eocd + 12), u32(eocd + 16))
        if u16(eocd + 4) != 0 || u16(eocd + 6) != 0 || u16(eocd + 8) != total || total == 0xFFFF
            || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF
            || (eocd > 20 && Self.signature(bytes, eocd - 20) == 0x0706_4B50)
        {
            throw PlanError(
                .invalidSource,
                file: file,
                message: "is a ZIP64 or multi-part zip archive, which Word and Excel do not write for a document "
                    + "of a plan's size; save it again from Word or Excel")
        }
        var entries: [Entry] = []
        var q = cdOffset
        for _ in 0..<total {
            guard q + 46 <= eocd, Self.signature(bytes, q) == 0x0201_4B50 else {
                throw damaged("its zip directory lists \(total) entries but holds \(entries.count)")
            }
            let (flags, method, csize, usize) = (u16(q + 8), u16(q + 10), u32(q + 20), u32(q + 24))
            let (nameLength, extraLength, commentLength) = (u16(q + 28), u16(q + 30), u16(q + 32))
            let local = u32(q + 42)
            if csize == 0xFFFF_FFFF || usize == 0xFFFF_FFFF || local == 0xFFFF_FFFF || u16(q + 34) == 0xFFFF {
                throw damaged("an entry has ZIP64 sizes, which Word and Excel do not write for a plan")
            }
            if flags & 1 != 0 {
                throw PlanError(
                    .invalidSource,
                    file: file,
                    message: "is password-protected (its zip entries are encrypted); open it in Word or Excel, "
                        + "remove the password and save it again")
            }
            guard local + 30 <= n, Self.signature(bytes, local) == 0x0403_4B50, u16(local + 8) == method else {
                throw damaged("an entry's local header is missing or does not match the zip directory")
            }
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            let descriptor = dataStart + (method == 0 ? usize : csize)
            guard dataStart + csize <= n, flags & 8 == 0 || descriptor <= n else {
                throw damaged("an entry's data runs past the end of the file")
            }
            entries.append(Entry(method: method, compressedSize: csize, uncompressedSize: usize, dataStart: dataStart))
            q += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// The little-endian 32-bit value at `i`, or 0 when `i` is out of range.
    private static func signature(_ bytes: [UInt8], _ i: Int) -> Int {
        guard i >= 0, i + 4 <= bytes.count else { return 0 }
        return Int(bytes[i]) | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2]) << 16 | Int(bytes[i + 3]) << 24
    }
}
