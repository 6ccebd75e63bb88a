import ActionPlanCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the user's editor (`$VISUAL`, else `$EDITOR`, as the executable resolved them) on a text in a
/// temporary file and reads back what was saved.
///
/// The command is run by `/bin/sh -c 'COMMAND "$1"'`, as git runs `core.editor`, so an editor with
/// arguments (`code --wait`) works. The terminal is handed over and taken back by the caller
/// (``TerminalProgram/setSuspender(_:)``); the file is always removed.
struct ExternalEditor {
    /// The editor command line.
    let command: String

    /// What came back from the editor.
    enum Outcome {
        /// The file as the editor left it.
        case edited(String)
        /// The editor could not be started, or exited with a failure; the text says which.
        case failed(String)
    }

    /// Lets the editor edit `text` (in a file named after `name`) and returns the result.
    func edit(_ text: String, name: String) -> Outcome {
        let safe = name.map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let path = NSTemporaryDirectory() + "actionplan-\(getpid())-\(String(safe)).txt"
        defer { unlink(path) }
        guard FileManager.default.createFile(atPath: path, contents: Data((text + "\n").utf8)) else {
            return .failed("cannot write the temporary file \(path)")
        }
        let status = run(["/bin/sh", "-c", command + " \"$1\"", "sh", path])
        guard status == 0 else {
            return .failed("the editor (\(command)) exited with status \(status); nothing changed")
        }
        guard let data = FileManager.default.contents(atPath: path), let edited = String(data: data, encoding: .utf8)
        else {
            return .failed("cannot read back \(path) as UTF-8 text; nothing changed")
        }
        return .edited(edited)
    }

    /// Runs `argv` with the terminal as it is, waits for it, and returns its exit status (127: not started).
    private func run(_ argv: [String]) -> Int32 {
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        guard posix_spawn(&pid, argv[0], nil, nil, cArgs, environ) == 0 else { return 127 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
