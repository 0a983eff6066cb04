/// Terminal display width of text: grapheme clusters, with East Asian wide characters and emoji counting 2.
///
/// Terminals lay text out in cells. `Zürich` written with a combining diaeresis is 7 scalars but
/// 6 cells; `東京` is 2 characters but 4 cells. Columns are padded by this width, never by
/// `String.count` or UTF-8 length, so that non-ASCII names line up.
enum DisplayWidth {
    /// The number of terminal cells `text` occupies.
    ///
    /// - Complexity: O(n) in the length of `text`; pure ASCII takes a fast path.
    static func of(_ text: String) -> Int {
        // Over the contiguous bytes: iterating `text.utf8` cost about 10 instructions a byte (callgrind).
        if let printable = text.utf8.withContiguousStorageIfAvailable(printableASCIICount), let printable {
            return printable
        }
        // Text whose scalars are each a cluster of one cell (a drawn sparkline, a cut cell's `…`, Latin letters
        // with their accents precomposed): one cell a scalar, without finding the clusters.
        if let cells = text.utf8.withContiguousStorageIfAvailable(oneCellScalars) ?? nil { return cells }
        var width = 0
        for ch in text { width += of(ch) }
        return width
    }

    /// The number of cells one grapheme cluster occupies (0, 1 or 2).
    static func of(_ ch: Character) -> Int {
        let scalars = ch.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        // A cluster made only of a zero-width scalar (a stray combining mark, a joiner).
        if scalars.count == 1, isZeroWidth(v) { return 0 }
        if isWide(v) { return 2 }
        if first.properties.isEmojiPresentation { return 2 }
        // Text-style emoji turned into emoji by a variation selector: ❤️.
        if scalars.contains(where: { $0.value == 0xFE0F }), first.properties.isEmoji { return 2 }
        return 1
    }

    /// Cuts `text` so that it occupies at most `width` cells, ending with `…` when anything was cut.
    static func truncate(_ text: String, to width: Int) -> String {
        if of(text) <= width { return text }
        if width <= 0 { return "" }
        var out = ""
        var used = 0
        for ch in text {
            let w = of(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// `text` padded with spaces to `width` cells, on the right (`left`), left (`right`) or both sides (`center`).
    static func pad(_ text: String, to width: Int, _ alignment: Alignment) -> String {
        let gap = max(0, width - of(text))
        switch alignment {
        case .left: return spaced(text, before: 0, after: gap)
        case .right: return spaced(text, before: gap, after: 0)
        case .center: return spaced(text, before: gap / 2, after: gap - gap / 2)
        }
    }

    /// `text` with `before` spaces before it and `after` after it, written into one new string (building the
    /// spaces with `String(repeating:count:)` and joining cost more than the rest of drawing a cell).
    private static func spaced(_ text: String, before: Int, after: Int) -> String {
        if before == 0 && after == 0 { return text }
        let bytes = text.utf8.count
        return String(unsafeUninitializedCapacity: before + bytes + after) { out in
            guard let base = out.baseAddress else { return 0 }
            base.update(repeating: 0x20, count: before)
            var at = before
            for b in text.utf8 {
                base[at] = b
                at += 1
            }
            (base + at).update(repeating: 0x20, count: after)
            return at + after
        }
    }

    /// The number of `bytes` when each is printable ASCII (one cell each), else nil.
    private static func printableASCIICount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for b in bytes where b >= 0x7F || b < 0x20 { return nil }
        return bytes.count
    }

    /// The number of scalars of valid UTF-8 `bytes` when each ``isOneCellAlone(_:)``, else nil.
    private static func oneCellScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0, scalars = 0
        let n = bytes.count
        while i < n {
            let b = UInt32(bytes[i])
            let v: UInt32
            if b < 0x80 {
                v = b
                i += 1
            } else if b < 0xE0, i + 1 < n {
                v = (b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                i += 2
            } else if b < 0xF0, i + 2 < n {
                v = (b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                i += 3
            } else {
                return nil
            }
            guard isOneCellAlone(v) else { return nil }
            scalars += 1
        }
        return scalars
    }

    /// A scalar that is one cell wide and a grapheme cluster of its own whatever is beside it, when every scalar
    /// beside it is one too: printable ASCII, U+00A0…U+02FF (Latin-1 and Latin Extended letters, spacing
    /// modifiers; U+00AD, a format character, is a cluster of its own), box drawing and block elements
    /// (U+2500…U+259F) and `…` (U+2026). None of them is a control but U+00AD, an extending or joining mark, a
    /// prepended mark, a wide or emoji character; ``of(_:)-(Character)`` gives each of them 1.
    static func isOneCellAlone(_ v: UInt32) -> Bool {
        (v >= 0x20 && v < 0x7F) || (v >= 0xA0 && v < 0x300) || (v >= 0x2500 && v <= 0x259F) || v == 0x2026
    }

    private static func isZeroWidth(_ v: UInt32) -> Bool {
        (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) || v == 0x2060 || v == 0xFEFF
            || (0xFE00...0xFE0F).contains(v)
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15, condensed).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
        0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
        0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251,
        0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    private static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        var lo = 0, hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = wideRanges[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }
}

/// Horizontal placement of text within a column.
enum Alignment: Sendable {
    case left, right, center
}
