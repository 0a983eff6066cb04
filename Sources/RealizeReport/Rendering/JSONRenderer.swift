import RealizeStore

/// Writes a result as a JSON array of objects, one per row, keys in column order.
///
/// Numbers are JSON numbers (decimals exactly as ``FixedDecimal/description`` writes them),
/// nulls are `null`, dates and periods are ISO strings. Doubles that JSON cannot hold
/// (NaN, ±infinity) are written as `null`. Every row is written: no capping.
///
/// ```
/// [
///   {"project": "Zürich", "budget": 1234.50, "start": "2024-01-15"},
///   {"project": "São Paulo", "budget": null, "start": null}
/// ]
/// ```
enum JSONRenderer {
    /// The JSON text of `table`, ending with a newline.
    ///
    /// - Complexity: O(rows × columns); each column's storage is switched on once per column.
    static func render(_ table: Table) -> String {
        if table.rowCount == 0 { return "[]\n" }
        let prefixes = table.columns.indices.map { (c) -> String in (c == 0 ? "" : ", ") + quoted(table.columns[c].name) + ": " }
        let values = table.columns.map(literals)
        var out = GridText()
        out.append("[\n")
        for r in 0..<table.rowCount {
            out.append(r == 0 ? "  {" : ",\n  {")
            for c in values.indices {
                out.append(prefixes[c])
                out.append(values[c][r])
            }
            out.append("}")
        }
        out.append("\n]\n")
        return out.string
    }

    /// The JSON literal of every value of `column`.
    static func literals(_ column: Column) -> [String] {
        let validity = column.validity
        func isNull(_ r: Int) -> Bool { validity.map { !$0[r] } ?? false }
        let n = column.count
        switch column.storage {
        case .int(let a):
            return (0..<n).map { isNull($0) ? "null" : String(a[$0]) }
        case .double(let a):
            return (0..<n).map { isNull($0) || !a[$0].isFinite ? "null" : Value.formatDouble(a[$0]) }
        case .decimal(let a, let scale):
            return (0..<n).map { isNull($0) ? "null" : FixedDecimal(units: a[$0], scale: scale).description }
        case .text(let codes, let dictionary):
            let quotedDictionary = dictionary.map(quoted)
            return (0..<n).map { isNull($0) ? "null" : quotedDictionary[Int(codes[$0])] }
        case .date(let a):
            return (0..<n).map { isNull($0) ? "null" : "\"" + CivilCalendar.formatDate(a[$0]) + "\"" }
        case .period(let a):
            return (0..<n).map { isNull($0) ? "null" : "\"" + CivilCalendar.formatPeriod(a[$0]) + "\"" }
        case .bool(let a):
            return (0..<n).map { isNull($0) ? "null" : (a[$0] ? "true" : "false") }
        }
    }

    /// `s` as a JSON string literal: quotes, backslashes and control characters escaped, everything
    /// else (including non-ASCII) kept as UTF-8.
    static func quoted(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16, uppercase: false)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
