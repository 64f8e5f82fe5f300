import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal.
struct ProgressBar {
    private let enabled = isatty(STDERR_FILENO) != 0
    private let started = Date()
    private var lastDraw = Date.distantPast
    let unit: String

    init(unit: String) { self.unit = unit }

    /// Redraws at most ten times a second: `done` of `total`, `items` processed so far.
    mutating func update(done: Int, total: Int, items: Int) {
        guard enabled, Date().timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = Date()
        let elapsed = max(Date().timeIntervalSince(started), 0.001)
        let fraction = total > 0 ? min(Double(done) / Double(total), 1) : 0
        let width = 30
        let filled = Int(fraction * Double(width))
        let rate = Double(items) / elapsed
        let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(String(format: "\r[%@] %3.0f%%  %.0f %@/s  ETA %.0fs ", bar, fraction * 100, rate, unit, eta).data(using: .utf8)!)
    }

    /// Clears the line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write("\r\u{1B}[K".data(using: .utf8)!)
    }
}
