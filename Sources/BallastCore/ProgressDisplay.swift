import Foundation
import Synchronization

/// A one-line progress display on standard error.
///
/// Drawn only when standard error is a terminal and the command is not quiet; otherwise every
/// call is a no-op, so library code can report progress unconditionally.
public final class ProgressDisplay: Sendable {
    private struct State {
        var label = ""
        var done: Int64 = 0
        var total: Int64 = 0
        var lastDraw: UInt64 = 0
        var drawn = false
    }

    private let enabled: Bool
    private let state = Mutex(State())

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// A display that never draws.
    public static let disabled = ProgressDisplay(enabled: false)

    /// Starts a new task of `total` units (bytes, files…); zero when unknown.
    public func start(_ label: String, total: Int64 = 0) {
        guard enabled else { return }
        state.withLock { state in
            state.label = label
            state.done = 0
            state.total = total
        }
        draw(force: true)
    }

    /// Adds finished units to the current task.
    public func advance(by units: Int64) {
        guard enabled else { return }
        state.withLock { $0.done += units }
        draw(force: false)
    }

    /// Erases the line.
    public func finish() {
        guard enabled else { return }
        let wasDrawn = state.withLock { state in
            defer { state.drawn = false }
            return state.drawn
        }
        if wasDrawn {
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        }
    }

    private func draw(force: Bool) {
        let now = DispatchTime.now().uptimeNanoseconds
        let line: String? = state.withLock { state in
            // At most ten redraws a second keep the terminal cheap.
            guard force || now &- state.lastDraw > 100_000_000 else { return nil }
            state.lastDraw = now
            state.drawn = true
            if state.total > 0 {
                let percent = min(100, Int(state.done * 100 / state.total))
                return
                    "\(state.label) \(percent)% (\(ByteCount.format(state.done)) of \(ByteCount.format(state.total)))"
            }
            return state.done > 0 ? "\(state.label) \(ByteCount.format(state.done))" : state.label
        }
        if let line {
            FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
        }
    }
}
