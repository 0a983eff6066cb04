import RealizeStore

/// An aggregate: one value out per group of rows.
///
/// Each case carries its name, arity, signature, one-line help and type rule; the kernel, over typed buffers
/// and a grouping, is in `AggregateFunction+Kernel.swift`.
public enum AggregateFunction: String, CaseIterable, Sendable {
    case sum
    case avg
    case min
    case max
    case count
    case countDistinct = "count_distinct"
    case median
    case percentile
    case stddev
    case first
    case last

    /// The name as written in queries.
    public var name: String { rawValue }

    /// Other names it answers to.
    public var aliases: [String] { self == .avg ? ["mean"] : [] }

    /// How many arguments it takes (`count()` counts rows; percentile's second is a literal fraction).
    public var arity: ClosedRange<Int> {
        switch self {
        case .count: 0...1
        case .percentile: 2...2
        default: 1...1
        }
    }

    /// The call as shown in help.
    public var signature: String {
        switch self {
        case .count: "count([distinct] x)"
        case .percentile: "percentile(x, p)"
        default: "\(name)(x)"
        }
    }

    /// One line for help.
    public var help: String {
        switch self {
        case .sum: "sum of non-null values (exact for money)"
        case .avg: "mean of non-null values (also `mean`)"
        case .min: "smallest value"
        case .max: "largest value"
        case .count: "rows with count(), non-null values with count(x), distinct ones with count(distinct x)"
        case .countDistinct: "distinct non-null values"
        case .median: "middle value (average of the two middle ones)"
        case .percentile: "value at fraction p (0…1) of the sorted values, linear interpolation"
        case .stddev: "sample standard deviation"
        case .first: "first non-null value in row order"
        case .last: "last non-null value in row order"
        }
    }

    /// Whether true/false arguments count as 1/0, so `sum(score >= 9)` counts and `avg(cpi < 1)` is a share.
    var countsBooleans: Bool { self == .sum || self == .avg }

    /// Whether the argument must be a number.
    var needsNumbers: Bool {
        switch self {
        case .sum, .avg, .median, .percentile, .stddev: true
        default: false
        }
    }

    /// The type rule: the argument's type (nil for `count()`) → the result type, or why it does not fit.
    /// `calledAs` is the name written in the query, for the message.
    func resultType(_ t: DataType?, calledAs written: String? = nil) -> Result<DataType, TypeRuleError> {
        if let t, needsNumbers, !t.isNumeric {
            let message = "`\(written ?? name)` needs numbers, but its argument is \(t)"
            return .failure(TypeRuleError(.typeMismatch, message, argument: 0))
        }
        switch self {
        case .count, .countDistinct: return .success(.int)
        case .sum: return .success(t == .double ? .double : (t == .int ? .int : .decimal))
        case .avg, .median, .percentile, .stddev: return .success(.double)
        case .min, .max, .first, .last: return .success(t ?? .int)
        }
    }
}
