import RealizeTestSupport
import Testing

@testable import RealizeAnalytics

/// ``MonthlyAmounts/Sums`` sums a month's amounts in row order whether the rows come in month order (appended) or
/// not (a dictionary from the first that goes back): the amounts of a dictionary summed row by row, to the bit, and
/// totals in month order.
@Suite struct MonthlyAmountsTests {
    @Test func sumsAreTheDictionarys() {
        var rng = SeededGenerator(seed: 0x3A1)
        for round in 0..<500 {
            var rows: [(Int32, Double)] = []
            var month = Int32(24_000)
            for _ in 0..<Int.random(in: 0...60, using: &rng) {
                // Mostly ascending with repeats; now and then a step back.
                month += Int32(
                    round % 3 == 0 && Int.random(in: 0..<10, using: &rng) == 0 ? -Int.random(in: 1...5, using: &rng) : Int.random(in: 0...2, using: &rng))
                rows.append((month, Double(Int.random(in: -100_000...100_000, using: &rng)) / 7))
            }
            var sums = MonthlyAmounts.Sums()
            var byMonth: [Int32: Double] = [:]
            for (m, v) in rows {
                sums.add(m, v)
                byMonth[m, default: 0] += v
            }
            let got = sums.amounts, want = MonthlyAmounts(byMonth)
            #expect(got.months == want.months)
            #expect(got.values.map(\.bitPattern) == want.values.map(\.bitPattern))
            let status = month - 3
            let sorted = byMonth.sorted { $0.key < $1.key }
            #expect(got.total(through: status).bitPattern == sorted.filter { $0.key <= status }.reduce(0.0) { $0 + $1.value }.bitPattern)
            #expect(got.total().bitPattern == sorted.reduce(0.0) { $0 + $1.value }.bitPattern)
        }
    }
}
