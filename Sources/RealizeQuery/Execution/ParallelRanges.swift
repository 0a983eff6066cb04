import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits `0..<rows` into a fixed number of contiguous ranges and runs a kernel on each range on its own thread,
/// giving the partial results back in range order, so that a caller that merges them in that order gets the
/// same result whatever the thread timing.
///
/// Kernels that use it merge only exact integers (decimal units, counts, first rows), never doubles, so the
/// result is that of the serial loop bit for bit. Below ``defaultMinRows`` rows (or on one core) the kernel runs
/// once over all rows on the calling thread.
package enum ParallelRanges {
    /// The rows below which a kernel stays on one thread: under ~200K rows, starting a thread costs more than
    /// half the loop saves.
    package static let defaultMinRows = 200_000

    /// At most this many ranges: the cores of the machine, up to 8.
    package static let defaultMaxParts: Int = {
        let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return n > 0 ? min(Int(n), 8) : 1
    }()

    /// Overrides ``defaultMinRows`` and ``defaultMaxParts`` within a task (tests force the parallel path on
    /// small inputs, and several ranges on a one-core machine, with `$override.withValue((1, 3)) { … }`).
    @TaskLocal package static var override: (minRows: Int, parts: Int)? = nil

    /// The contiguous ranges `0..<rows` is split into: one range below the threshold, otherwise as many as
    /// there are cores, their sizes differing by one at most.
    package static func ranges(rows: Int, minRows least: Int = defaultMinRows) -> [Range<Int>] {
        let minRows = override?.minRows ?? least
        let maxParts = override?.parts ?? defaultMaxParts
        guard rows >= max(minRows, 2), maxParts > 1 else { return [0..<rows] }
        let parts = min(maxParts, rows)
        return (0..<parts).map { k in k * rows / parts..<(k + 1) * rows / parts }
    }

    /// `body` run over each range of `ranges(rows:)` (with its index there), concurrently when there are
    /// several; the results in range order.
    ///
    /// - Parameter minRows: the rows below which `body` runs once on the calling thread: a kernel whose row costs
    ///   far more than a scan's (a string hash a dictionary entry) splits sooner.
    /// - Parameter shouldStop: asked before the ranges start; when it says yes, nothing runs and the result is
    ///   nil (the caller then throws its cancellation). Kernels that check Ctrl-C inside their loop do it in
    ///   `body` as the serial loop does.
    /// - Complexity: the work of `body` over all rows, spread over the cores.
    package static func map<R: Sendable>(
        rows: Int, minRows: Int = defaultMinRows, shouldStop: () -> Bool = { false }, _ body: @Sendable (Range<Int>, Int) -> R
    ) -> [R]? {
        if shouldStop() { return nil }
        let parts = ranges(rows: rows, minRows: minRows)
        if parts.count == 1 { return [body(parts[0], 0)] }
        let slots = Slots<R>(count: parts.count)
        DispatchQueue.concurrentPerform(iterations: parts.count) { k in
            slots.put(body(parts[k], k), at: k)
        }
        return slots.results()
    }

    /// The results of the ranges, each written once by the thread that ran it, read after all have finished.
    private final class Slots<R: Sendable>: Sendable {
        private let values: Mutex<[R?]>

        init(count: Int) { values = Mutex([R?](repeating: nil, count: count)) }

        func put(_ value: R, at k: Int) { values.withLock { $0[k] = value } }

        /// Every slot, in order (all are filled once `concurrentPerform` has returned).
        func results() -> [R] { values.withLock { $0.compactMap { $0 } } }
    }
}

/// An output buffer that the ranges of one ``ParallelRanges/map(rows:shouldStop:_:)`` fill at disjoint indices.
///
/// `@unchecked Sendable` because it is a raw pointer: sharing it is safe as long as each range writes only the
/// indices of its own range (no two threads touch one element) and the buffer is read only after `map` has
/// returned (`concurrentPerform` returns after every iteration has finished, which orders their writes before
/// the read). Every use keeps to this.
struct DisjointWrites<T>: @unchecked Sendable {
    /// Nil for an empty buffer, which no range writes.
    let base: UnsafeMutablePointer<T>?

    init(_ buffer: UnsafeMutableBufferPointer<T>) { base = buffer.baseAddress }

    /// Writes element `i` (of trivial type: integers, codes, booleans), which exists.
    @inline(__always) func write(_ i: Int, _ value: T) { base.unsafelyUnwrapped[i] = value }

    /// Reads element `i`, written before by the same range.
    @inline(__always) func read(_ i: Int) -> T { base.unsafelyUnwrapped[i] }
}
