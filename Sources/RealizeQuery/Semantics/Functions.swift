import RealizeStore

/// The catalogue of functions: aggregates, window functions and scalar functions, with their result types.
public enum Functions {
    public static let aggregates: [String: String] = [
        "sum": "sum of non-null values (exact for money)",
        "avg": "mean of non-null values", "mean": "mean of non-null values",
        "min": "smallest value", "max": "largest value",
        "count": "count(): rows; count(x): non-null values; count(distinct x): distinct non-null values",
        "count_distinct": "distinct non-null values",
        "median": "middle value (average of the two middle ones)",
        "percentile": "percentile(x, p), p in 0…1, linear interpolation",
        "stddev": "sample standard deviation",
        "first": "first non-null value in row order", "last": "last non-null value in row order",
    ]
    public static let windows: [String: String] = [
        "running_sum": "cumulative sum in order", "lag": "lag(x[, n]): value n rows earlier",
        "lead": "lead(x[, n]): value n rows later", "delta": "x minus the previous value",
        "pct_change": "(x − previous) / previous", "rolling_mean": "rolling_mean(x, n): mean of the last n values",
        "rank": "rank(x): 1 for the largest (ties share a rank)", "row_number": "position within the group",
    ]
    public static let scalars: [String: String] = [
        "coalesce": "first non-null argument", "abs": "absolute value", "round": "round(x[, digits])",
        "lower": "lower case", "upper": "upper case", "length": "characters in text",
        "year": "year of a date or period", "quarter": "calendar quarter", "month": "month number",
        "fiscal_year": "fiscal year (see .set fiscal_year_start)", "fiscal_quarter": "fiscal quarter",
        "period": "the year-month period of a date", "nullif": "nullif(a, b): null when a = b",
    ]
    /// Every function name, for completion.
    public static var allNames: [String] { Array(aggregates.keys) + Array(windows.keys) + Array(scalars.keys) }

    /// The result type of an aggregate over an argument of type `t` (nil for count()).
    static func aggregateType(_ name: String, _ t: DataType?) -> DataType {
        switch name {
        case "count", "count_distinct": return .int
        case "sum": return t == .double ? .double : (t == .int ? .int : .decimal)
        case "avg", "mean", "median", "percentile", "stddev": return .double
        default: return t ?? .int
        }
    }
}
