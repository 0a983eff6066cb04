import RealizeQuery
import RealizeStore

/// `benefits.realized` as exact units at the appraisal's scale, row by row: nil where a row has no amount.
///
/// A decimal column is read in place (``AmountColumn``, no copy; its nulls from the validity words). Any other is
/// converted by ``InputTables/amounts(_:_:scale:)``, which also reads a non-finite double as no amount (twice: once
/// inside ``AmountColumn``, kept only so that the row reader needs no optional). The errors are the same either way.
struct RealizedAmounts {
    private let amounts: AmountColumn
    /// The decimal column's validity words, empty when it has no nulls.
    private let validWords: [UInt64]
    private let isDecimal: Bool
    /// Another column's rows, converted (empty for a decimal column).
    private let converted: [Int128?]

    init(_ c: Column, scale: Int, input: InputTables) throws(QueryError) {
        amounts = try AmountColumn(c, "benefits", scale: scale, input: input)
        if case .decimal = c.storage {
            isDecimal = true
            validWords = c.validity?.words ?? []
            converted = []
        } else {
            isDecimal = false
            validWords = []
            converted = try input.amounts(c, "benefits", scale: scale)
        }
    }

    /// Whether the amounts are read from 64-bit units: then no group's Σ|units| can pass 38 digits
    /// (see ``AmountColumn/isNarrowUnits``).
    var isNarrowUnits: Bool { isDecimal && amounts.isNarrowUnits }

    /// The column's 64-bit units when it is a decimal column stored narrow without nulls (read as a buffer).
    var narrowWithoutNulls: [Int64]? { isDecimal ? amounts.narrowWithoutNulls : nil }

    /// The units of `row`, nil when it is null (or, converted from doubles, not finite).
    @inline(__always) subscript(_ row: Int) -> Int128? { isValid(row) ? units(row) : nil }

    /// Whether `row` has an amount.
    @inline(__always) func isValid(_ row: Int) -> Bool {
        if !isDecimal { return converted[row] != nil }
        return validWords.isEmpty || validWords[row >> 6] & (1 << UInt64(row & 63)) != 0
    }

    /// The units of `row`, which has an amount (``isValid(_:)``).
    @inline(__always) func units(_ row: Int) -> Int128 { isDecimal ? amounts[row] : converted[row] ?? 0 }

    /// The 64-bit units of `row`, which has an amount, when ``isNarrowUnits``.
    @inline(__always) func narrow(_ row: Int) -> Int64 { amounts.narrow(row) }
}
