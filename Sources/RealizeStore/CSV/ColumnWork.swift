import Dispatch

/// Runs the per-column work of a CSV read, on both cores for a large file.
///
/// Columns are independent once the tokenizer has found every field: each is inferred and decoded from
/// the same read-only bytes and field index into its own buffers. The outcomes come back in column
/// order whatever order they finished in, so a parallel read gives the same table and the same first
/// error as a serial one.
enum ColumnWork {
    /// What became of one column.
    enum Outcome {
        /// Only planned (a sniff).
        case planned(ColumnPlan)
        case planFailed(FormatInference.Failure)
        case decoded(ColumnPlan, ColumnStorage, Bitmap?)
        case decodeFailed(ColumnPlan, ColumnDecoder.BadRow)
    }

    /// Rows × columns from which the columns are read in parallel: below it, starting threads costs
    /// more than it saves.
    static let parallelCells = 200_000

    /// `work(c)` for every column `c` in `0..<count`, in column order.
    /// - Parameter order: the order in which the columns are started when run in parallel (a permutation of
    ///   `0..<count`; nil for column order). Starting the costliest first keeps a long column from being left
    ///   to one core at the end while the other waits.
    static func run(_ count: Int, parallel: Bool, order: [Int]? = nil, _ work: (Int) -> Outcome) -> [Outcome] {
        guard parallel, count > 1 else { return (0..<count).map(work) }
        let order = order ?? Array(0..<count)
        let slots = UnsafeMutableBufferPointer<Outcome?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        // Each iteration writes only its own slot; the closure and the slots are shared read-only
        // otherwise (the field index and the bytes are not modified during decoding).
        withoutActuallyEscaping(work) { work in
            let shared = UncheckedShare(work: work, slots: slots)
            DispatchQueue.concurrentPerform(iterations: count) { k in
                let c = order[k]
                shared.slots[c] = shared.work(c)
            }
        }
        return slots.map { $0! }
    }

    /// The order in which to start the columns: those `isNumber` says hold plain numbers first (their values
    /// cost the most to decode), then the others, each group in column order.
    static func numbersFirst(_ count: Int, isNumber: (Int) -> Bool) -> [Int] {
        let numbers = (0..<count).filter(isNumber)
        let others = (0..<count).filter { !isNumber($0) }
        return numbers + others
    }

    /// The closure and result slots handed to the worker threads.
    private struct UncheckedShare: @unchecked Sendable {
        let work: (Int) -> Outcome
        let slots: UnsafeMutableBufferPointer<Outcome?>
    }
}
