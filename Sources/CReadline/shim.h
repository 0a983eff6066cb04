// The one unsafe island: GNU readline's global state, reached through small inline wrappers.
//
// Swift 6 strict concurrency rejects assigning C globals directly, so every write (and the
// reads the shell needs) goes through a function here. Strings readline keeps are strdup'd
// by the caller. stdio.h must come before readline.h.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>

/// Sets the name readline uses for conditional parsing of ~/.inputrc.
static inline void realize_rl_set_name(const char *name) { rl_readline_name = name; }

/// Stops readline from installing its own SIGINT/SIGTERM/... handlers; the shell handles SIGINT.
static inline void realize_rl_set_catch_signals(int on) { rl_catch_signals = on; }

/// Whether readline handles SIGWINCH (terminal resizes).
static inline void realize_rl_set_catch_sigwinch(int on) { rl_catch_sigwinch = on; }

/// Installs the attempted-completion hook (nil restores filename completion).
static inline void realize_rl_set_attempted_completion(rl_completion_func_t *f) { rl_attempted_completion_function = f; }

/// Marks the current completion attempt as final (no filename completion fallback).
static inline void realize_rl_set_attempted_completion_over(int on) { rl_attempted_completion_over = on; }

/// Characters that separate words for completion. The string must outlive readline's use.
static inline void realize_rl_set_word_break_characters(const char *chars) { rl_completer_word_break_characters = (char *)chars; }

/// The character appended after a unique completion (0 = none).
static inline void realize_rl_set_completion_append_character(int c) { rl_completion_append_character = c; }

/// Copy of the line being edited (caller frees).
static inline char *realize_rl_copy_line_buffer(void) { return strdup(rl_line_buffer ? rl_line_buffer : ""); }

/// The cursor position within the line buffer, in bytes.
static inline int realize_rl_point(void) { return rl_point; }


/// Whether history entries are written with timestamps (keeps multi-line entries whole).
static inline void realize_history_set_write_timestamps(int on) { history_write_timestamps = on; }

/// Whether readline joins lines between timestamps in a history file into one entry.
static inline void realize_history_set_multiline_entries(int on) {
#if defined(RL_READLINE_VERSION) && RL_READLINE_VERSION >= 0x0801
    history_multiline_entries = on;
#else
    (void)on;
#endif
}

/// Number of entries in the history list.
static inline int realize_history_length(void) { return history_length; }

/// Sets the SIGINT handler without SA_RESTART, so a blocking poll() returns EINTR.
static inline int realize_install_sigint(void (*handler)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    return sigaction(SIGINT, &sa, NULL);
}

/// Restores the default SIGINT disposition.
static inline int realize_restore_sigint(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    return sigaction(SIGINT, &sa, NULL);
}

/// The size of the terminal on `fd` (TIOCGWINSZ); returns 0 on success.
static inline int realize_terminal_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return (ws.ws_row > 0 && ws.ws_col > 0) ? 0 : -1;
}
