import ActionPlanCore
import CSignalTrap

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading a large plan without copying it, for commands that only read: the file's pages mapped into memory.
///
/// A file read with `read` is copied into memory the process has never touched, which on a virtual machine
/// costs as much as a good part of what `overdue` does with it (docs/performance.md); a mapping uses the
/// pages the kernel already holds. The risk of a mapping is another program cutting the file short while it
/// is read: touching a page past the new end raises SIGBUS, which kills a process without a word. So while
/// a mapping is read a SIGBUS handler (`CSignalTrap`) says what happened on standard error and exits with
/// status 2 — nothing is being written then. And a mapping is not a copy: a program writing into the file
/// meanwhile changes the bytes under the reader, so the file's identity (size, modification and change
/// times) is compared before and after, and a file written meanwhile gives nil: read it again. Small files,
/// and any file that cannot be mapped, are read (a copy, which nothing changes).
public enum MappedFile {
    /// Files smaller than this are read: mapping them saves nothing.
    static let mapFrom = 1 << 20

    /// Calls `body` with the bytes of the file at `path` (mapped, or read), with the checks and errors of
    /// ``PlanStore/readFile(_:)``, and returns what it returned — or nil when the file was written while it was
    /// mapped, so what `body` saw may mix two versions, or when it is smaller than `minimumSize` (not read).
    public static func withBytes<R>(
        _ path: String, ifAtLeast minimumSize: Int = 0, _ body: (UnsafeBufferPointer<UInt8>) throws -> R
    ) throws -> R? {
        let (fd, st) = try PlanStore.openForReading(path, shown: path)
        defer { close(fd) }
        guard Int(st.st_size) >= minimumSize else { return nil }
        return try withContents(of: fd, st, shown: path, mapFrom: mapFrom) { bytes, mapped in
            let result = try body(bytes)
            var now = stat()
            guard !mapped || (fstat(fd, &now) == 0 && FileIdentity(now) == FileIdentity(st)) else { return nil }
            return result
        }
    }

    /// Calls `body` with the bytes of the file open as `fd`, whose status was `st` when opened (`path` names it in
    /// messages): mapped when there are at least `mapFrom` of them, with the SIGBUS guard set while `body` runs
    /// (`mapped` is true), else read. A mapping shows writes made into the file meanwhile: the caller compares
    /// the file's identity.
    static func withContents<R>(
        of fd: Int32, _ st: stat, shown path: String, mapFrom: Int,
        _ body: (_ bytes: UnsafeBufferPointer<UInt8>, _ mapped: Bool) throws -> R
    ) throws -> R {
        let size = Int(st.st_size)
        if size >= mapFrom, let map = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0),
            map != UnsafeMutableRawPointer(bitPattern: -1)
        {
            defer { munmap(map, size) }
            var old = sigaction()
            let message =
                "actionplan: \(TerminalSafe.escape(path)): the file was cut short by another program while it was "
                + "being read; nothing was changed. Run the command again.\n"
            _ = signal_trap_install_bus_handler(message, &old)
            defer { _ = signal_trap_restore_handler(SIGBUS, &old) }
            return try body(UnsafeBufferPointer(start: map.assumingMemoryBound(to: UInt8.self), count: size), true)
        }
        let bytes = try PlanStore.readOpened(fd, st, shown: path)
        return try bytes.withUnsafeBufferPointer { try body($0, false) }
    }
}
