import RealizeStore
import RealizeTestSupport
import Testing

/// Property (seeded): random decimals, from one digit to 38 and at scales 1 to 18, negative and null, written
/// with the CSV writer and read back with the reader, with inferred types, come back equal, scale and all.
@Suite struct DecimalCSVRoundTripTests {
    /// A random number of units with 1 to 38 digits, either sign.
    static func units(_ g: inout SeededGenerator) -> Int128 {
        let digits = Int.random(in: 1...38, using: &g)
        let wide = (UInt128(g.next()) << 64 | UInt128(g.next())) % UInt128(FixedDecimal.pow10[digits])
        let u = Int128(wide)
        return Bool.random(using: &g) ? -u : u
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func decimalsSurviveARoundTrip(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        for _ in 0..<60 {
            let scale = Int.random(in: 1...18, using: &g)
            let rows = Int.random(in: 1...20, using: &g)
            var values: [Value] = (0..<rows).map { _ in
                Int.random(in: 0..<5, using: &g) == 0 ? .null : .decimal(FixedDecimal(units: Self.units(&g), scale: scale))
            }
            // At least one value, and the extremes now and then: 38 nines and the smallest unit, both signs.
            values[0] = .decimal(FixedDecimal(units: Self.units(&g), scale: scale))
            if Bool.random(using: &g) { values.append(.decimal(FixedDecimal(units: -FixedDecimal.maxUnits, scale: scale))) }
            if Bool.random(using: &g) { values.append(.decimal(FixedDecimal(units: 1, scale: scale))) }
            let original = Table(columns: [Column(name: "amount", type: .decimal, values: values)])
            let bytes = CSVWriter.write(original)
            let back = try CSVReader.read(bytes: bytes, sourceName: "decimals.csv")
            back.checkInvariants()
            guard case .decimal(_, let backScale) = back.columns.first?.storage else {
                Issue.record("not read back as decimals: \(String(decoding: bytes, as: UTF8.self))")
                return
            }
            #expect(backScale == scale)
            let difference = TableDiff.firstDifference(back, original)
            #expect(difference == nil, "seed \(seed), scale \(scale):\n\(String(decoding: bytes, as: UTF8.self))")
            if difference != nil { return }
        }
    }
}
