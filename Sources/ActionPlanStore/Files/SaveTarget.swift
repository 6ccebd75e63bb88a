import ActionPlanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file a save really changes, found from the path the user gave, and the checks that make replacing
/// it safe.
///
/// A save writes a new file and renames it over the old one. Done to the path as given, that would:
/// - replace a **symbolic link** (`~/plan.json -> /shared/plan.json`) with a private copy, so the shared
///   plan never gets the change, and put the lock and backups beside the link, where people using the
///   real path never look. So links are followed, and the save works on their target, in its directory.
/// - silently split a file with **several hard links**: the other names would keep the old plan. Refused.
/// - replace a plan made **read-only** to freeze it, or one the user may not write (renaming only needs
///   the directory to be writable). Refused.
/// - replace a device, a pipe or a directory. Refused.
struct SaveTarget {
    /// The path as the user gave it, for messages.
    let shown: String
    /// The file to change: `shown` with symbolic links followed (it may not exist yet).
    let path: String

    /// Follows symbolic links from `given` to the file they name (which may not exist yet).
    ///
    /// Only the last component is followed link by link (up to 40, as the kernel does); links among the
    /// directories above it are left to the kernel, since they lead to the same directory either way.
    static func resolve(_ given: String) throws -> SaveTarget {
        var path = given
        for _ in 0..<40 {
            var st = stat()
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK else {
                return SaveTarget(shown: given, path: path)
            }
            guard let target = readLink(path) else {
                throw PlanError(
                    .notSaved, file: given, message: "cannot follow the symbolic link \(path): \(PlanStore.errnoText())"
                )
            }
            path = target.hasPrefix("/") ? target : PlanStore.directory(of: path) + "/" + target
        }
        throw PlanError(.notSaved, file: given, message: "too many levels of symbolic links; expected a link to a file")
    }

    /// The text of the symbolic link at `path`.
    private static func readLink(_ path: String) -> String? {
        var buf = [UInt8](repeating: 0, count: 4096)
        let n = buf.withUnsafeMutableBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { readlink(path, $0, p.count) }
        }
        guard n > 0 else { return nil }
        return String(decoding: buf[0..<n], as: UTF8.self)
    }

    /// The directory the file is in (where its lock, backups and temporary files go).
    var directory: String { PlanStore.directory(of: path) }

    /// The file's status now, or nil when there is no file.
    func status() -> stat? {
        var st = stat()
        return stat(path, &st) == 0 ? st : nil
    }

    /// Refuses to replace the existing file with status `st` when replacing it would lose or split something
    /// (see the type's summary).
    func checkReplaceable(_ st: stat) throws {
        let type = st.st_mode & S_IFMT
        if type == S_IFDIR { throw PlanError(.cannotRead, file: shown, message: "is a directory, expected a file") }
        if type != S_IFREG {
            throw PlanError(
                .notSaved, file: shown, message: "is not a regular file (a device or a pipe), so it cannot hold a plan")
        }
        let mode = st.st_mode & 0o777
        if mode & 0o222 == 0 {
            throw PlanError(
                .notSaved,
                file: shown,
                message:
                    "is read-only (mode \(FileAttributes.octal(mode))), so it was not changed; if it should change, "
                    + "make it writable first (chmod u+w \(shown))")
        }
        if geteuid() != 0 && access(path, W_OK) != 0 {
            throw PlanError(
                .notSaved,
                file: shown,
                message: "cannot save: you may not write this file (\(FileAttributes(st).description)); "
                    + "it was not changed")
        }
        if st.st_nlink > 1 && !(st.st_nlink == 2 && PlanBackups.isIncoming(st, of: path)) {
            throw PlanError(
                .notSaved,
                file: shown,
                message: "has \(st.st_nlink) hard links (other names for the same file); saving gives this name a "
                    + "new file and would leave the other names with the old contents, so nothing was saved. Give the "
                    + "file one name (cp \(shown) \(shown).tmp && mv \(shown).tmp \(shown)) or use a symbolic link")
        }
    }
}
