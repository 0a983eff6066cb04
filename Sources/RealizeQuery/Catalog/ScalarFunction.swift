import RealizeStore

/// A scalar function: one value out per row in.
///
/// Each case carries its name, arity, signature, one-line help and type rule; the kernel, a column at a time,
/// is in `ScalarFunction+Kernel.swift`.
public enum ScalarFunction: String, CaseIterable, Sendable {
    case coalesce
    case nullif
    case abs
    case round
    case lower
    case upper
    case length
    case year
    case quarter
    case month
    case fiscalYear = "fiscal_year"
    case fiscalQuarter = "fiscal_quarter"
    case period
    // Dates and periods (ScalarFunction+Dates.swift).
    case addDays = "add_days"
    case addMonths = "add_months"
    case daysBetween = "days_between"
    case monthsBetween = "months_between"
    case periodOf = "period_of"
    case startOf = "start_of"
    case endOf = "end_of"
    case dateTrunc = "date_trunc"
    // Text (ScalarFunction+Text.swift).
    case substr, left, right, trim, ltrim, rtrim, replace, concat, lpad, rpad, matches
    case splitPart = "split_part"
    // Casts (ScalarFunction+Casts.swift).
    case toInt = "to_int"
    case toDecimal = "to_decimal"
    case toDouble = "to_double"
    case toText = "to_text"
    case toDate = "to_date"
    case toPeriod = "to_period"
    case today

    /// The name as written in queries.
    public var name: String { rawValue }

    /// How many arguments it takes.
    public var arity: ClosedRange<Int> {
        switch self {
        case .coalesce: 1...32
        case .nullif: 2...2
        case .round: 1...2
        case .year, .quarter, .month, .fiscalYear, .fiscalQuarter, .period, .abs, .lower, .upper, .length: 1...1
        default: extendedArity
        }
    }

    /// The call as shown in help.
    public var signature: String {
        switch self {
        case .coalesce: "coalesce(x, y, …)"
        case .nullif: "nullif(a, b)"
        case .round: "round(x[, digits])"
        case .year, .quarter, .month, .fiscalYear, .fiscalQuarter, .period, .abs, .lower, .upper, .length: "\(name)(x)"
        default: extendedSignature
        }
    }

    /// One line for help.
    public var help: String {
        switch self {
        case .coalesce: "first non-null argument"
        case .nullif: "null when a = b, else a"
        case .abs: "absolute value"
        case .round: "rounded half away from zero to digits decimals (0 by default)"
        case .lower: "lower case"
        case .upper: "upper case"
        case .length: "characters in text"
        case .year: "year of a date or period"
        case .quarter: "calendar quarter (1–4)"
        case .month: "month number (1–12)"
        case .fiscalYear: "fiscal year (see .set fiscal_year_start)"
        case .fiscalQuarter: "fiscal quarter (1–4)"
        case .period: "the year-month period of a date"
        default: extendedHelp
        }
    }

    /// The argument that must be a whole-number literal (round's digits), if any.
    var literalArgument: Int? { self == .round ? 1 : nil }

    /// Arguments that must be literals, checked when the query is checked (a unit, a format, a pattern).
    var literalTextArguments: [Int] {
        switch self {
        case .dateTrunc: [0]
        case .matches: [1]
        case .toDate, .toPeriod: [1]
        default: []
        }
    }

    /// Whether every argument is converted to the result type before the kernel runs.
    var convertsArguments: Bool { self == .coalesce || self == .nullif }

    /// The date part a date function reads, if it is one.
    var datePart: DatePart? {
        switch self {
        case .year: .year
        case .quarter: .quarter
        case .month: .month
        case .fiscalYear: .fiscalYear
        case .fiscalQuarter: .fiscalQuarter
        default: nil
        }
    }

    /// The type rule: argument types (nil for an untyped `null`) → the result type, or why they do not fit.
    func resultType(_ args: [DataType?]) -> Result<DataType, TypeRuleError> {
        guard arity.contains(args.count) else { return .failure(.arity(name, arity, got: args.count)) }
        if self == .today { return .success(.date) }
        let first = args[0] ?? .int
        switch self {
        case .coalesce, .nullif:
            var t: DataType? = nil
            for case let a? in args {
                guard let u = t else { t = a; continue }
                if u == a { continue }
                guard u.isNumeric && a.isNumeric else {
                    return .failure(TypeRuleError(.typeMismatch, "values of type \(u) and \(a) cannot be mixed"))
                }
                t = u == .double || a == .double ? .double : .decimal
            }
            return .success(t ?? .int)
        case .abs, .round:
            guard first.isNumeric else { return .failure(TypeRuleError(.typeMismatch, "`\(name)` needs a number")) }
            return .success(first)
        case .lower, .upper, .length:
            if let a = args[0], a != .text {
                return .failure(TypeRuleError(.typeMismatch, "`\(name)` needs text, but this is \(a)", argument: 0))
            }
            return .success(self == .length ? .int : .text)
        case .year, .quarter, .month, .fiscalYear, .fiscalQuarter, .period:
            guard first == .date || first == .period else {
                let what = self == .period ? "a date" : "a date or period"
                return .failure(TypeRuleError(.typeMismatch, "`\(name)` needs \(what)"))
            }
            return .success(self == .period ? .period : .int)
        default:
            return extendedResultType(args)
        }
    }
}
