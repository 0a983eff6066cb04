/// SplitMix64: a tiny deterministic generator, so that a random test is reproducible from its seed alone.
///
/// Every fuzz and property test draws from one of these and names its seed in each failure message;
/// `REALIZE_SEED=N swift test --filter …` replays a failing run (see ``FuzzSeed``).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64
    /// The seed this generator started from.
    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    /// A whole number in `r`.
    public mutating func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &self) }
    /// An element of a non-empty array.
    public mutating func pick<T>(_ a: [T]) -> T { a[int(0...(a.count - 1))] }
}

/// Where fuzz tests get their seed: `REALIZE_SEED` from the environment (to replay a failure), else a fixed
/// default per test, so that CI runs are repeatable; `REALIZE_SEED=random` draws a fresh one.
public enum FuzzSeed {
    /// The seed for a test whose fixed default is `fixed`.
    public static func seed(default fixed: UInt64) -> UInt64 {
        guard let text = environment("REALIZE_SEED") else { return fixed }
        if text == "random" { return UInt64.random(in: 0...UInt64.max) }
        return UInt64(text) ?? fixed
    }

    /// A generator for a test, with its seed.
    public static func generator(default fixed: UInt64) -> SeededGenerator { SeededGenerator(seed: seed(default: fixed)) }

    private static func environment(_ name: String) -> String? {
        guard let p = getenv(name) else { return nil }
        return String(cString: p)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
