/// Finds the top-level `;` separators in query text, skipping quoted text, comments and brackets.
///
/// Follows the lexer's rules: quotes are `"…"`, `'…'` and `` `…` `` (a doubled quote simply closes
/// and reopens), comments run from `#` or `--` to the end of the line, brackets are `(…)` and `[…]`.
package enum StatementSplitter {
    /// UTF-8 offsets of each `;` outside quotes, comments and brackets.
    ///
    /// - Complexity: O(n) in the length of `text`.
    package static func separatorOffsets(in text: String) -> [Int] {
        var result: [Int] = []
        scan(text) { offset, byte, depth in
            if byte == UInt8(ascii: ";") && depth == 0 { result.append(offset) }
        }
        return result
    }

    /// Whether `text` holds nothing but blanks and comments.
    package static func isBlank(_ text: String) -> Bool {
        var blank = true
        scan(text) { _, byte, _ in
            if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { blank = false }
        }
        return blank
    }

    /// Calls `visit` with each byte outside comments (quoted bytes included, reported with depth -1).
    private static func scan(_ text: String, _ visit: (Int, UInt8, Int) -> Void) {
        var quote: UInt8? = nil
        var inComment = false
        var depth = 0
        var previous: UInt8 = 0
        for (i, c) in text.utf8.enumerated() {
            defer { previous = c }
            if inComment {
                if c == 0x0A { inComment = false }
                continue
            }
            if let q = quote {
                if c == q { quote = nil }
                visit(i, c, -1)
                continue
            }
            switch c {
            case UInt8(ascii: "#"):
                inComment = true
                continue
            case UInt8(ascii: "-") where previous == UInt8(ascii: "-"):
                inComment = true
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"): quote = c
            case UInt8(ascii: "("), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"): depth = max(0, depth - 1)
            default: break
            }
            // A lone `-` is reported only once the next byte shows it does not start a comment.
            if c == UInt8(ascii: "-") { continue }
            if previous == UInt8(ascii: "-") { visit(i - 1, previous, depth) }
            visit(i, c, depth)
        }
        if previous == UInt8(ascii: "-") && quote == nil && !inComment { visit(text.utf8.count - 1, previous, depth) }
    }
}
