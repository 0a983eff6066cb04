/// Relative time windows after `in`: `this quarter`, `last 6 months`, `ytd`.
extension Parser {
    /// `this quarter`, `last quarter`, `last 6 months`, `ytd`; nil if the next tokens are not a time window.
    mutating func parseTimeWindow() throws(Failure) -> TimeWindow? {
        let units = ["month", "months", "quarter", "quarters", "year", "years"]
        func unit(_ s: String) -> String { s.hasSuffix("s") ? String(s.dropLast()) : s }
        if current.kind == .identifier && current.text.lowercased() == "ytd" { _ = advance(); return .ytd }
        guard current.kind == .identifier, ["this", "last", "previous"].contains(current.text.lowercased()) else { return nil }
        let word = advance().text.lowercased()
        if word == "last", current.kind == .integer, let n = Int(current.text) {
            _ = advance()
            guard current.kind == .identifier, units.contains(current.text.lowercased()) else {
                throw fail(.expectedTimeUnit, "expected months, quarters or years after `last \(n)`")
            }
            return .lastN(n, unit(advance().text.lowercased()))
        }
        guard current.kind == .identifier, units.contains(current.text.lowercased()) else {
            throw fail(.expectedTimeUnit, "expected month, quarter or year after `\(word)`")
        }
        let u = unit(advance().text.lowercased())
        return word == "this" ? .this(u) : .previous(u)
    }
}
