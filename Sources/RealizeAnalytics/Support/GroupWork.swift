import Dispatch

/// Per-group work of a domain command, on both cores when there are enough groups.
///
/// Groups are independent once the inputs are read: each result is computed from read-only data into its own
/// slot, and the results come back in group order, so a parallel run gives the same values (and the same first
/// error, which the caller takes in group order) whatever order the threads finished in.
enum GroupWork {
    /// Groups from which the work is split in two: below it, starting a thread costs more than it saves.
    static let parallelGroups = 64

    /// `work(k)` for every `k` in `0..<count`, in order: the first half of the range on one thread and the second
    /// on another when `count` reaches ``parallelGroups``.
    static func map<T>(_ count: Int, _ work: (Int) -> T) -> [T] {
        mapHalves(count) { range in range.map(work) }
    }

    /// `work(range)` over the first and the second half of `0..<count`, on two threads when `count` reaches
    /// ``parallelGroups`` (else once over all of it), the results joined in order: for work that batches its
    /// groups (``IRRBatch``) rather than taking them one at a time.
    static func mapHalves<T>(_ count: Int, _ work: (Range<Int>) -> [T]) -> [T] {
        guard count >= parallelGroups else { return work(0..<count) }
        let half = count / 2
        let slots = UnsafeMutableBufferPointer<[T]>.allocate(capacity: 2)
        slots.initialize(repeating: [])
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        withoutActuallyEscaping(work) { work in
            let shared = Share(work: work, slots: slots)
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                shared.slots[part] = shared.work(part == 0 ? 0..<half : half..<count)
            }
        }
        return slots[0] + slots[1]
    }

    /// The closure and result slots handed to the two threads.
    ///
    /// Unchecked: each thread writes only its own slot, and the closure reads only data that no thread modifies
    /// while ``mapHalves(_:_:)`` runs (the command's inputs, read-only by then); it returns only after both
    /// threads have finished.
    private struct Share<T>: @unchecked Sendable {
        let work: (Range<Int>) -> [T]
        let slots: UnsafeMutableBufferPointer<[T]>
    }
}
