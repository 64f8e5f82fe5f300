#ifndef LOUPE_SPAWN_H
#define LOUPE_SPAWN_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` in a new process group, its standard input on
/// /dev/null and its standard output and error on two new pipes, whose reading ends (close on
/// exec) are stored in `*stdout_read` and `*stderr_read`.
///
/// Before `execve` the child lowers its priority to `niceness` (setpriority), caps its
/// address space at `memory_limit` bytes (RLIMIT_AS; none when <= 0), turns off core dumps,
/// unblocks every signal, restores SIGPIPE's default action and closes every other
/// descriptor. Between fork and exec it calls only async-signal-safe system calls.
///
/// Returns the child's pid, or -1 with `errno` set when the pipes, the fork or the exec
/// failed (an exec failure is reported by the child through a close-on-exec pipe, and the
/// child is reaped before returning).
pid_t loupe_spawn(const char *path, char *const argv[], char *const envp[],
                  long long memory_limit, int niceness, int *stdout_read, int *stderr_read);

/// A descriptor that becomes readable when the child `pid` exits (Linux pidfd_open), or -1
/// when the kernel has none.
int loupe_pidfd_open(pid_t pid);

#endif
