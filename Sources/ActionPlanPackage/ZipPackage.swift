import ActionPlanCore
import Foundation
import ZIPFoundation

/// Puts the parts of a package export (`.xlsx`, `.docx`, laid out by the core's `XLSXWriter` and
/// `DOCXWriter`) in a zip archive, in memory, with ZIPFoundation: the write side of the zip reading in
/// ActionPlanImport.
///
/// A target of its own because the core imports Foundation only (docs/architecture.md); like the core
/// and the reading layer it takes and returns bytes, never opening a file or reading the clock: every
/// entry is dated `day` at midnight UTC, so the same export on the same day is the same bytes.
public enum ZipPackage {
    /// The zip of `parts`, in order (`[Content_Types].xml` first, as Office writes it), each deflated and
    /// dated `day`.
    public static func archive(_ parts: [PackagePart], dated day: CalendarDay) throws -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            let date = modificationDate(day)
            for part in parts {
                let data = Data(part.bytes)
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                    compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let bytes = archive.data else {
                throw PlanError(.notSaved, message: "the zip archive of the export was not made")
            }
            return Array(bytes)
        } catch let e as PlanError {
            throw e
        } catch {
            throw PlanError(.notSaved, message: "the zip archive of the export could not be made: \(error)")
        }
    }

    /// Midnight UTC at the start of `day`, its year kept within what a zip can record (1980–2107).
    static func modificationDate(_ day: CalendarDay) -> Date {
        var c = DateComponents()
        (c.year, c.month, c.day) = (min(2107, max(1980, day.year)), day.month, day.day)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar.date(from: c) ?? .distantPast
    }
}
