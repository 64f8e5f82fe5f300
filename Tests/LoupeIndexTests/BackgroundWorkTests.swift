import Dispatch
import Testing
@testable import LoupeIndex

/// Work handed to another thread: asked whether it is done without waiting, and collected.
@Suite struct BackgroundWorkTests {
    struct Failure: Error {}

    @Test func finishedOnlyOnceTheWorkHasRunAndItsResultStays() throws {
        let gate = DispatchSemaphore(value: 0)
        let work = BackgroundWork { () -> Int in
            gate.wait()
            return 7
        }
        #expect(!work.isFinished)
        gate.signal()
        #expect(try work.result() == 7)
        #expect(work.isFinished)
        #expect(try work.result() == 7)
    }

    @Test func anErrorIsRethrownByTheCollector() {
        let work = BackgroundWork { () throws -> Int in throw Failure() }
        #expect(throws: Failure.self) { try work.result() }
        #expect(work.isFinished)
    }
}
