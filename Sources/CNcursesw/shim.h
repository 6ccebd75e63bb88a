// Shim that makes the wide-character ncurses API visible to Swift.
//
// Only Sources/NcursesBackend imports this module. Swift cannot call C macros that
// take arguments, and it rejects mutable C globals such as `stdscr` and `COLORS`
// under strict concurrency, so each one we need is wrapped in a `static inline`
// function below.
//
// Keep state out of this header: a `static` variable here (even inside a `static inline`
// function) gets one copy per object file that uses it. The signal flag once lived here and the
// release build ended up with two copies, so signals were ignored; it now lives in the C target
// CSignalTrap, which has exactly one definition.
//
// NOTE: SwiftPM does not notice edits to this header (a system module's headers are not
// checked for changes). After changing it, remove the cached module and the objects built
// against it (`rm -rf .build/*/*/ModuleCache .build/*/*/NcursesBackend.build`, and the same in
// `.build-release`, which the end-to-end tests build), or simply `rm -rf .build .build-release`,
// and build again.
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

#endif
