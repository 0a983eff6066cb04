import Foundation
import RealizeStore

/// Arity, signature, help and type rule of the date, text and cast functions (the everyday vocabulary); their
/// kernels are in `ScalarFunction+Dates.swift`, `+Text.swift` and `+Casts.swift`.
extension ScalarFunction {
    var extendedArity: ClosedRange<Int> {
        switch self {
        case .addDays, .addMonths, .daysBetween, .monthsBetween, .dateTrunc, .left, .right, .matches: 2...2
        case .periodOf, .startOf, .endOf, .trim, .ltrim, .rtrim, .toText: 1...1
        case .substr, .lpad, .rpad: 2...3
        case .replace, .splitPart: 3...3
        case .concat: 1...32
        case .today: 0...0
        case .toInt, .toDouble: 1...2
        case .toDecimal, .toDate, .toPeriod: 1...3
        default: 1...1
        }
    }

    var extendedSignature: String {
        switch self {
        case .addDays: "add_days(date, n)"
        case .addMonths: "add_months(date or period, n)"
        case .daysBetween: "days_between(from, to)"
        case .monthsBetween: "months_between(from, to)"
        case .periodOf: "period_of(date)"
        case .startOf: "start_of(period or date)"
        case .endOf: "end_of(period or date)"
        case .dateTrunc: "date_trunc('month'|'quarter'|'year', date or period)"
        case .substr: "substr(text, start[, length])"
        case .left: "left(text, n)"
        case .right: "right(text, n)"
        case .trim, .ltrim, .rtrim: "\(name)(text)"
        case .replace: "replace(text, from, to)"
        case .splitPart: "split_part(text, separator, n)"
        case .concat: "concat(x, y, …)"
        case .lpad, .rpad: "\(name)(text, width[, fill])"
        case .matches: "matches(text, 'regex')"
        case .toInt, .toDouble: "\(name)(x[, strict])"
        case .toDecimal: "to_decimal(x[, scale][, strict])"
        case .toText: "to_text(x)"
        case .toDate: "to_date(text[, 'dd.mm.yyyy'][, strict])"
        case .toPeriod: "to_period(text[, 'mm/yyyy'][, strict])"
        case .today: "today()"
        default: "\(name)(x)"
        }
    }

    var extendedHelp: String {
        switch self {
        case .addDays: "the date n days later (earlier when n < 0); `date + n` does the same"
        case .addMonths: "n months later, clamped to the month's end: add_months(2024-01-31, 1) is 2024-02-29"
        case .daysBetween: "days from `from` to `to` (negative when `to` is earlier); `to - from` for dates"
        case .monthsBetween: "whole months from `from` to `to`; `to - from` for periods"
        case .periodOf: "the year-month period of a date"
        case .startOf: "the first day of a period (or of a date's month)"
        case .endOf: "the last day of a period (or of a date's month)"
        case .dateTrunc: "the start of the month, quarter or year: a date for a date, a period for a period"
        case .substr: "characters from start (1-based) for length characters (to the end without one)"
        case .left: "the first n characters"
        case .right: "the last n characters"
        case .trim: "without leading and trailing spaces"
        case .ltrim: "without leading spaces"
        case .rtrim: "without trailing spaces"
        case .replace: "every `from` replaced by `to`"
        case .splitPart: "the n-th part (1-based) between separators; empty when there is none"
        case .concat: "the values as text, one after another; nulls are skipped (unlike ||, which gives null)"
        case .lpad: "padded on the left to width characters with fill (a space by default)"
        case .rpad: "padded on the right to width characters with fill (a space by default)"
        case .matches: "whether the text matches the regular expression (checked when the query is checked)"
        case .toInt: "a whole number, from text (' 12 ', '1e3'), a number without a fraction, or true/false"
        case .toDecimal: "an exact decimal, from text or a number (at scale digits when given)"
        case .toDouble: "a double, from text or a number"
        case .toText: "the value as text, as the table shows it without grouping"
        case .toDate: "a date from text, ISO by default or in the format given (dd, mm, yyyy, mon)"
        case .toPeriod: "a period from text, YYYY-MM by default or in the format given; a date's month"
        case .today: "today's date, or the one fixed with `.set today` (`this month` is its period)"
        default: ""
        }
    }

    /// Whether this function is a cast (a value that does not convert is null, and counted in a warning).
    var isCast: Bool { [.toInt, .toDecimal, .toDouble, .toText, .toDate, .toPeriod].contains(self) }

    func extendedResultType(_ args: [DataType?]) -> Result<DataType, TypeRuleError> {
        func need(_ k: Int, _ types: [DataType], _ what: String) -> TypeRuleError? {
            guard k < args.count, let t = args[k], !types.contains(t) else { return nil }
            return TypeRuleError(.typeMismatch, "`\(name)` needs \(what) here, but this is \(t)", argument: k)
        }
        let dateOrPeriod: [DataType] = [.date, .period]
        var problem: TypeRuleError? = nil
        let result: DataType
        switch self {
        case .addDays:
            problem = need(0, [.date], "a date") ?? need(1, [.int], "a whole number of days")
            result = .date
        case .addMonths:
            problem = need(0, dateOrPeriod, "a date or period") ?? need(1, [.int], "a whole number of months")
            result = args[0] ?? .date
        case .daysBetween:
            problem = need(0, [.date], "a date") ?? need(1, [.date], "a date")
            result = .int
        case .monthsBetween:
            problem = need(0, dateOrPeriod, "a date or period") ?? need(1, dateOrPeriod, "a date or period")
            if problem == nil, let a = args[0], let b = args[1], a != b {
                problem = TypeRuleError(.typeMismatch, "`months_between` needs two dates or two periods, not \(a) and \(b)")
            }
            result = .int
        case .periodOf:
            problem = need(0, [.date, .period], "a date")
            result = .period
        case .startOf, .endOf:
            problem = need(0, dateOrPeriod, "a period or date")
            result = .date
        case .dateTrunc:
            problem = need(0, [.text], "a unit: 'month', 'quarter' or 'year'") ?? need(1, dateOrPeriod, "a date or period")
            result = args.count > 1 ? args[1] ?? .date : .date
        case .substr, .left, .right, .lpad, .rpad:
            problem =
                need(0, [.text], "text") ?? need(1, [.int], "a whole number")
                ?? (self == .substr ? need(2, [.int], "a whole number") : need(2, [.text], "text"))
            result = .text
        case .trim, .ltrim, .rtrim:
            problem = need(0, [.text], "text")
            result = .text
        case .replace:
            problem = need(0, [.text], "text") ?? need(1, [.text], "text") ?? need(2, [.text], "text")
            result = .text
        case .splitPart:
            problem = need(0, [.text], "text") ?? need(1, [.text], "a separator") ?? need(2, [.int], "a whole number")
            result = .text
        case .concat, .toText:
            result = .text
        case .matches:
            problem = need(0, [.text], "text") ?? need(1, [.text], "a regular expression in quotes")
            result = .bool
        case .toInt, .toDouble:
            problem = need(0, [.text, .int, .decimal, .double, .bool], "text or a number")
            result = self == .toInt ? .int : .double
        case .toDecimal:
            problem = need(0, [.text, .int, .decimal, .double], "text or a number")
            result = .decimal
        case .toDate:
            problem = need(0, [.text, .date], "text") ?? need(1, [.text], "a format in quotes")
            result = .date
        case .toPeriod:
            problem = need(0, [.text, .date, .period], "text or a date") ?? need(1, [.text], "a format in quotes")
            result = .period
        default:
            result = .text
        }
        return problem.map { .failure($0) } ?? .success(result)
    }
}
