// Signal handling for the terminal UI, and for a file read through a memory mapping: the one
// definition of the state the handlers share with the event loop.
//
// Sources/NcursesBackend (SignalTrap in Signals.swift) uses the interrupt and crash handlers;
// Sources/ActionPlanStore (MappedFile.swift) the SIGBUS handler. The state lives
// in signal_trap.c, not in `static` variables of a header: a header's statics are copied into
// every object file that includes it, and the optimised build once kept two copies of the
// pending-signal flag, so the handler set one and the event loop read the other and Ctrl-C,
// SIGTERM and SIGHUP were ignored (issue 8). A real C target has exactly one copy in any build:
// `nm .build/release/actionplan | grep signal_trap_state` shows a single symbol.
//
// Everything a handler does is async-signal-safe: it stores a lock-free atomic, or calls
// write, tcsetattr, sigaction, raise and _exit.
#ifndef ACTIONPLAN_SIGNAL_TRAP_H
#define ACTIONPLAN_SIGNAL_TRAP_H

#include <signal.h>
#include <termios.h>

/// Installs the flag handler for `sig` (SIGINT, SIGTERM, SIGHUP), saving the previous action in `old`.
///
/// The handler only records `sig` for signal_trap_take_pending. It is installed without
/// SA_RESTART, so a blocking read returns and the event loop notices at once. Returns 0, or -1
/// with errno set.
int signal_trap_install_flag_handler(int sig, struct sigaction *old);

/// Installs the terminal-restoring crash handler for `sig` (SIGSEGV, SIGILL, SIGTRAP, ...),
/// saving the previous action in `old`.
///
/// The handler writes the reset sequence, puts back the shell's tty modes (both as set by
/// signal_trap_set_crash_restore), then re-raises `sig` with its default action, so the process
/// still dies as it would have (and dumps core if it would have). Returns 0, or -1 with errno set.
int signal_trap_install_crash_handler(int sig, struct sigaction *old);

/// Installs, for SIGBUS, a handler that writes `message` (at most 1023 bytes are kept) to standard error and
/// exits with status 2, saving the previous action in `old`.
///
/// For reading a file through a memory mapping (ActionPlanStore's MappedFile): when another program cuts the
/// file short while it is read, touching a page past its new end raises SIGBUS, which would otherwise kill
/// the process without a word. Nothing is being written while a mapping is read, so exiting is safe; the
/// message says what happened. Returns 0, or -1 with errno set.
int signal_trap_install_bus_handler(const char *message, struct sigaction *old);

/// Puts back an action saved by signal_trap_install_flag_handler or signal_trap_install_crash_handler.
int signal_trap_restore_handler(int sig, const struct sigaction *old);

/// The interrupt signal caught since the last call (0 if none), clearing it in the same atomic step.
int signal_trap_take_pending(void);

/// Remembers what the crash handler restores: the shell's tty modes (NULL: leave the modes alone)
/// and the escape sequence that leaves the full-screen UI (NULL or empty: write nothing; at most
/// 255 bytes are kept). Calling it with two NULLs forgets both.
void signal_trap_set_crash_restore(const struct termios *shell_modes, const char *reset);

#endif
