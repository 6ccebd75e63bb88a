import CSignalTrap
import Foundation

/// The signal handlers installed while the terminal UI runs, and their removal.
///
/// SIGINT, SIGTERM and SIGHUP only record the signal in a lock-free atomic (the one
/// async-signal-safe thing to do); the event loop polls ``takePending()`` and then
/// shuts down in order. Crash signals (a Swift trap is SIGILL or SIGTRAP) restore
/// the shell's tty modes and screen before the process dies, so a bug in a screen
/// never leaves the user's terminal without echo.
///
/// The handlers and the state they share with the loop are C, in the CSignalTrap
/// target (signal_trap.c): one definition, so the handler and the loop always use
/// the same flag, in debug and release builds alike. (They were once `static` in a
/// header, and the optimiser gave the release build two flags; see docs/reliability.md.)
final class SignalTrap {
    /// The signals that end the UI cleanly; the process then exits with 128 + signal.
    static let interruptSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// The signals a crash raises; they restore the terminal and then kill the process as before.
    static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    private var saved: [(Int32, sigaction)] = []

    /// Installs the handlers; `shellModes` and `resetSequence` are what the crash handler restores.
    init(shellModes: termios?, resetSequence: String) {
        if var modes = shellModes {
            resetSequence.withCString { signal_trap_set_crash_restore(&modes, $0) }
        } else {
            resetSequence.withCString { signal_trap_set_crash_restore(nil, $0) }
        }
        _ = signal_trap_take_pending()
        for sig in Self.interruptSignals {
            var old = sigaction()
            if signal_trap_install_flag_handler(sig, &old) == 0 { saved.append((sig, old)) }
        }
        for sig in Self.crashSignals {
            var old = sigaction()
            if signal_trap_install_crash_handler(sig, &old) == 0 { saved.append((sig, old)) }
        }
    }

    /// The interrupt signal received since the last call, or nil; clears it.
    func takePending() -> Int32? {
        let sig = signal_trap_take_pending()
        return sig == 0 ? nil : sig
    }

    /// Puts back the handlers that were installed before ``init(shellModes:resetSequence:)``.
    func restore() {
        for (sig, old) in saved.reversed() {
            var action = old
            _ = signal_trap_restore_handler(sig, &action)
        }
        saved.removeAll()
        signal_trap_set_crash_restore(nil, nil)
    }
}
