#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing to standard output and standard error: every byte, or a clear refusal. Foundation's `FileHandle.write`
/// stops the program with a stack trace when a write fails (a full disk behind `> report.csv`); here a failed
/// write to standard output says what happened on standard error and exits with status 74 (`EX_IOERR`, beside
/// 64 for a usage mistake). A closed pipe (`| head`) ends the program by SIGPIPE before a write fails, as for
/// any Unix tool.
enum StandardStreams {
    /// Writes `bytes` to standard output, or reports the failure and exits 74.
    static func out(_ bytes: UnsafeRawBufferPointer) {
        if let failure = writeAll(bytes, to: STDOUT_FILENO) {
            var message = "actionplan: cannot write the output: \(failure); what was written before is incomplete\n"
            message.withUTF8 { _ = writeAll(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
            exit(74)
        }
    }

    /// Writes `bytes` to standard error; a failure there has nowhere to be reported.
    static func err(_ bytes: UnsafeRawBufferPointer) {
        _ = writeAll(bytes, to: STDERR_FILENO)
    }

    /// Writes all of `bytes` to `fd`, again after a partial write or an interruption; the error's text when a
    /// write fails.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> String? {
        var done = 0
        while done < bytes.count {
            let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            done += n
        }
        return nil
    }
}
