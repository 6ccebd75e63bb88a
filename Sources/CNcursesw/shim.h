// Shim that makes the wide-character ncurses API visible to Swift.
//
// Only Sources/NcursesBackend imports this module. Swift cannot call C macros that
// take arguments, and it rejects mutable C globals such as `stdscr` and `COLORS`
// under strict concurrency, so each one we need is wrapped in a `static inline`
// function below.
//
// NOTE: SwiftPM does not notice edits to this header. After changing it, remove
// the cached module (`rm -rf .build/*/CNcursesw*`) and build again.
#ifndef ACTIONPLAN_CNCURSESW_SHIM_H
#define ACTIONPLAN_CNCURSESW_SHIM_H

// Without these, ncurses hides cchar_t, get_wch, add_wch and setcchar.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <ncursesw/curses.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

// MARK: - Globals and function-like macros

/// The C standard output stream (Swift 6 rejects the mutable global `stdout`).
static inline FILE *cn_stdout(void) { return stdout; }
/// The C standard input stream.
static inline FILE *cn_stdin(void) { return stdin; }
/// The standard screen of the current SCREEN (after newterm/initscr).
static inline WINDOW *cn_stdscr(void) { return stdscr; }
/// Number of colours the terminal supports (valid after start_color).
static inline int cn_colors(void) { return COLORS; }
/// Number of colour pairs the terminal supports (valid after start_color).
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }

static inline mmask_t cn_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cn_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cn_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t cn_button5_pressed(void) { return BUTTON5_PRESSED; }

/// Columns the C library (and so ncurses) gives a character: -1 if unprintable in this locale.
/// Declared here because <wchar.h> only declares it under _XOPEN_SOURCE.
extern int wcwidth(wchar_t c);
static inline int cn_wcwidth(wchar_t c) { return wcwidth(c); }

/// Number of wide characters a cchar_t holds (one spacing plus combining marks).
static inline int cn_ccharw_max(void) { return CCHARW_MAX; }

// MARK: - Signals
//
// The handlers only store the signal number in a `volatile sig_atomic_t`, which is
// async-signal-safe; the main loop polls it. The state lives in function-local
// statics (Swift does not emit file-scope statics of struct or array type from a
// header). Because everything here is `static`, every Swift object file that uses
// these functions gets its own copy of the state, so install and poll them from
// ONE Swift source file (NcursesBackend/Signals.swift).

/// The state shared by the handlers and the main loop.
struct cn_signal_state {
    volatile sig_atomic_t pending;      // last interrupt signal caught, 0 if none
    struct termios shell_modes;         // tty modes to restore on a crash
    int have_shell_modes;
    char reset[256];                    // escape sequence that leaves the full-screen UI
    size_t reset_length;
};

static inline struct cn_signal_state *cn_state(void) {
    static struct cn_signal_state state;
    return &state;
}

static inline void cn_flag_handler(int sig) { cn_state()->pending = sig; }

/// Installs the flag handler for `sig`, saving the previous action in `old`.
static inline int cn_install_flag_handler(int sig, struct sigaction *old) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = cn_flag_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; // no SA_RESTART: let a blocking read return so the loop notices
    return sigaction(sig, &sa, old);
}

/// Restores an action saved by cn_install_flag_handler or cn_install_crash_handler.
static inline int cn_restore_handler(int sig, const struct sigaction *old) {
    return sigaction(sig, old, NULL);
}

/// The signal number caught since the last call (0 if none); clears the flag.
static inline int cn_take_pending_signal(void) {
    int sig = cn_state()->pending;
    cn_state()->pending = 0;
    return sig;
}

// Crash path: if the program traps (Swift runtime error, SIGSEGV ...), put the tty
// back the way the shell had it before dying. Only async-signal-safe calls
// (write, tcsetattr, sigaction, raise) are used.

/// Remembers the shell's terminal modes and the escape sequence that resets the screen (NULLs forget them).
static inline void cn_set_crash_restore(const struct termios *shell_modes, const char *reset) {
    struct cn_signal_state *st = cn_state();
    st->have_shell_modes = 0;
    if (shell_modes) {
        st->shell_modes = *shell_modes;
        st->have_shell_modes = 1;
    }
    size_t n = reset ? strlen(reset) : 0;
    if (n >= sizeof st->reset) n = sizeof st->reset - 1;
    if (n) memcpy(st->reset, reset, n);
    st->reset[n] = 0;
    st->reset_length = n;
}

static inline void cn_crash_handler(int sig) {
    struct cn_signal_state *st = cn_state();
    if (st->reset_length) {
        ssize_t ignored = write(STDOUT_FILENO, st->reset, st->reset_length);
        (void)ignored;
    }
    if (st->have_shell_modes) tcsetattr(STDIN_FILENO, TCSANOW, &st->shell_modes);
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    raise(sig); // delivered with the default action once this handler returns
}

/// Installs the terminal-restoring crash handler for `sig`, saving the old action.
static inline int cn_install_crash_handler(int sig, struct sigaction *old) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = cn_crash_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;
    return sigaction(sig, &sa, old);
}

#endif
