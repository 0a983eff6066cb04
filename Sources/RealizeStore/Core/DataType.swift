/// The logical type of a column or an expression.
public enum DataType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// 64-bit signed integers.
    case int
    /// IEEE-754 doubles.
    case double
    /// Exact fixed-point decimals (money). See ``FixedDecimal``.
    case decimal
    /// UTF-8 text, dictionary-encoded in columns.
    case text
    /// Calendar dates, stored as days since 1970-01-01.
    case date
    /// Year-month periods, stored as months since year 0 (`year * 12 + month - 1`).
    case period
    /// Booleans.
    case bool

    public var description: String { rawValue }

    /// Whether values of this type are numbers (int, double or decimal).
    public var isNumeric: Bool { self == .int || self == .double || self == .decimal }

    /// Parses a type name as a user writes it (`int`, `integer`, `decimal`, `money`, `text`, `string`, …).
    public init?(userName: String) {
        switch userName.lowercased() {
        case "int", "integer", "int64", "bigint": self = .int
        case "double", "float", "real": self = .double
        case "decimal", "money", "numeric": self = .decimal
        case "text", "string", "varchar": self = .text
        case "date": self = .date
        case "period", "month", "yearmonth": self = .period
        case "bool", "boolean": self = .bool
        default: return nil
        }
    }
}
