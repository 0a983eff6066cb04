#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Counts of one group's answers to "how likely are you to recommend …" (0–10), and the statistics of its Net Promoter Score.
///
/// Promoters answer 9–10, passives 7–8, detractors 0–6. With p and d the promoters' and detractors' shares of n:
/// - NPS = 100 × (p − d)
/// - SE = 100 × √((p + d − (p − d)²) / n)  (the multinomial variance of a +1 / 0 / −1 score)
/// - margin of error = z × SE, z = 1.959964 (95 %)
/// - adjusted Wald (Rocks 2016; Sauro & Lewis): the same on ñ = n + 3, P̃ = P + ¾, D̃ = D + ¾, which keeps a sensible
///   interval for small samples and for all-promoter or all-detractor groups, where the Wald SE is 0.
///
/// Every statistic is nil (shown as n/a) when there are no respondents: an NPS of nobody is undefined, not 0.
public struct NPSTally: Sendable, Equatable {
    public var promoters = 0
    public var passives = 0
    public var detractors = 0

    /// The two-sided 95 % normal quantile.
    public static let z95 = 1.959964

    public init(promoters: Int = 0, passives: Int = 0, detractors: Int = 0) {
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
    }

    /// Number of respondents.
    public var n: Int { promoters + passives + detractors }

    /// Counts one answer (0–10).
    public mutating func add(score: Int) {
        switch score {
        case 9...: promoters += 1
        case 7...8: passives += 1
        default: detractors += 1
        }
    }

    /// NPS = 100 × (promoters − detractors) / n, from −100 to +100.
    public var nps: Double? { n == 0 ? nil : Self.score(Double(promoters), Double(detractors), Double(n)) }

    /// Wald standard error, in NPS points.
    public var standardError: Double? { n == 0 ? nil : Self.standardError(Double(promoters), Double(detractors), Double(n)) }

    /// Wald 95 % margin of error: z × SE.
    public var marginOfError: Double? { standardError.map { $0 * Self.z95 } }

    /// Adjusted-Wald point estimate: 100 × (P + ¾ − D − ¾) / (n + 3), the centre of the adjusted interval.
    public var adjustedNPS: Double? { n == 0 ? nil : Self.score(Double(promoters) + 0.75, Double(detractors) + 0.75, Double(n) + 3) }

    /// Adjusted-Wald standard error: the Wald formula on n + 3 with ¾ added to promoters and to detractors.
    public var adjustedStandardError: Double? {
        n == 0 ? nil : Self.standardError(Double(promoters) + 0.75, Double(detractors) + 0.75, Double(n) + 3)
    }

    /// Adjusted-Wald 95 % margin of error.
    public var adjustedMarginOfError: Double? { adjustedStandardError.map { $0 * Self.z95 } }

    /// z of a change between two independent scores: Δ / √(SE₁² + SE₂²); nil when either is undefined or both SEs are 0.
    public static func zScore(change: Double?, se1: Double?, se2: Double?) -> Double? {
        guard let change, let se1, let se2 else { return nil }
        let denominator = (se1 * se1 + se2 * se2).squareRoot()
        return denominator > 0 ? change / denominator : nil
    }

    /// The standard error of a change between two independent scores: √(SE₁² + SE₂²), the denominator of z.
    public static func changeStandardError(se1: Double?, se2: Double?) -> Double? {
        guard let se1, let se2 else { return nil }
        return (se1 * se1 + se2 * se2).squareRoot()
    }

    /// The two-sided p-value of z under the normal distribution: 2 (1 − Φ(|z|)) = erfc(|z| / √2).
    public static func pValue(_ z: Double?) -> Double? { z.map { erfc(abs($0) / 2.0.squareRoot()) } }

    /// ``pValue(_:)`` of each z.
    static func pValueColumn(_ z: [Double?]) -> [Double?] { z.map(pValue) }

    /// Whether |z| reaches the 95 % two-sided threshold.
    public static func isSignificant(_ z: Double?) -> Bool? { z.map { abs($0) >= z95 } }

    private static func score(_ p: Double, _ d: Double, _ n: Double) -> Double { 100 * (p - d) / n }

    private static func standardError(_ p: Double, _ d: Double, _ n: Double) -> Double {
        let ps = p / n, ds = d / n
        let variance = ps + ds - (ps - ds) * (ps - ds)
        return 100 * (max(0, variance) / n).squareRoot()
    }
}
