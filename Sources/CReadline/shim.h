#ifndef KPICOACH_READLINE_SHIM_H
#define KPICOACH_READLINE_SHIM_H

#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <sys/select.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Readline's configuration lives in mutable C globals; Swift 6 cannot assign them safely,
   so these setters do it on the C side. Use them from one Swift file only. */

static inline void kc_rl_configure(rl_completion_func_t *completer) {
    rl_catch_signals = 0;
    rl_catch_sigwinch = 0;
    rl_readline_name = "kpicoach";
    rl_attempted_completion_function = completer;
    /* Complete the whole line: choices such as "new skill" contain spaces. */
    rl_completer_word_break_characters = (char *)"\t\n";
    rl_variable_bind("completion-ignore-case", "on");
}

/* No space after a completion: a pick may be followed by a comma and the next one. */
static inline void kc_rl_completion_over(void) { rl_attempted_completion_over = 1; rl_completion_append_character = '\0'; }
static inline int kc_rl_line_length(void) { return rl_end; }

/* Flag-setting handlers: the pselect loop decides what Ctrl-C and a resize mean. */
static volatile sig_atomic_t kc_sigint_seen = 0;
static volatile sig_atomic_t kc_sigwinch_seen = 0;
static void kc_on_sigint(int sig) { (void)sig; kc_sigint_seen = 1; }
static void kc_on_sigwinch(int sig) { (void)sig; kc_sigwinch_seen = 1; }

/* Installs the handlers and blocks both signals outside pselect; `waiting` receives the
   mask to use inside pselect (the previous one, with the signals deliverable). */
static inline void kc_signals_install(sigset_t *waiting) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = kc_on_sigint;
    sigaction(SIGINT, &sa, NULL);
    sa.sa_handler = kc_on_sigwinch;
    sigaction(SIGWINCH, &sa, NULL);
    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGWINCH);
    sigprocmask(SIG_BLOCK, &block, waiting);
    sigdelset(waiting, SIGINT);
    sigdelset(waiting, SIGWINCH);
}

static inline int kc_take_sigint(void) { int seen = kc_sigint_seen; kc_sigint_seen = 0; return seen; }
static inline int kc_take_sigwinch(void) { int seen = kc_sigwinch_seen; kc_sigwinch_seen = 0; return seen; }

/* FD_SET is a macro, so the wait lives here. Returns pselect's result. */
static inline int kc_wait_readable(int fd, const sigset_t *waiting) {
    fd_set set;
    FD_ZERO(&set);
    FD_SET(fd, &set);
    return pselect(fd + 1, &set, NULL, NULL, NULL, waiting);
}

#endif
