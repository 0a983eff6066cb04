import RealizeStore
import RealizeTestSupport
import Testing

@testable import RealizeReport

/// The number formatting that writes digits into a buffer against ``CellFormatterReference``, the string-building
/// code it replaced: the same text for every value.
@Suite struct CellFormatterSpeedupTests {
    /// A double drawn to cover every path: zeros, subnormals, tiny, ratios, money-sized, huge, NaN and infinities.
    static func randomDouble(_ rng: inout SeededGenerator) -> Double {
        let v: Double
        switch rng.int(0...13) {
        case 0: v = [0.0, -0.0, .nan, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude][rng.int(0...6)]
        case 1: v = Double(bitPattern: rng.next())
        case 2: v = Double(bitPattern: rng.next() & 0x000F_FFFF_FFFF_FFFF)  // subnormal
        case 3: v = Double.random(in: -1e-6...1e-6, using: &rng)
        case 4: v = Double(rng.int(-1_000_000...1_000_000)) / Double(NumberText.pow10[rng.int(0...6)])
        case 5: v = Double.random(in: -100...100, using: &rng)
        case 6: v = Double.random(in: -1e7...1e7, using: &rng)
        case 7: v = Double.random(in: 1e17...1e20, using: &rng)
        case 8: v = Double(rng.int(-10_000...10_000)) + 0.5 / Double(NumberText.pow10[rng.int(0...8)])
        case 9: v = 9.2e18 * Double.random(in: 0.999...1.001, using: &rng)
        case 10: v = Double(Int64.random(in: .min ... .max, using: &rng))
        case 11: v = Double.random(in: -1...1, using: &rng) * Double(NumberText.pow10[rng.int(0...19)])
        case 12: v = Double.random(in: 0.5...1.5, using: &rng) / Double(NumberText.pow10[rng.int(0...19)])
        default: v = Double(rng.int(-999...999)) / 100
        }
        return rng.chance(0.3) ? -v : v
    }

    @Test func doublesMatchTheReference() {
        var rng = FuzzSeed.generator(default: 0x5EED_D0B1)
        for _ in 0..<200_000 {
            let v = Self.randomDouble(&rng)
            let places = rng.int(0...19)
            let old = CellFormatterReference.double(v, places: places)
            let new = CellFormatter.double(v, places: places)
            #expect(new == old, "seed \(rng.seed): \(v) (\(v.bitPattern)) at \(places) places")
            if new != old { return }
        }
    }

    @Test func hintedDecimalsMatchTheReference() {
        var rng = FuzzSeed.generator(default: 0xDEC1_4A15)
        for _ in 0..<200 {
            let places = rng.int(-2...20)
            let values = (0..<200).map { _ in Self.randomDouble(&rng) }
            let column = Column(name: "x", storage: .double(values), display: .decimals(places))
            let new = CellFormatter.cells(column, rows: Array(values.indices)).map(\.text)
            let old = values.map { CellFormatterReference.hintedDecimals($0, places: places) }
            #expect(new == old, "seed \(rng.seed) at \(places) places")
        }
    }

    @Test func doubleColumnsChooseTheSamePlaces() {
        var rng = FuzzSeed.generator(default: 0x91AC_E5)
        for _ in 0..<2_000 {
            let values = (0..<rng.int(0...30)).map { _ in
                rng.chance(0.5) ? Double(rng.int(-100_000...100_000)) / Double(NumberText.pow10[rng.int(0...5)]) : Self.randomDouble(&rng)
            }
            let places = CellFormatter.decimalPlaces(for: values)
            #expect(places == CellFormatterReference.decimalPlaces(for: values), "seed \(rng.seed): \(values)")
            let column = Column(name: "x", storage: .double(values))
            let new = CellFormatter.cells(column, rows: Array(values.indices)).map(\.text)
            #expect(new == values.map { CellFormatterReference.double($0, places: places) }, "seed \(rng.seed)")
        }
    }

    @Test func integersMatchTheReference() {
        var rng = FuzzSeed.generator(default: 0x1A7E_6E25)
        var values: [Int64] = [0, 1, -1, 999, 1000, -1000, .max, .min, .min + 1]
        for _ in 0..<100_000 {
            let digits = rng.int(1...19)
            let v = Int64.random(in: 0...Int64(min(NumberText.pow10[digits] - 1, UInt64(Int64.max))), using: &rng)
            values.append(rng.chance(0.4) ? -v : v)
        }
        for v in values {
            #expect(CellFormatter.integer(v) == CellFormatterReference.integer(v), "seed \(rng.seed): \(v)")
        }
    }

    @Test func decimalsMatchTheReference() {
        var rng = FuzzSeed.generator(default: 0xDEC1_3A15)
        var cases: [(Int128, Int)] = []
        for scale in 0...FixedDecimal.maxScale {
            for units in [Int128(0), 1, -1, 5, -7, 99, 100, FixedDecimal.maxUnits, -FixedDecimal.maxUnits] {
                cases.append((units, scale))
            }
            cases.append((Int128(UInt64.max), scale))
            cases.append((Int128(UInt64.max) + 1, scale))
            cases.append((-Int128(UInt64.max) - 1, scale))
        }
        for _ in 0..<100_000 {
            let digits = rng.int(1...38)
            let high = Int128(rng.next()) << 64 | Int128(rng.next())
            let units = high.magnitude % UInt128(FixedDecimal.pow10[digits])
            let signed = Int128(units)
            cases.append((rng.chance(0.4) ? -signed : signed, rng.int(0...FixedDecimal.maxScale)))
        }
        for (units, scale) in cases {
            #expect(
                CellFormatter.decimal(units: units, scale: scale) == CellFormatterReference.decimal(units: units, scale: scale),
                "seed \(rng.seed): \(units) at scale \(scale)")
        }
    }
}

/// `Value.formatDouble`, which CSV, JSON and XLSX write doubles with, against the interpolation it used before.
@Suite struct FormatDoubleSpeedupTests {
    @Test func sameTextAsInterpolation() {
        var rng = FuzzSeed.generator(default: 0xF0_4D0B)
        for _ in 0..<100_000 {
            let v = CellFormatterSpeedupTests.randomDouble(&rng)
            let old: String
            if v.isNaN {
                old = "NaN"
            } else if v.isInfinite {
                old = v < 0 ? "-inf" : "inf"
            } else if v == v.rounded(), abs(v) < 1e15 {
                old = String(Int64(v))
            } else {
                old = "\(v)"
            }
            #expect(Value.formatDouble(v) == old, "seed \(rng.seed): \(v.bitPattern)")
        }
    }
}
