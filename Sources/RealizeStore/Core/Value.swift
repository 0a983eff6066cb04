/// One scalar value: a literal in a query, a cell read for display, an aggregate's result.
///
/// Not used on the hot path: operators work on whole typed columns.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    case null
    case int(Int64)
    case double(Double)
    case decimal(FixedDecimal)
    case text(String)
    /// Days since 1970-01-01.
    case date(Int32)
    /// `year * 12 + month - 1`.
    case period(Int32)
    case bool(Bool)

    /// The value's type, or nil for null.
    public var type: DataType? {
        switch self {
        case .null: nil
        case .int: .int
        case .double: .double
        case .decimal: .decimal
        case .text: .text
        case .date: .date
        case .period: .period
        case .bool: .bool
        }
    }

    public var isNull: Bool { if case .null = self { true } else { false } }

    /// The value as a double, for numbers.
    public var doubleValue: Double? {
        switch self {
        case .int(let v): Double(v)
        case .double(let v): v
        case .decimal(let d): d.doubleValue
        default: nil
        }
    }

    /// Raw text form: what CSV export writes (ISO dates, exact decimals, no separators); empty for null.
    public var description: String {
        switch self {
        case .null: ""
        case .int(let v): String(v)
        case .double(let v): Value.formatDouble(v)
        case .decimal(let d): d.description
        case .text(let s): s
        case .date(let d): CivilCalendar.formatDate(d)
        case .period(let p): CivilCalendar.formatPeriod(p)
        case .bool(let b): b ? "true" : "false"
        }
    }

    /// Shortest round-tripping text of a double, without an exponent for ordinary magnitudes.
    public static func formatDouble(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        // `description` is the text interpolation writes, without building an interpolation buffer first
        // (about 1,000 instructions a value that way, measured with callgrind).
        return v.description
    }
}
