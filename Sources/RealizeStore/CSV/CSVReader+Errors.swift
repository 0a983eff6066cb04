/// The reader's errors about values: what a cell should have been, and where it is.
extension CSVReader {
    /// The error for a column whose values do not agree on a format.
    static func planError(
        _ failure: FormatInference.Failure, _ index: FieldIndex, _ p: UnsafePointer<UInt8>, _ file: String, column: Int, name: String
    ) -> CSVError {
        switch failure {
        case .ambiguousDates(let pattern):
            let header = index.span(row: 0, column: column)
            return CSVError(
                file: file, line: FieldContent.line(of: header.start, in: p), column: column + 1,
                message: "cannot tell day from month in the dates of column \(column + 1) (`\(name)`): every value fits both \(pattern)",
                hint: "say which comes first: `dates dmy` (day first) or `dates mdy` (month first), e.g. `.load \(file) dates dmy`",
                code: .ambiguousDates)
        case .misfit(let row, let expected):
            let span = index.span(row: row + 1, column: column)
            let found = FieldContent.quotedForMessage(FieldContent.text(p, span))
            return CSVError(
                file: file, line: FieldContent.line(of: span.start, in: p), column: column + 1,
                message: "expected \(expected) in column \(column + 1) (`\(name)`), found \(found)",
                hint: "the other values of the column are written that way; correct this one, or load the column as text with `types \(name):text`",
                code: .badValue)
        }
    }

    static func valueError(
        _ index: FieldIndex, _ p: UnsafePointer<UInt8>, _ file: String,
        row: Int, column: Int, name: String, plan: ColumnPlan, overridden: Bool, periodYears: ClosedRange<Int>
    ) -> CSVError {
        let type = plan.type
        if plan.number != nil || plan.date != nil {
            let span = index.span(row: row, column: column)
            let what = plan.number.map { "a number written as \($0.sample)" } ?? "a date written as \(plan.formatDescription)"
            return CSVError(
                file: file, line: FieldContent.line(of: span.start, in: p), column: column + 1,
                message: "expected \(what) in column \(column + 1) (`\(name)`), found \(FieldContent.quotedForMessage(FieldContent.text(p, span)))",
                hint: plan.date != nil ? "the value is not a valid date in that format" : nil, code: .badValue)
        }
        let span = index.span(row: row, column: column)
        let found = FieldContent.quotedForMessage(FieldContent.text(p, span))
        let (s, e) = FieldContent.unquoted(p, span)
        if type == .double, let v = FieldParsers.double(p, s, e), !v.isFinite {
            return CSVError(
                file: file, line: FieldContent.line(of: span.start, in: p), column: column + 1,
                message: "expected a finite number in column \(column + 1) (`\(name)`), found \(found)",
                hint: "NaN and infinities are not loaded; leave the field empty for a missing value", code: .badValue)
        }
        if type == .period, FieldParsers.period(p, s, e) != nil {
            return CSVError(
                file: file, line: FieldContent.line(of: span.start, in: p), column: column + 1,
                message: "period \(found) in column \(column + 1) (`\(name)`) is outside the years \(periodYears.lowerBound)–\(periodYears.upperBound)",
                hint: "correct the period, or widen the accepted years with `.set period_range 1800-2300` before loading", code: .badValue)
        }
        let hint: String?
        if overridden {
            hint = "the type of `\(name)` is set to \(type) by a type override; remove it to let the reader infer the type"
        } else if type == .decimal || type == .int || type == .double {
            hint = "numbers are written plainly, without thousands separators or currency signs"
        } else {
            hint = nil
        }
        return CSVError(
            file: file, line: FieldContent.line(of: span.start, in: p), column: column + 1,
            message: "expected \(expectation(type)) in column \(column + 1) (`\(name)`), found \(found)",
            hint: hint, code: .badValue)
    }

    /// What a value of `type` looks like, for messages.
    static func expectation(_ type: DataType) -> String {
        switch type {
        case .int: "an integer"
        case .decimal: "a decimal number"
        case .double: "a number"
        case .date: "a date (YYYY-MM-DD)"
        case .period: "a period (YYYY-MM)"
        case .bool: "true or false"
        case .text: "text"
        }
    }
}
