import ActionPlanCore
import Foundation
import ZIPFoundation

/// The parts of an Office file (a zip archive), read in memory with ZIPFoundation.
///
/// `ZipLayout` checks the archive's records first (see there). ZIPFoundation's
/// `Archive(data:accessMode: .read)` then lists the entries (paths, types,
/// checksums) and extracts stored ones. Deflated entries are inflated by
/// ZIPFoundation's own `Data.decompress` fed from the entry's checked byte range,
/// not by `Archive.extract`: on Linux, 0.9.20's inflate loop asks for more input
/// until the stream ends, and at the end of the data it gets none and spins
/// forever (fixed upstream after 0.9.20), and it tells zlib every chunk is full
/// size. Here each chunk is full size (the entry's bytes, then zeros) and asking
/// past the entry is an error, so a stream that never ends fails instead of hanging.
///
/// Everything read counts against one budget of `SourceReader.maxSize` bytes, so
/// a small file that inflates to gigabytes (a zip bomb) is refused, and an entry
/// that inflates to more than its header declared, or to other bytes than its
/// checksum, is damaged.
final class ZipContainer {
    /// The archive's entries by path (the first of equal paths, as ZIPFoundation's subscript finds).
    private var entries: [String: (entry: Entry, layout: ZipLayout.Entry)] = [:]
    /// The archive, for extracting stored entries.
    private let archive: Archive
    /// The archive's bytes, for inflating deflated entries from their checked ranges.
    private let bytes: [UInt8]
    /// The file's name, for errors.
    private let file: String
    /// Bytes that may still be read.
    private var budget = SourceReader.maxSize

    /// Opens `bytes`, a zip archive named `file`.
    init(bytes: [UInt8], file: String) throws {
        let layout = try ZipLayout(bytes: bytes, file: file)
        guard let archive = try? Archive(data: Data(bytes), accessMode: .read) else {
            throw PlanError(
                .invalidSource, file: file, message: "is damaged: it is not a zip archive ZIPFoundation can open")
        }
        var listed: [Entry] = []
        for entry in archive { listed.append(entry) }
        guard listed.count == layout.entries.count else {
            throw PlanError(
                .invalidSource, file: file, message: "is damaged: its zip directory cannot be read to the end")
        }
        for (entry, place) in zip(listed, layout.entries) where entries[entry.path] == nil {
            entries[entry.path] = (entry, place)
        }
        (self.archive, self.bytes, self.file) = (archive, bytes, file)
    }

    /// The paths of the entries.
    var paths: [String] { Array(entries.keys) }

    /// Whether there is an entry at `path`.
    func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The contents of the entry at `path`, or nil when there is none.
    func read(_ path: String) throws -> [UInt8]? {
        guard let (entry, place) = entries[path] else { return nil }
        func damaged(_ why: String) -> PlanError {
            PlanError(
                .invalidSource, file: file,
                message: "is damaged: its part \(path) \(why); save it again from Word or Excel")
        }
        guard entry.type == .file else { throw damaged("is not a file") }
        guard place.uncompressedSize <= budget else {
            throw PlanError(
                .invalidSource,
                file: file,
                message: "is too large: its parts expand to more than \(SourceReader.maxSize >> 20) MB; "
                    + "actionplan reads files of up to that size")
        }
        budget -= place.uncompressedSize
        var out: [UInt8] = []
        out.reserveCapacity(min(place.uncompressedSize, 1 << 24))  // a declared size is a claim, not a fact
        let consume: Consumer = { data in
            guard out.count + data.count <= place.uncompressedSize else { throw ZipReadError.longerThanDeclared }
            out.append(contentsOf: data)
        }
        let checksum: CRC32
        do {
            switch place.method {
            case 0:
                guard place.compressedSize == place.uncompressedSize else { throw ZipReadError.longerThanDeclared }
                checksum = try archive.extract(entry, consumer: consume)
            case 8: checksum = try inflate(place, into: consume)
            default: throw damaged("uses zip compression method \(place.method), which Word and Excel never use")
            }
        } catch let error as PlanError {
            throw error
        } catch let error as ZipReadError {
            throw damaged("cannot be decompressed (\(error))")
        } catch {
            throw damaged("cannot be decompressed (its compressed data is corrupt)")
        }
        guard out.count == place.uncompressedSize, checksum == entry.checksum else {
            throw damaged("does not match its checksum or size")
        }
        return out
    }

    /// Inflates the deflated entry at `place` with ZIPFoundation, from its range only (see the type's summary).
    private func inflate(_ place: ZipLayout.Entry, into consume: Consumer) throws -> CRC32 {
        let chunk = 1 << 16
        let end = place.dataStart + place.compressedSize
        var next = place.dataStart
        return try Data.decompress(
            size: Int64(place.compressedSize), bufferSize: chunk, skipCRC32: false,
            provider: { _, _ in
                guard next < end || (next == end && place.compressedSize == 0) else {
                    throw ZipReadError.streamNeverEnds
                }
                let stop = min(end, next + chunk)
                var data = Data(self.bytes[next..<stop])
                data.append(Data(count: chunk - data.count))
                next = max(stop, next + 1)
                return data
            }, consumer: consume)
    }

    /// Why an entry could not be read, below `PlanError`.
    private enum ZipReadError: Error, CustomStringConvertible {
        /// It inflated to more bytes than its header declared.
        case longerThanDeclared
        /// Its deflate stream did not end within its compressed bytes.
        case streamNeverEnds

        /// For the message.
        var description: String {
            switch self {
            case .longerThanDeclared: return "it holds more than its header declares"
            case .streamNeverEnds: return "its compressed data ends early"
            }
        }
    }
}
