import Glibc

/// CPU time this process has used so far, for `INFO` (a benchmark reads it before and after).
struct ProcessCPU {
    /// Seconds in user mode.
    var user: Double
    /// Seconds in the kernel.
    var system: Double

    static func now() -> ProcessCPU {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return ProcessCPU(
            user: Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6,
            system: Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6)
    }
}
