import RealizeTestSupport
import Testing

@testable import RealizeAnalytics

/// ``MonthMap`` behaves as the `[Int32: Double]` it stands for: the same amounts after the same additions (in any
/// month order, growing either way), the same months, iteration in month order, and equality on content.
@Suite struct MonthMapTests {
    @Test func actsAsTheDictionary() {
        var rng = SeededGenerator(seed: 0x3A2)
        for _ in 0..<500 {
            var map = MonthMap(), dict: [Int32: Double] = [:]
            for _ in 0..<Int.random(in: 0...80, using: &rng) {
                let month = Int32(24_000 + Int.random(in: -40...40, using: &rng))
                let v = Double(Int.random(in: -1_000...1_000, using: &rng)) / 3
                map[month, default: 0] += v
                dict[month, default: 0] += v
                #expect(map[month]?.bitPattern == dict[month]?.bitPattern)
            }
            #expect(map.keys == dict.keys.sorted())
            #expect(Array(map).map(\.0) == dict.keys.sorted())
            #expect(Array(map).map(\.1.bitPattern) == dict.keys.sorted().map { dict[$0]!.bitPattern })
            #expect(map[23_000] == nil && map[25_000] == nil)
            var copy = MonthMap()
            for (m, v) in dict.sorted(by: { $0.key > $1.key }) { copy[m, default: 0] = v }
            #expect(copy == map)
        }
        let literal: MonthMap = [24_001: 5, 24_003: 0]
        #expect(literal.keys == [24_001, 24_003] && literal[24_003] == 0 && literal[24_002] == nil)
    }
}
