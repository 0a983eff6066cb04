import RealizeStore

/// A binary operator of the language, resolved once from its symbol by the binder.
///
/// Each case carries its symbol, a one-line help and its type rule; the column kernels are in
/// `BinaryOperator+Kernel.swift`.
public enum BinaryOperator: String, CaseIterable, Sendable {
    case and
    case or
    case concat = "||"
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"

    /// The families of operators, which share a type rule and a kernel.
    enum Kind: Sendable {
        case logical, concatenation, comparison, arithmetic
    }

    /// The operator for a symbol as the parser writes it (`==` and `<>` are accepted as `=` and `!=`).
    init?(symbol: String) {
        switch symbol {
        case "==": self = .equal
        case "<>": self = .notEqual
        default: self.init(rawValue: symbol)
        }
    }

    /// The operator as written in queries.
    public var symbol: String { rawValue }

    /// Every operator takes two operands.
    var arity: Int { 2 }

    var kind: Kind {
        switch self {
        case .and, .or: .logical
        case .concat: .concatenation
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: .comparison
        case .add, .subtract, .multiply, .divide, .remainder: .arithmetic
        }
    }

    /// One line for help.
    public var help: String {
        switch self {
        case .and: "true when both are true (SQL three-valued logic)"
        case .or: "true when either is true (SQL three-valued logic)"
        case .concat: "joins two values as text"
        case .equal: "equal"
        case .notEqual: "not equal (also `<>`)"
        case .less: "less than"
        case .lessOrEqual: "less than or equal"
        case .greater: "greater than"
        case .greaterOrEqual: "greater than or equal"
        case .add: "sum of two numbers (exact for money); joins two texts"
        case .subtract: "difference of two numbers"
        case .multiply: "product of two numbers"
        case .divide: "quotient, always a double; division by zero gives null"
        case .remainder: "remainder of a division; by zero gives null"
        }
    }

    /// The type rule: operand types (nil for an untyped `null`) → the result type, or why they do not fit.
    ///
    /// Comparison and arithmetic operands of different numeric types are unified by the binder (which inserts
    /// the conversions); this rule only decides whether they fit and what comes out.
    func resultType(_ l: DataType?, _ r: DataType?) -> Result<DataType, TypeRuleError> {
        switch kind {
        case .logical:
            for (k, t) in [l, r].enumerated() where t != nil && t != .bool {
                return .failure(
                    TypeRuleError(.typeMismatch, "`\(symbol)` needs true/false values, but this is \(t!)", argument: k))
            }
            return .success(.bool)
        case .concatenation:
            return .success(.text)
        case .comparison:
            let (a, b) = (l ?? r ?? .int, r ?? l ?? .int)
            if a == b || (a.isNumeric && b.isNumeric) { return .success(.bool) }
            return .failure(
                TypeRuleError(
                    .typeMismatch, "cannot compare \(a) with \(b)",
                    hint: a == .text || b == .text ? "text literals are written in quotes: 'Active'" : nil))
        case .arithmetic:
            let (a, b) = (l ?? r ?? .int, r ?? l ?? .int)
            guard a.isNumeric, b.isNumeric else {
                let bad = a.isNumeric ? 1 : 0
                return .failure(
                    TypeRuleError(
                        .typeMismatch, "`\(symbol)` needs numbers", argument: bad,
                        hint: (bad == 0 ? a : b) == .text ? "join text with `||`" : nil))
            }
            if self == .divide || a == .double || b == .double { return .success(.double) }
            return .success(a == .decimal || b == .decimal ? .decimal : .int)
        }
    }

    /// For arithmetic, the type both operands are converted to before the kernel runs.
    func operandType(result: DataType) -> DataType { self == .divide ? .double : result }
}
