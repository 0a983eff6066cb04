/// Finds the top-level `;` separators in query text, skipping quoted text and bracketed parts.
package enum StatementSplitter {
    /// UTF-8 offsets of each `;` outside quotes (`"…"`, `'…'`, `` `…` ``) and brackets.
    ///
    /// - Complexity: O(n) in the length of `text`.
    package static func separatorOffsets(in text: String) -> [Int] {
        var result: [Int] = []
        var quote: UInt8? = nil
        var escaped = false
        var depth = 0
        for (i, c) in text.utf8.enumerated() {
            if let q = quote {
                if escaped { escaped = false } else if c == UInt8(ascii: "\\") { escaped = true } else if c == q { quote = nil }
                continue
            }
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"): quote = c
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            case UInt8(ascii: ";") where depth == 0: result.append(i)
            default: break
            }
        }
        return result
    }
}
