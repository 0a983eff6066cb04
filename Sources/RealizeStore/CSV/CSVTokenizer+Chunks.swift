import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The parallel scan: the buffer is cut at row boundaries into chunks that are tokenized on every core,
/// and their offsets are joined in order.
///
/// Where a row ends depends on the quotes before it (a quoted field may hold line breaks), but the cuts
/// need no trust: chunk 0 starts where a serial scan does, and a chunk that scans without error ends
/// exactly with a row (a cut inside a quoted field leaves that field unterminated at the chunk's end,
/// an error), so the next chunk starts where the serial scan would be too. The joined offsets are
/// therefore the serial ones, whatever the cuts. So the first cuts are simply the first line feed past
/// each nominal start (``lineBoundaries(_:from:to:chunks:)``), which reads a few bytes and is right for
/// every file whose quoted fields hold no line break (and every file without quotes). When a chunk
/// fails, a second try cuts where the quotes counted so far are even (``boundaries(_:from:to:chunks:mapping:)``,
/// a parallel pass over the whole buffer); when a chunk fails again (a malformed file), the file is
/// scanned serially, which finds the first error with its exact line, column and message.
extension CSVTokenizer {
    /// Bytes from which a buffer is scanned in chunks: below it, starting threads costs more than it saves.
    static let parallelBytes = 1 << 22

    /// Online processors (at least 1).
    static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// The index found by scanning `lo..<count` in up to `n` chunks, or nil when the buffer cannot be
    /// cut (one chunk only) or a chunk failed with both kinds of cut: the caller then scans it serially.
    /// - Throws: `cancelled` once ``shouldStop`` says so.
    func tokenizeInChunks(_ p: UnsafePointer<UInt8>, from lo: Int, to count: Int, chunks n: Int) throws(CSVError) -> FieldIndex? {
        guard let width = try? scan(p, from: lo, to: count, columns: -1, headerOnly: true).columns else { return nil }
        let lines = Self.lineBoundaries(p, from: lo, to: count, chunks: n)
        if let index = try scanChunks(p, bounds: lines, width: width) { return index }
        let quoted = Self.boundaries(p, from: lo, to: count, chunks: n, mapping: mapping)
        guard quoted != lines else { return nil }  // the same cuts would fail the same way
        return try scanChunks(p, bounds: quoted, width: width)
    }

    /// The index found by scanning the chunks `bounds[k]..<bounds[k + 1]` on every core, or nil when there
    /// is one chunk only or a chunk failed.
    /// - Throws: `cancelled` once ``shouldStop`` says so.
    func scanChunks(_ p: UnsafePointer<UInt8>, bounds: [Int], width: Int) throws(CSVError) -> FieldIndex? {
        let m = bounds.count - 1
        guard m > 1 else { return nil }
        let slots = UnsafeMutablePointer<FieldBuffer?>.allocate(capacity: m)
        let outcomes = UnsafeMutableBufferPointer<ChunkOutcome>.allocate(capacity: m)
        outcomes.initialize(repeating: .failed(nil))
        for k in 0..<m { (slots + k).initialize(to: nil) }
        defer {
            for k in 0..<m { _ = (slots + k).move() }
            slots.deallocate()
            outcomes.deinitialize()
            outcomes.deallocate()
        }
        let shared = ChunkShare(tokenizer: self, p: p, bounds: bounds, width: width, slots: slots, outcomes: outcomes)
        DispatchQueue.concurrentPerform(iterations: m) { k in shared.run(k) }
        var rows = 0, fields = 0, narrow = true
        for outcome in outcomes {
            switch outcome {
            case .failed(let error?) where error.code == .cancelled: throw error
            case .failed: return nil
            case .scanned(let r, let f, let n): (rows, fields, narrow) = (rows + r, fields + f, narrow && n)
            }
        }
        guard var joined = (slots + 0).move() else { return nil }
        (slots + 0).initialize(to: nil)
        if !narrow { joined.widen() }  // a chunk has a row of 64 KiB or more: all chunks keep absolute ends
        joined.reserve(rows: rows - joined.rowCount, fields: fields - joined.fieldCount)
        for k in 1..<m {
            guard var more = (slots + k).move() else { return nil }
            (slots + k).initialize(to: nil)
            if !narrow { more.widen() }
            joined.append(more)
        }
        return FieldIndex(fields: joined)
    }

    /// Where the chunks of `lo..<count` start when no quoted field holds a line break: just past the first
    /// line feed at or after each of `n - 1` evenly spaced offsets; `count` last. Fewer than `n` chunks when
    /// two cuts meet. Reads only the bytes up to each line feed.
    static func lineBoundaries(_ p: UnsafePointer<UInt8>, from lo: Int, to count: Int, chunks n: Int) -> [Int] {
        let size = count - lo
        var bounds = [lo]
        for k in 1..<max(n, 1) {
            var i = lo + size * k / n
            while i < count && p[i] != lf { i += 1 }
            if i + 1 < count && i + 1 > bounds[bounds.count - 1] { bounds.append(i + 1) }
        }
        bounds.append(count)
        return bounds
    }

