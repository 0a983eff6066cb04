#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A growable array of byte offsets (`UInt32`, or `UInt16` within a row), cheaper to append to than an
/// `Array` in the tokenizer loop.
///
/// It lives in `malloc` memory so that growing and trimming use `realloc`: for a large buffer that
/// remaps the pages instead of copying them, and trimming returns the unused tail. Pages reserved but
/// never written cost no memory.
struct OffsetBuffer<Element: FixedWidthInteger & UnsignedInteger>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = Self.reallocate(nil, self.capacity)
    }

    deinit { free(base) }

    @inline(__always)
    mutating func append(_ offset: Int) {
        if count == capacity { reserve(capacity * 2) }
        base[count] = Element(truncatingIfNeeded: offset)
        count += 1
    }

    /// Appends `n` offsets copied from `source`.
    mutating func append(contentsOf source: UnsafePointer<Element>, count n: Int) {
        reserve(count + n)
        (base + count).update(from: source, count: n)
        count += n
    }

    /// Appends `n` offsets that `fill` writes through the pointer it gets (to `n` uninitialized slots).
    mutating func withUninitialized(_ n: Int, _ fill: (UnsafeMutablePointer<Element>) -> Void) {
        reserve(count + n)
        fill(base + count)
        count += n
    }

    subscript(_ k: Int) -> Int { Int(base[k]) }

    /// The storage, for a bulk pass over the first ``count`` offsets.
    var pointer: UnsafeMutablePointer<Element> { base }

    mutating func removeLast() { count -= 1 }

    /// Room for `n` more offsets: they are written through the pointer, then counted by ``commit(_:)``.
    @inline(__always)
    mutating func space(_ n: Int) -> UnsafeMutablePointer<Element> {
        if count &+ n > capacity { reserve(max(capacity * 2, count + n)) }
        return base + count
    }

    /// Counts `n` offsets written through ``space(_:)``.
    @inline(__always)
    mutating func commit(_ n: Int) { count &+= n }

    /// Makes the capacity at least `n`.
    mutating func reserve(_ n: Int) {
        guard n > capacity else { return }
        base = Self.reallocate(base, n)
        capacity = n
    }

    /// Hands the storage over, trimmed to `count`; the buffer is consumed. Free it with ``release(_:)``.
    consuming func take() -> UnsafeMutablePointer<Element> {
        let trimmed = Self.reallocate(base, max(count, 1))
        discard self
        return trimmed
    }

    /// Frees storage handed over by ``take()``.
    static func release(_ p: UnsafeMutablePointer<Element>) { free(p) }

    /// `realloc`, which only fails when memory is exhausted; as with any allocation in Swift, that ends the process.
    private static func reallocate(_ p: UnsafeMutablePointer<Element>?, _ n: Int) -> UnsafeMutablePointer<Element> {
        guard let raw = realloc(p, n * MemoryLayout<Element>.stride) else {
            preconditionFailure("out of memory for \(n) CSV field offsets")
        }
        return raw.assumingMemoryBound(to: Element.self)
    }
}
