import RealizeStore
import Testing

@testable import RealizeQuery

/// Issue #10: converting a numeric vector to 64-bit ints for an int result never clamps.
@Suite struct NumericVectorTests {
    @Test func intsRoundDecimalsHalfAwayFromZero() throws {
        #expect(try NumericVector.decimal(DecimalUnits([250, -250, 249, 0]), scale: 2).ints() == [3, -3, 2, 0])
        #expect(try NumericVector.double([2.9, -2.9, .nan]).ints() == [2, -2, 0])
        #expect(try NumericVector.int([Int64.max]).ints() == [Int64.max])
    }

    @Test func intsThatDoNotFitAreAnError() {
        // 2^63 at scale 0, and 10^30 at scale 2: once clamped to Int64.max, now an overflow.
        #expect(throws: NumericOverflow.self) { try NumericVector.decimal(DecimalUnits([Int128(Int64.max) + 1]), scale: 0).ints() }
        #expect(throws: NumericOverflow.self) { try NumericVector.decimal(DecimalUnits([FixedDecimal.pow10[32]]), scale: 2).ints() }
        #expect(throws: NumericOverflow.self) { try NumericVector.double([1e19]).ints() }
    }
}
