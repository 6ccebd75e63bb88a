// The signal state of the terminal UI and its handlers: see include/signal_trap.h.
#include "signal_trap.h"

#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

// A handler may only touch lock-free atomics (C11 7.14.1.1); make sure the flag is one.
_Static_assert(ATOMIC_INT_LOCK_FREE == 2, "the pending-signal flag must be a lock-free atomic");

/// Everything the handlers share with the event loop: one object, defined once, here.
static struct {
    /// The last interrupt signal caught and not yet taken, 0 if none.
    atomic_int pending;
    /// The tty modes the shell had, restored by the crash handler.
    struct termios shell_modes;
    /// Whether shell_modes holds modes to restore.
    volatile sig_atomic_t have_shell_modes;
    /// The escape sequence that leaves the full-screen UI (NUL-terminated).
    char reset[256];
    /// The length of reset, 0 for nothing to write.
    volatile sig_atomic_t reset_length;
    /// What the SIGBUS handler writes (NUL-terminated).
    char bus_message[1024];
    /// The length of bus_message.
    volatile sig_atomic_t bus_message_length;
} signal_trap_state;

/// Records an interrupt signal for the event loop (SIGINT, SIGTERM, SIGHUP).
static void flag_handler(int sig) { atomic_store(&signal_trap_state.pending, sig); }

/// Restores the screen and the shell's tty modes, then dies of `sig` as the process would have.
static void crash_handler(int sig) {
    if (signal_trap_state.reset_length > 0) {
        ssize_t ignored = write(STDOUT_FILENO, signal_trap_state.reset, (size_t)signal_trap_state.reset_length);
        (void)ignored;
    }
    if (signal_trap_state.have_shell_modes) tcsetattr(STDIN_FILENO, TCSANOW, &signal_trap_state.shell_modes);
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    raise(sig);  // delivered with the default action once this handler returns
}

/// Copies the NUL-terminated `text` (NULL: none) into `buffer` of `capacity` bytes, cut to fit, NUL-terminated;
/// returns the length copied.
static size_t copy_text(char *buffer, size_t capacity, const char *text) {
    size_t n = text ? strlen(text) : 0;
    if (n >= capacity) n = capacity - 1;
    if (n) memcpy(buffer, text, n);
    buffer[n] = 0;
    return n;
}

/// Installs `handler` for `sig` with `flags`, saving the previous action in `old`.
static int install(int sig, void (*handler)(int), int flags, struct sigaction *old) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = flags;
    return sigaction(sig, &sa, old);
}

int signal_trap_install_flag_handler(int sig, struct sigaction *old) {
    return install(sig, flag_handler, 0, old);  // no SA_RESTART: let a blocking read return
}

int signal_trap_install_crash_handler(int sig, struct sigaction *old) {
    return install(sig, crash_handler, SA_RESETHAND, old);
}

/// Says that the mapped file was cut short, and exits with status 2 (nothing is being written).
static void bus_handler(int sig) {
    (void)sig;
    ssize_t ignored = write(STDERR_FILENO, signal_trap_state.bus_message, (size_t)signal_trap_state.bus_message_length);
    (void)ignored;
    _exit(2);
}

int signal_trap_install_bus_handler(const char *message, struct sigaction *old) {
    signal_trap_state.bus_message_length = 0;
    atomic_signal_fence(memory_order_seq_cst);
    size_t n = copy_text(signal_trap_state.bus_message, sizeof signal_trap_state.bus_message, message);
    atomic_signal_fence(memory_order_seq_cst);
    signal_trap_state.bus_message_length = (sig_atomic_t)n;
    return install(SIGBUS, bus_handler, 0, old);
}

int signal_trap_restore_handler(int sig, const struct sigaction *old) { return sigaction(sig, old, NULL); }

int signal_trap_take_pending(void) { return atomic_exchange(&signal_trap_state.pending, 0); }

void signal_trap_set_crash_restore(const struct termios *shell_modes, const char *reset) {
    // Disarm first, so a crash while this runs never writes a half-copied sequence or modes.
    signal_trap_state.reset_length = 0;
    signal_trap_state.have_shell_modes = 0;
    atomic_signal_fence(memory_order_seq_cst);
    size_t n = copy_text(signal_trap_state.reset, sizeof signal_trap_state.reset, reset);
    if (shell_modes) signal_trap_state.shell_modes = *shell_modes;
    // Arm only after the copies: a handler runs on this thread, so a compiler fence is the order it needs.
    atomic_signal_fence(memory_order_seq_cst);
    signal_trap_state.have_shell_modes = shell_modes != NULL;
    signal_trap_state.reset_length = (sig_atomic_t)n;
}
