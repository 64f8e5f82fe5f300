// Starting helper programs with resource limits: the part of HelperProcess that must run
// between fork and exec, where Swift code (which may allocate or take locks) cannot.
#define _GNU_SOURCE
#include "loupe_spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/// Closes every descriptor from 3 up except `keep`; close_range when the kernel has it,
/// else one close per number below `limit`.
static void close_others(int keep, int limit) {
#ifdef SYS_close_range
    int ok = 1;
    if (keep > 3 && syscall(SYS_close_range, 3U, (unsigned)(keep - 1), 0U) != 0) ok = 0;
    if (ok && syscall(SYS_close_range, (unsigned)(keep + 1), ~0U, 0U) == 0) return;
#endif
    for (int fd = 3; fd < limit; fd++) {
        if (fd != keep) close(fd);
    }
}

static void close_pair(int pair[2]) {
    if (pair[0] >= 0) close(pair[0]);
    if (pair[1] >= 0) close(pair[1]);
}

pid_t loupe_spawn(const char *path, char *const argv[], char *const envp[],
                  long long memory_limit, int niceness, int *stdout_read, int *stderr_read) {
    int out[2] = {-1, -1}, err[2] = {-1, -1}, report[2] = {-1, -1};
    int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (null_fd < 0) return -1;
    if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0 || pipe2(report, O_CLOEXEC) != 0) {
        int saved = errno;
        close_pair(out); close_pair(err); close_pair(report); close(null_fd);
        errno = saved;
        return -1;
    }
    struct rlimit files;
    int limit = 65536;
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY && files.rlim_cur < 65536) {
        limit = (int)files.rlim_cur;
    }

    pid_t pid = fork();
    if (pid == 0) {
        // The child: async-signal-safe calls only, until execve.
        setpgid(0, 0);
        if (dup2(null_fd, 0) < 0 || dup2(out[1], 1) < 0 || dup2(err[1], 2) < 0) goto failed;
        close_others(report[1], limit);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        struct sigaction dfl;
        memset(&dfl, 0, sizeof dfl);
        dfl.sa_handler = SIG_DFL;
        sigaction(SIGPIPE, &dfl, NULL);
        struct rlimit no_core = {0, 0};
        setrlimit(RLIMIT_CORE, &no_core);
        if (memory_limit > 0) {
            struct rlimit space = {(rlim_t)memory_limit, (rlim_t)memory_limit};
            if (setrlimit(RLIMIT_AS, &space) != 0) goto failed;
        }
        if (niceness > 0) setpriority(PRIO_PROCESS, 0, niceness);
        execve(path, argv, envp);
    failed:;
        int code = errno;
        ssize_t ignored = write(report[1], &code, sizeof code);
        (void)ignored;
        _exit(127);
    }
    int saved = errno;
    close(null_fd);
    close(out[1]);
    close(err[1]);
    close(report[1]);
    if (pid < 0) {
        close(out[0]); close(err[0]); close(report[0]);
        errno = saved;
        return -1;
    }
    // Also set from here, so that the group exists before the caller may signal it.
    setpgid(pid, pid);
    int code = 0;
    ssize_t got;
    do {
        got = read(report[0], &code, sizeof code);
    } while (got < 0 && errno == EINTR);
    close(report[0]);
    if (got == (ssize_t)sizeof code) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        close(out[0]); close(err[0]);
        errno = code;
        return -1;
    }
    *stdout_read = out[0];
    *stderr_read = err[0];
    return pid;
}

int loupe_pidfd_open(pid_t pid) {
#ifdef SYS_pidfd_open
    return (int)syscall(SYS_pidfd_open, pid, 0);
#else
    (void)pid;
    errno = ENOSYS;
    return -1;
#endif
}
