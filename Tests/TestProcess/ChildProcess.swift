import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program the tests start (the built `actionplan`, tmux, git, Chromium, a shell loop), with a deadline.
///
/// Why not Foundation's `Process`: on Linux it learns that a child has exited when a socket it
/// hands the child reaches end-of-file, so a daemon the child leaves behind (the tmux server that
/// the first `tmux new-session` starts, a browser helper) keeps `waitUntilExit()` waiting forever,
/// even though the child itself is a zombie. That hung CI, which starts with no tmux server. Here
/// the child is reaped with `waitpid`, so only the child itself is waited for, and never past a
/// deadline: on time-out its whole process group is killed and the result says so.
///
/// Standard input is `/dev/null`; standard output and error go to temporary files, not pipes,
/// so neither a full pipe nor a grandchild holding a pipe open can block the test.
public final class ChildProcess: @unchecked Sendable {
    /// The child's process ID (also its process group ID).
    public let pid: pid_t
    /// What was started, for messages.
    public let commandLine: String
    private let outPath: String
    private let errPath: String
    private var finished: ProcessOutcome?

    /// Starts `executable` (a path, or a name looked up on `PATH`) with `arguments`.
    ///
    /// - Parameter environment: the child's whole environment; nil passes this process's on.
    public init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws {
        commandLine = ([executable] + arguments).joined(separator: " ")
        let base = NSTemporaryDirectory() + "actionplan-child-\(getpid())-\(UUID().uuidString)"
        outPath = base + ".out"
        errPath = base + ".err"

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group, so a time-out kills what it started too; default signal handling
        // (the test process ignores SIGPIPE, which a shell loop or git must not inherit).
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGCHLD)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = [executable] + arguments
        var child: pid_t = 0
        let rc = Self.withCStrings(argv) { cArgv in
            Self.withCStrings(env) { cEnv in posix_spawnp(&child, executable, &actions, &attributes, cArgv, cEnv) }
        }
        guard rc == 0 else {
            unlink(outPath)
            unlink(errPath)
            throw ChildProcessError(message: "cannot start \(commandLine): \(String(cString: strerror(rc)))")
        }
        pid = child
    }

    deinit {
        if finished == nil {
            kill(-pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        unlink(outPath)
        unlink(errPath)
    }

    /// Sends `signal` to the child alone.
    public func send(_ signal: Int32) { if finished == nil { kill(pid, signal) } }

    /// Waits for the child to end, at most `timeout` seconds; past that, kills its process group
    /// and returns an outcome with `timedOut` set.
    @discardableResult
    public func wait(timeout: Double = 120) -> ProcessOutcome {
        if let finished { return finished }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        var timedOut = false
        var pause: UInt32 = 1_000
        var usage = rusage()
        while true {
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            if r < 0 && errno != EINTR { break }
            if Date() >= deadline {
                timedOut = true
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
                while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
                break
            }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
        // WIFEXITED / WTERMSIG are macros Swift cannot see: decode the wait status by hand.
        let signal = status & 0x7f
        let outcome = ProcessOutcome(
            commandLine: commandLine,
            status: signal == 0 ? (status >> 8) & 0xff : 128 + signal,
            signal: signal == 0 ? nil : signal,
            stdout: Self.read(outPath), stderr: Self.read(errPath), timedOut: timedOut,
            cpuSeconds: Self.seconds(usage.ru_utime) + Self.seconds(usage.ru_stime))
        finished = outcome
        return outcome
    }

    /// Runs `executable` to the end (at most `timeout` seconds) and returns what it did.
    @discardableResult
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, timeout: Double = 120
    ) throws -> ProcessOutcome {
        try ChildProcess(executable, arguments, environment: environment).wait(timeout: timeout)
    }

    private static func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }

    private static func read(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }

    /// Calls `body` with a NULL-terminated C array of `strings`.
    private static func withCStrings<R>(
        _ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R
    ) -> R {
        let c = strings.map { strdup($0) } + [nil]
        defer { for s in c { free(s) } }
        return body(c)
    }
}

/// How a ``ChildProcess`` ended and what it printed.
public struct ProcessOutcome: Sendable {
    /// The command, for messages.
    public var commandLine: String
    /// The exit status, or 128 + the signal that ended it (as a shell reports it).
    public var status: Int32
    /// The signal that ended it, if one did.
    public var signal: Int32?
    /// Everything it wrote to standard output.
    public var stdout: String
    /// Everything it wrote to standard error.
    public var stderr: String
    /// True when it ran past its deadline and was killed.
    public var timedOut: Bool
    /// The processor time it used (user and system), in seconds: tells waiting from spinning.
    public var cpuSeconds: Double = 0
}

/// A child process that could not be started.
public struct ChildProcessError: Error, CustomStringConvertible {
    /// What failed and why.
    public var message: String
    /// The message.
    public var description: String { message }
}
