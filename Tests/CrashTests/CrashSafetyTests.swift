import Foundation
import Testing

/// Crash safety shown with real processes: `loupe index` and `loupe compact` killed with SIGKILL
/// at random moments, and `loupe index` running out of disk space. The tests run one at a time,
/// since their kill moments are scaled to how fast runs go.
@Suite(.serialized) struct CrashSafetyTests {}

/// How many times each kill test kills a run: `LOUPE_CRASH_RUNS`, else 50 on CI (`CI=true`),
/// else 10.
let crashRuns: Int = {
    let environment = ProcessInfo.processInfo.environment
    if let runs = environment["LOUPE_CRASH_RUNS"].flatMap(Int.init), runs > 0 { return runs }
    return environment["CI"] == "true" ? 50 : 10
}()

/// The seed of a crash test's randomness: `LOUPE_CRASH_SEED` to replay a failure, else new.
let crashSeed: UInt64 = ProcessInfo.processInfo.environment["LOUPE_CRASH_SEED"].flatMap(UInt64.init) ?? .random(in: 1...UInt64.max)

