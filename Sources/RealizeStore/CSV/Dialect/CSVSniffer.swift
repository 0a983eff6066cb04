/// Guesses a CSV file's delimiter and decimal separator from its first lines (UTF-8 bytes).
///
/// It looks at a prefix only (64 KiB, at most 200 lines), so it costs next to nothing beside the read.
/// The delimiter is the candidate (`,` `;` tab `|`) that splits the header and every complete line of
/// the prefix into the same number of fields, more than one; a comma wins ties. The decimal separator
/// is `,` when the prefix's numbers say so (`1.234,56`, `12,5`, `1 234,56`) and nothing says `.`.
enum CSVSniffer {
    static let prefixBytes = 65_536
    static let maxLines = 200

    /// The delimiter of the text in `p[s..<e]`.
    static func delimiter(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> UInt8 {
        let end = min(e, s + prefixBytes)
        var best: UInt8 = CSVDialect.delimiters[0]
        var bestCount = 0
        for d in CSVDialect.delimiters {
            let counts = fieldCounts(p, s, end, delimiter: d, complete: end == e)
            guard let header = counts.first, header > 1, counts.allSatisfy({ $0 == header }) else { continue }
            if header > bestCount {
                best = d
                bestCount = header
            }
        }
        if bestCount > 0 { return best }
        // No candidate is consistent (ragged rows): the one splitting the header most.
        for d in CSVDialect.delimiters {
            let header = fieldCounts(p, s, end, delimiter: d, complete: end == e, lines: 1).first ?? 1
            if header > max(bestCount, 1) {
                best = d
                bestCount = header
            }
        }
        return best
    }

    /// Fields per line (quotes respected) for the first lines; the last, cut line is left out unless `complete`.
    private static func fieldCounts(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, delimiter: UInt8, complete: Bool, lines: Int = maxLines) -> [Int] {
        var counts: [Int] = []
        var i = s, fields = 1, inQuotes = false, lineHasContent = false
        while i < e && counts.count < lines {
            let c = p[i]
            if inQuotes {
                if c == 0x22 {
                    if i + 1 < e && p[i + 1] == 0x22 { i += 1 } else { inQuotes = false }
                }
            } else if c == 0x22 {
                inQuotes = true
                lineHasContent = true
            } else if c == delimiter {
                fields += 1
                lineHasContent = true
            } else if c == 0x0A {
                if lineHasContent { counts.append(fields) }
                fields = 1
                lineHasContent = false
            } else if c != 0x0D {
                lineHasContent = true
            }
            i += 1
        }
        if complete && lineHasContent && counts.count < lines { counts.append(fields) }
        return counts
    }

    /// The decimal separator the numbers of `p[s..<e]` (the tokenized prefix of one column) suggest:
    /// +1 for a decimal comma, −1 for a decimal point, 0 when the value cannot tell.
    static func decimalVote(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        var lastDot = -1, lastComma = -1, dots = 0, commas = 0, digits = 0
        var k = s
        while k < e {
            let c = p[k]
            if FieldParsers.isDigit(c) {
                digits += 1
            } else if c == 0x2E {
                dots += 1
                lastDot = k
            } else if c == 0x2C {
                commas += 1
                lastComma = k
            }
            k += 1
        }
        guard digits > 0, dots + commas > 0 else { return 0 }
        guard NumberFormat.scan(p, s, e, decimal: 0x2C) != nil || NumberFormat.scan(p, s, e, decimal: 0x2E) != nil else { return 0 }
        if dots > 0 && commas > 0 { return lastComma > lastDot ? (commas == 1 ? 1 : 0) : (dots == 1 ? -1 : 0) }
        let (count, last) = commas > 0 ? (commas, lastComma) : (dots, lastDot)
        if count > 1 { return commas > 0 ? -1 : 1 }  // repeated: thousands separators
        var after = 0
        k = last + 1
        while k < e && FieldParsers.isDigit(p[k]) { after += 1; k += 1 }
        if after == 3 { return 0 }  // 1.234 or 1,234: either reading
        return commas > 0 ? 1 : -1
    }
}
