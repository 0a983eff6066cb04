/// Choices read from the fuzzer's input, one byte at a time, so that libFuzzer's mutations of the bytes
/// become small changes to the generated case. Past the end of the input every choice is the smallest one.
struct ByteChooser: RandomNumberGenerator {
    private let bytes: [UInt8]
    private var position = 0
    /// SplitMix64 state for ``next()`` past the end of the input.
    private var tail: UInt64 = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The next byte, or 0 past the end.
    mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// Eight bytes, for `shuffled(using:)` and the standard library's other random algorithms; past the end of the
    /// input, a fixed SplitMix64 sequence, since those algorithms reject some values and would loop forever on zeros.
    mutating func next() -> UInt64 {
        if position + 8 <= bytes.count {
            var x: UInt64 = 0
            for _ in 0..<8 { x = x << 8 | UInt64(byte()) }
            return x
        }
        position = bytes.count
        tail &+= 0x9E37_79B9_7F4A_7C15
        var z = tail
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability about `p` over uniform bytes.
    mutating func chance(_ p: Double) -> Bool { Double(byte()) < p * 256 }

    /// A whole number in `r`: one byte for a range of up to 256 values, two otherwise.
    mutating func int(_ r: ClosedRange<Int>) -> Int {
        let span = r.upperBound - r.lowerBound + 1
        let raw = span <= 256 ? Int(byte()) : Int(byte()) << 8 | Int(byte())
        return r.lowerBound + raw % span
    }

    /// An element of a non-empty array.
    mutating func pick<T>(_ a: [T]) -> T { a[int(0...(a.count - 1))] }
}
