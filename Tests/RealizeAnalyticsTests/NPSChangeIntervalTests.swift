import RealizeQuery
import RealizeStore
import Testing
@testable import RealizeAnalytics

/// The standard error, p-value and 95 % interval of an NPS change, worked by hand.
@Suite struct NPSChangeIntervalTests {
    /// January: 50 promoters, 30 passives, 20 detractors of 100 → NPS 30,
    ///   SE² = 100² × (0.5 + 0.2 − 0.3²) / 100 = 61, SE = 7.8102.
    /// February: 60, 25, 15 → NPS 45, SE² = 100² × (0.6 + 0.15 − 0.45²) / 100 = 54.75, SE = 7.3993.
    /// Change 15, SE_Δ = √(61 + 54.75) = √115.75 = 10.7587, z = 15 / 10.7587 = 1.3942,
    /// p = 2 (1 − Φ(1.3942)) = 0.1633, 95 % CI = 15 ± 1.959964 × 10.7587 = [−6.0867, 36.0867]: the interval
    /// holds 0, as p > 0.05 says.
    @Test func changeStandardErrorPValueAndInterval() throws {
        var s = npsSession([
            (
                "nps",
                responses([
                    ("A", "2025-01", answers(promoters: 50, passives: 30, detractors: 20)),
                    ("A", "2025-02", answers(promoters: 60, passives: 25, detractors: 15)),
                ])
            )
        ])
        let t = try npsRun("nps by program monthly", &s)
        func second(_ name: String) -> Double? { t.column(named: name)?.value(at: 1).doubleValue }
        #expect(t.column(named: "se_change")?.value(at: 0) == .null)
        #expect(close(second("change"), 15, 1e-9))
        #expect(close(second("se_change"), 10.758717, 1e-6))
        #expect(close(second("z"), 1.394218, 1e-6))
        #expect(close(second("p_value"), 0.163252, 1e-6))
        #expect(close(second("change_low"), -6.086699, 1e-6))
        #expect(close(second("change_high"), 36.086699, 1e-6))
        #expect(t.column(named: "significant")?.value(at: 1) == .bool(false))
        // p = 0.05 exactly at |z| = 1.959964.
        #expect(close(NPSTally.pValue(-1.959964), 0.05, 1e-6))
    }

    /// With `adjusted`, the same from the adjusted-Wald estimates: ñ = 103, P̃ = P + ¾, D̃ = D + ¾.
    /// January: NPS̃ = 100 × (50.75 − 20.75) / 103 = 29.1262; February: 100 × (60.75 − 15.75) / 103 = 43.6893;
    /// change 14.5631; SẼ² = 100² × (p̃ + d̃ − (p̃ − d̃)²) / 103 with p̃ = 50.75/103, d̃ = 20.75/103 → 59.1593,
    /// and p̃ = 60.75/103, d̃ = 15.75/103 → 53.5770; SE_Δ = √112.7363 = 10.6177.
    @Test func adjustedChangeInterval() throws {
        var s = npsSession([
            (
                "nps",
                responses([
                    ("A", "2025-01", answers(promoters: 50, passives: 30, detractors: 20)),
                    ("A", "2025-02", answers(promoters: 60, passives: 25, detractors: 15)),
                ])
            )
        ])
        let t = try npsRun("nps by program monthly adjusted", &s)
        func second(_ name: String) -> Double? { t.column(named: name)?.value(at: 1).doubleValue }
        #expect(close(second("change"), 14.563107, 1e-6))
        #expect(close(second("se_change"), 10.6177, 1e-4))
        #expect(close(second("change_low"), 14.563107 - 1.959964 * 10.6177, 1e-3))
    }
}
