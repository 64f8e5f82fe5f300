import Foundation
import LoupeExtract
import Synchronization

/// Extracts files on a bounded number of threads and gives the results in the order asked.
///
/// Each thread takes the next file as soon as it is done with one, so a slow file (a large PDF)
/// holds up one thread, not the others. A thread extracts one file at a time, so at most
/// ``threads`` helper programs run at once.
struct ExtractionPool {
    /// Threads extracting at once.
    let threads: Int
    /// Extracts one file: a ``FileExtractor``'s, unless a test stands in another.
    let extract: @Sendable (String) -> FileExtraction

    /// - Parameters:
    ///   - threads: `nil` takes the active processors.
    ///   - extract: `nil` extracts with a ``FileExtractor`` with `options`.
    init(threads: Int?, options: ExtractionOptions, extract: (@Sendable (String) -> FileExtraction)? = nil) {
        self.threads = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
        let extractor = FileExtractor(options: options)
        self.extract = extract ?? { extractor.extract(fileAt: $0) }
    }

    /// The extraction of each file of `paths`, in order.
    func extract(_ paths: [String]) -> [FileExtraction] {
        guard paths.count > 1, threads > 1 else { return paths.map(extract) }
        let results = UnsafeMutableBufferPointer<FileExtraction?>.allocate(capacity: paths.count)
        results.initialize(repeating: nil)
        defer { results.deinitialize().deallocate() }
        let shared = DisjointBuffer(elements: results)
        let next = Atomic<Int>(0)
        let extract = self.extract
        DispatchQueue.concurrentPerform(iterations: min(threads, paths.count)) { _ in
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < paths.count else { return }
                shared.elements[i] = extract(paths[i])
            }
        }
        return results.map { $0! }
    }
}
