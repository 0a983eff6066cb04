import Dispatch
import Foundation

/// Decodes fetched blocks into the columns on a second thread while the driver fills the next
/// block, so the driver's work and Realize's overlap.
///
/// There are two sets of bound buffers: the fetching thread fills one (``fill(_:)``, after which it
/// hands the set over with ``decode(set:rows:firstRow:)``) while this decoder appends the other to
/// the column sinks, in block order. Only the fetching thread calls the driver. A decoding error
/// stops the load: the fetching thread sees it at its next ``nextSet()`` and throws it, as the
/// sequential load would have before fetching any further.
///
/// Not shared beyond the one fetching thread and the decoder's own serial queue; the buffer sets and
/// sinks pass between them through the queue and the semaphore, never both at once.
final class ODBCBlockDecoder: @unchecked Sendable {
    /// Buffer sets (each one block per column); a set is either being filled or being decoded.
    let sets: [[ODBCColumnBlock]]
    private var sinks: [ODBCColumnSink]
    private let queue = DispatchQueue(label: "realize.odbc.decode")
    /// Counts the sets free to be filled.
    private let free: DispatchSemaphore
    private let lock = NSLock()
    private var failure: ODBCError? = nil
    private var abandoned = false
    private var next = 0

    /// Two sets of `blockRows`-row buffers for `plans`, and empty sinks.
    init(plans: [ODBCColumnPlan], blockRows: Int, sets count: Int = 2) {
        sets = (0..<count).map { _ in plans.map { ODBCColumnBlock(plan: $0, rows: blockRows) } }
        sinks = plans.map { ODBCColumnSink(plan: $0) }
        free = DispatchSemaphore(value: count)
    }

    deinit {
        for set in sets { for b in set { b.deallocate() } }
    }

    /// The index of the next set to fill, once it is free (its previous block decoded).
    ///
    /// - Throws: the first decoding error, once one has happened.
    func nextSet() throws(ODBCError) -> Int {
        free.wait()
        if let failure = lock.withLock({ failure }) {
            free.signal()
            throw failure
        }
        defer { next = (next + 1) % sets.count }
        return next
    }

    /// Appends the first `rows` rows of set `index` (filled by the fetching thread, rows
    /// `firstRow`… of the result) to the sinks, on the decoder's thread; the set is free again after.
    func decode(set index: Int, rows: Int, firstRow: Int) {
        queue.async { [self] in
            defer { free.signal() }
            guard lock.withLock({ failure == nil && !abandoned }) else { return }
            do throws(ODBCError) {
                for c in sinks.indices {
                    try sets[index][c].append(rows: rows, into: &sinks[c], firstRow: firstRow)
                }
            } catch {
                lock.withLock { if failure == nil { failure = error } }
            }
        }
    }

    /// Gives back the set `nextSet()` returned without handing it to ``decode(set:rows:firstRow:)``
    /// (the fetch found no more rows, or failed).
    func release() { free.signal() }

    /// Waits for every block handed over, then returns the sinks.
    ///
    /// - Throws: the first decoding error.
    func finish() throws(ODBCError) -> [ODBCColumnSink] {
        queue.sync {}
        if let failure = lock.withLock({ failure }) { throw failure }
        return sinks
    }

    /// Stops decoding (the load failed or was cancelled) and waits for the block being decoded, so
    /// the buffers may be freed; returns the first decoding error, which comes before the failure
    /// of a later fetch.
    func abandon() -> ODBCError? {
        lock.withLock { abandoned = true }
        queue.sync {}
        return lock.withLock { failure }
    }
}
