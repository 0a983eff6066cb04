import RealizeStore
import RealizeTestSupport
import Testing

@testable import RealizeQuery

/// The 64-bit shortcuts of decimal arithmetic give what the 128-bit paths give: a product of 64-bit units (exact in
/// 128 bits, nothing dropped), narrow units to doubles (past 2^53 too), and an int cast to a decimal; with the
/// extremes of `Int64`, nulls and the product scales that do drop digits (which keep the general path).
@Suite struct NarrowUnitsFastPathTests {
    static let extremes: [Int64] = [.min, .min + 1, -(1 << 53) - 1, -(1 << 53), -1, 0, 1, 7, 1 << 53, (1 << 53) + 1, .max - 1, .max]

    /// A vector of the same values as 64-bit units and as 128-bit ones (the general path's form).
    static func forms(_ a: [Int64], scale: Int) -> (narrow: NumericVector, wide: NumericVector) {
        (.decimal(DecimalUnits(narrow: a), scale: scale), .decimal(DecimalUnits(wide: a.map { Int128($0) }), scale: scale))
    }

    /// A decimal column's units at its scale (its scale last).
    static func units(_ c: Column) -> [Int128]? {
        guard case .decimal(let u, let s) = c.storage else { return nil }
        return u.widened + [Int128(s)]
    }

    @Test(arguments: 0..<40) func productsOf64BitUnitsAreTheWideProducts(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        let n = g.int(0...40)
        let x = (0..<n).map { _ in g.chance(0.3) ? g.pick(Self.extremes) : Int64(g.int(-100_000...100_000)) }
        let y = (0..<n).map { _ in g.chance(0.3) ? g.pick(Self.extremes) : Int64(g.int(-100_000...100_000)) }
        var validity = Bitmap(count: n, value: true)
        for i in 0..<n where g.chance(0.2) { validity[i] = false }
        let valid: Bitmap? = g.chance(0.5) ? validity : nil
        // Scales that drop no digit (the shortcut), and 6 + 6 > 8, which drops four (the general path, which may throw).
        for (sa, sb) in [(0, 0), (1, 0), (0, 1), (2, 3), (4, 4), (6, 6)] {
            let (xn, xw) = Self.forms(x, scale: sa)
            let (yn, yw) = Self.forms(y, scale: sb)
            let wide = try? DecimalProduct.multiply(xw, yw, valid: valid, rows: n)
            let narrow = try? DecimalProduct.multiply(xn, yn, valid: valid, rows: n)
            #expect(narrow.flatMap(Self.units) == wide.flatMap(Self.units), "scales \(sa), \(sb)")
            #expect(narrow?.validity == wide?.validity)
            if sa == 0 {
                let ints = try? DecimalProduct.multiply(.int(x), yn, valid: valid, rows: n)
                #expect(ints.flatMap(Self.units) == wide.flatMap(Self.units))
            }
        }
    }

    @Test func narrowUnitsGiveTheDoublesOfWideOnes() {
        for scale in [0, 1, 2, 9, 18] {
            let (narrow, wide) = Self.forms(Self.extremes + [123_456_789, -5, 10_000_000_000], scale: scale)
            #expect(narrow.doubles == wide.doubles, "scale \(scale)")
        }
    }

    @Test func intsCastToDecimalsAreTheirUnitsAtScaleZero() throws {
        let ev = Evaluator(table: Table(columns: [], rowCount: 0), settings: QuerySettings())
        var validity = Bitmap(count: Self.extremes.count, value: true)
        validity[2] = false
        let c = Column(name: "x", storage: .int(Self.extremes), validity: validity)
        let cast = try ev.cast(c, to: .decimal)
        guard case .decimal(let u, let s) = cast.storage else { Issue.record("not a decimal"); return }
        #expect(s == 0 && u.narrow == Self.extremes && cast.validity == validity)
        #expect(
            (0..<c.count).map { cast.value(at: $0) }
                == (0..<c.count).map { i in c.isNull(i) ? .null : .decimal(FixedDecimal(units: Int128(Self.extremes[i]), scale: 0)) })
    }
}
