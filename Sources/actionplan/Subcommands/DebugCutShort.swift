import ActionPlanStore
import ArgumentParser

#if canImport(Glibc)
    import Glibc
#endif

/// `actionplan debug-cut-short FILE` (hidden): reads FILE as the listing commands do (mapped), cuts it to half
/// its size from another descriptor meanwhile, as another program might, and touches its last byte: for the
/// test that a file cut short while it is read is reported and the command exits 2, not killed silently.
struct DebugCutShort: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug-cut-short", abstract: "Read a file mapped while cutting it short (for tests).",
        shouldDisplay: false)

    @Argument(help: "A file of at least 1 MB; it is cut to half its size.") var file: String

    func run() throws {
        try reportingBadInput {
            let last = try MappedFile.withBytes(file) { bytes -> UInt8 in
                _ = truncate(file, off_t(bytes.count / 2))
                return bytes[bytes.count - 1]
            }
            printOut("read \(last) after the file was cut short\n")
        }
    }
}
