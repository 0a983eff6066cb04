/// What a cell's number format makes of a number: a plain number, a date, or a year and month.
enum NumberFormatKind: Sendable, Equatable {
    case number, date, period

    /// The built-in formats that show dates or times (ECMA-376 §18.8.30, plus the East Asian ones).
    private static let builtInDates: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// Classifies number format `id`, with its custom `code` when it has one.
    init(id: Int, code: String?) {
        guard let code else {
            self = Self.builtInDates.contains(id) ? .date : .number
            return
        }
        self = Self.classify(code)
    }

    /// Reads a format code: date parts outside quotes, brackets and escapes make it a date
    /// (`yyyy-mm-dd`, `d.m.yy`), year and month without a day a period (`yyyy-mm`, `mmm yyyy`).
    static func classify(_ code: String) -> NumberFormatKind {
        var sawDay = false, sawMonthOrMinute = false, sawYear = false, sawTime = false
        var inQuote = false, inBracket = false, escaped = false
        let section = (code.split(separator: ";", omittingEmptySubsequences: false).first ?? "").lowercased()
        if section == "general" || section == "@" { return .number }
        for ch in section {
            if escaped { escaped = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket { if ch == "]" { inBracket = false }; continue }
            switch ch {
            case "\\", "_", "*": escaped = true
            case "\"": inQuote = true
            case "[": inBracket = true
            case "d": sawDay = true
            case "m": sawMonthOrMinute = true
            case "y": sawYear = true
            case "h", "s": sawTime = true
            default: break
            }
        }
        if sawYear && sawMonthOrMinute && !sawDay && !sawTime { return .period }
        if sawDay || sawYear || (sawMonthOrMinute && !sawTime) || sawTime { return .date }
        return .number
    }
}