    /// Where the chunks of `lo..<count` start, and `count` last: each start just past a line feed that the
    /// quotes counted before it put outside a quoted field. Fewer than `n` chunks when two cuts meet.
    /// - Parameter mapping: the bytes' start when they are a mapped file, whose pages are dropped once counted.
    static func boundaries(
        _ p: UnsafePointer<UInt8>, from lo: Int, to count: Int, chunks n: Int, mapping: UnsafePointer<UInt8>? = nil
    ) -> [Int] {
        let size = count - lo
        let nominal = (0...n).map { lo + size * $0 / n }
        // The parity of the quotes of each stretch nominal[k]..<nominal[k + 1], counted in parallel.
        let parities = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: n)
        defer { parities.deallocate() }
        let share = ParityShare(p: p, nominal: nominal, parities: parities, mapping: mapping)
        DispatchQueue.concurrentPerform(iterations: n) { k in share.run(k) }
        var bounds = [lo]
        var odd: UInt8 = 0  // the parity of the quotes before nominal[k]
        for k in 1..<n {
            odd ^= parities[k - 1]
            var i = nominal[k], inQuotes = odd != 0
            while i < count && (inQuotes || p[i] != lf) {
                if p[i] == quote { inQuotes.toggle() }
                i += 1
            }
            if i + 1 < count && i + 1 > bounds[bounds.count - 1] { bounds.append(i + 1) }
        }
        bounds.append(count)
        return bounds
    }

    /// What the quote-counting threads share: each writes only its own parity.
    private struct ParityShare: @unchecked Sendable {
        let p: UnsafePointer<UInt8>
        let nominal: [Int]
        let parities: UnsafeMutableBufferPointer<UInt8>
        let mapping: UnsafePointer<UInt8>?

        /// The parity of stretch `k`, counted 4 MiB at a time when the pages are dropped behind the count.
        func run(_ k: Int) {
            guard let mapping else {
                parities[k] = CSVTokenizer.quoteParity(p, from: nominal[k], to: nominal[k + 1])
                return
            }
            var parity: UInt8 = 0
            var lo = nominal[k]
            while lo < nominal[k + 1] {
                let hi = min(lo + (1 << 22), nominal[k + 1])
                parity ^= CSVTokenizer.quoteParity(p, from: lo, to: hi)
                MappedCSVFile.release(mapping, lo, hi)
                lo = hi
            }
            parities[k] = parity
        }
    }

    /// 1 when bytes `lo..<hi` hold an odd number of double quotes, else 0; eight bytes at a time.
    ///
    /// Each word's quotes become one high bit per byte, and the words are folded by XOR: the parity of
    /// the bits left is that of the quotes (no bit count in the loop, which is slow without POPCNT).
    static func quoteParity(_ p: UnsafePointer<UInt8>, from lo: Int, to hi: Int) -> UInt8 {
        let ones: UInt64 = 0x0101_0101_0101_0101, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, quotes = ones &* UInt64(quote)
        var folded: UInt64 = 0
        var i = lo
        let raw = UnsafeRawPointer(p)
        while i + 8 <= hi {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ quotes  // a quote is now a zero byte
            folded ^= ~(((x & low7) &+ low7) | x | low7)  // the high bit of each zero byte, exactly
            i += 8
        }
        var count = folded.nonzeroBitCount
        while i < hi {
            if p[i] == quote { count &+= 1 }
            i += 1
        }
        return UInt8(count & 1)
    }

    /// What the chunk threads share: the tokenizer and bytes read-only, and each its own slot.
    private struct ChunkShare: @unchecked Sendable {
        let tokenizer: CSVTokenizer
        let p: UnsafePointer<UInt8>
        let bounds: [Int]
        let width: Int
        let slots: UnsafeMutablePointer<FieldBuffer?>
        let outcomes: UnsafeMutableBufferPointer<ChunkOutcome>

        func run(_ k: Int) {
            do throws(CSVError) {
                let fields = try tokenizer.scan(p, from: bounds[k], to: bounds[k + 1], columns: k == 0 ? -1 : width)
                outcomes[k] = .scanned(rows: fields.rowCount, fields: fields.fieldCount, narrow: fields.isNarrow)
                slots[k] = .some(fields)
            } catch {
                outcomes[k] = .failed(error)
            }
        }
    }

    /// How one chunk's scan ended.
    private enum ChunkOutcome {
        case scanned(rows: Int, fields: Int, narrow: Bool)
        /// The scan threw (nil: not run).
        case failed(CSVError?)
    }
}
