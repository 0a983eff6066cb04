import RealizeStore

/// A window function: one value per row, computed within its partition in window order.
///
/// Each case carries its name, arity, signature, one-line help and type rule; the kernel is in
/// `WindowFunction+Kernel.swift`.
public enum WindowFunction: String, CaseIterable, Sendable {
    case runningSum = "running_sum"
    case lag
    case lead
    case delta
    case pctChange = "pct_change"
    case rollingMean = "rolling_mean"
    case rank
    case rowNumber = "row_number"

    /// The name as written in queries.
    public var name: String { rawValue }

    /// How many arguments it takes; any after the first are positive whole-number literals.
    public var arity: ClosedRange<Int> {
        switch self {
        case .rowNumber: 0...1
        case .lag, .lead: 1...2
        case .rollingMean: 2...2
        default: 1...1
        }
    }

    /// The call as shown in help.
    public var signature: String {
        switch self {
        case .lag, .lead: "\(name)(x[, n])"
        case .rollingMean: "rolling_mean(x, n)"
        case .rowNumber: "row_number()"
        default: "\(name)(x)"
        }
    }

    /// One line for help.
    public var help: String {
        switch self {
        case .runningSum: "cumulative sum in order"
        case .lag: "value n rows earlier (1 by default)"
        case .lead: "value n rows later (1 by default)"
        case .delta: "x minus the previous value"
        case .pctChange: "(x − previous) / previous"
        case .rollingMean: "mean of the last n values"
        case .rank: "1 for the largest (ties share a rank)"
        case .rowNumber: "position within the partition"
        }
    }

    /// Whether the argument must be a number.
    var needsNumbers: Bool {
        switch self {
        case .runningSum, .delta, .pctChange, .rollingMean: true
        default: false
        }
    }

    /// The type rule: the first argument's type (nil when there is none) → the result type, or why it does not fit.
    /// `parameters` counts the literal arguments after the first.
    func resultType(_ t: DataType?, parameters: Int = 0) -> Result<DataType, TypeRuleError> {
        let count = (t == nil ? 0 : 1) + parameters
        if t == nil && self != .rowNumber {
            return .failure(TypeRuleError(.wrongArity, "`\(name)` needs a column or expression"))
        }
        if self == .rollingMean && parameters == 0 {
            let message = "`rolling_mean` takes a value and a window size, e.g. `rolling_mean(actual_cost, 3)`"
            return .failure(TypeRuleError(.wrongArity, message))
        }
        guard arity.contains(count) else { return .failure(.arity(name, arity, got: count)) }
        if let t, needsNumbers, !t.isNumeric {
            return .failure(TypeRuleError(.typeMismatch, "`\(name)` needs numbers, but its argument is \(t)", argument: 0))
        }
        switch self {
        case .rank, .rowNumber: return .success(.int)
        case .pctChange, .rollingMean: return .success(.double)
        default: return .success(t ?? .int)
        }
    }
}

extension WindowCall {
    /// The function's name, as written in queries.
    public var name: String { function?.name ?? aggregate?.function.name ?? "" }
}
