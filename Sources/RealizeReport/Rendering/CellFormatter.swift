import RealizeStore

/// One formatted cell: its text and how it should look.
struct Cell: Sendable, Equatable {
    /// What the cell shows; never contains control characters.
    var text: String
    var style: Style

    enum Style: Sendable, Equatable {
        case plain
        /// A number below zero: red when colour is on.
        case negative
        /// No value: shown as `n/a`, dimmed when colour is on.
        case null
    }

    static let null = Cell(text: CellFormatter.nullText, style: .null)
}

/// Turns column values into text for people: thousands separators, two-decimal money, ISO dates, `n/a`.
///
/// Formatting is done a column at a time: the storage is switched on once, then the typed
/// buffer is read in a loop. Used by the table, Markdown and HTML formats; CSV, JSON and XLSX write raw values.
enum CellFormatter {
    /// What a null looks like: the domain calls undefined values "n/a".
    static let nullText = "n/a"

    /// How a column of `type` is aligned: numbers to the right, everything else to the left.
    static func alignment(of type: DataType) -> Alignment { type.isNumeric ? .right : .left }

    /// Formats the cells of `column` at `rows`, in that order, following the column's ``DisplayHint``
    /// (decimals, sparkline, profile bar) when it has one.
    ///
    /// - Parameters:
    ///   - column: the column to format.
    ///   - rows: the rows to format, in order.
    ///   - table: the table the column belongs to (a profile bar reads its target from it).
    /// - Complexity: O(rows.count); doubles take a second pass to choose a common precision.
    static func cells(_ column: Column, rows: [Int], in table: Table? = nil) -> [Cell] {
        if let hinted = hinted(column, rows: rows, in: table) { return hinted }
        var out: [Cell] = []
        out.reserveCapacity(rows.count)
        let validity = column.validity
        func isNull(_ r: Int) -> Bool { validity.map { !$0[r] } ?? false }
        switch column.storage {
        case .int(let a):
            for r in rows { out.append(isNull(r) ? .null : number(integer(a[r]), negative: a[r] < 0)) }
        case .decimal(let a, let scale):
            for r in rows { out.append(isNull(r) ? .null : number(decimal(units: a[r], scale: scale), negative: a[r] < 0)) }
        case .double(let a):
            var live: [Double] = []
            for r in rows where !isNull(r) { live.append(a[r]) }
            let places = decimalPlaces(for: live)
            for r in rows {
                if isNull(r) { out.append(.null); continue }
                let text = double(a[r], places: places)
                out.append(number(text, negative: text.utf8.first == UInt8(ascii: "-")))
            }
        case .text(let codes, let dictionary):
            // Each distinct text is made printable once. The cache is an array by code (hashing a code cost more
            // than the rest of the cell), unless the dictionary is much larger than the rows shown.
            if dictionary.count <= 4 * rows.count + 64 {
                var cache = [String?](repeating: nil, count: dictionary.count)
                for r in rows {
                    if isNull(r) { out.append(.null); continue }
                    let code = Int(codes[r])
                    if let t = cache[code] { out.append(Cell(text: t, style: .plain)); continue }
                    let t = printable(dictionary[code])
                    cache[code] = t
                    out.append(Cell(text: t, style: .plain))
                }
            } else {
                for r in rows { out.append(isNull(r) ? .null : Cell(text: printable(dictionary[Int(codes[r])]), style: .plain)) }
            }
        case .date(let a):
            for r in rows { out.append(isNull(r) ? .null : Cell(text: CivilCalendar.formatDate(a[r]), style: .plain)) }
        case .period(let a):
            for r in rows { out.append(isNull(r) ? .null : Cell(text: CivilCalendar.formatPeriod(a[r]), style: .plain)) }
        case .bool(let a):
            for r in rows { out.append(isNull(r) ? .null : Cell(text: a[r] ? "true" : "false", style: .plain)) }
        }
        return out
    }

    private static func number(_ text: String, negative: Bool) -> Cell {
        Cell(text: text, style: negative ? .negative : .plain)
    }

    // MARK: Numbers

    /// `1234567` → `1,234,567`; `-5` → `-5`.
    static func integer(_ v: Int64) -> String {
        NumberText.fixed(negative: v < 0, whole: v.magnitude, fraction: 0, places: 0)
    }

    /// Money: at least two decimals (`1,234.50`), or the value's own scale when it is larger.
    static func decimal(units: Int128, scale: Int) -> String {
        let mag = units.magnitude
        let shown = max(2, scale)
        // The scale is 0...18, so the decimals fit in 64 bits, and so does 10^shown.
        let whole: UInt128, fraction: UInt64
        if scale == 0 {
            whole = mag
            fraction = 0
        } else if let small = UInt64(exactly: mag) {
            let f = NumberText.pow10[scale]
            whole = UInt128(small / f)
            fraction = small % f * NumberText.pow10[shown - scale]
        } else {
            let (q, r) = mag.quotientAndRemainder(dividingBy: UInt128(NumberText.pow10[scale]))
            whole = q
            fraction = UInt64(r) * NumberText.pow10[shown - scale]
        }
        return NumberText.fixed(negative: units < 0, whole: whole, fraction: fraction, places: shown)
    }

    /// The number of decimals shown for a column of doubles.
    ///
    /// Large numbers get at most 2, ratios (below 100 in magnitude, like a CPI of `0.9412`) at most 4;
    /// then trailing zeros common to every value are dropped, so whole numbers show none.
    static func decimalPlaces(for values: [Double]) -> Int {
        var maxAbs = 0.0
        for v in values where v.isFinite { maxAbs = max(maxAbs, abs(v)) }
        let cap = maxAbs >= 100 ? 2 : 4
        var places = 0
        for v in values where v.isFinite {
            guard let scaled = scaledMagnitude(v, places: cap) else { continue }
            var p = cap
            var s = scaled
            while p > places && s % 10 == 0 { s /= 10; p -= 1 }
            places = max(places, p)
            if places == cap { break }
        }
        return places
    }

    /// A double with exactly `places` decimals and thousands separators.
    ///
    /// Non-zero values too small to show at that precision keep 4 significant digits (`1.234e-7`);
    /// magnitudes beyond 9.2e18 fall back to the shortest exact text.
    static func double(_ v: Double, places: Int) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-∞" : "∞" }
        guard let scaled = scaledMagnitude(v, places: places) else { return Value.formatDouble(v) }
        if scaled == 0 && v != 0 { return scientific(v) }
        let f = NumberText.pow10[places]
        return NumberText.fixed(negative: v < 0 && scaled != 0, whole: scaled / f, fraction: scaled % f, places: places)
    }

    private static func scaledMagnitude(_ v: Double, places: Int) -> UInt64? {
        let s = (abs(v) * NumberText.pow10Double[places]).rounded()
        return s < 9.2e18 ? UInt64(s) : nil
    }

    private static func scientific(_ v: Double) -> String {
        var m = abs(v)
        var e = 0
        while m < 1 { m *= 10; e -= 1 }
        let digits = UInt64((m * 1000).rounded())
        let mantissa = String(digits / 1000) + "." + zeroPadded(digits % 1000, width: 3)
        return (v < 0 ? "-" : "") + mantissa + "e" + String(e)
    }

    private static func zeroPadded(_ v: UInt64, width: Int) -> String {
        let s = String(v)
        return s.count < width ? String(repeating: "0", count: width - s.count) + s : s
    }

    // MARK: Text

    /// Text safe to put in one line of a grid: line breaks become `↵`, tabs `→`, other controls `·`.
    static func printable(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return s }
        var out = ""
        var previousWasCR = false
        for u in s.unicodeScalars {
            switch u.value {
            case 0x0A:
                if !previousWasCR { out.append("↵") }
            case 0x0D: out.append("↵")
            case 0x09: out.append("→")
            case 0..<0x20, 0x7F: out.append("·")
            default: out.unicodeScalars.append(u)
            }
            previousWasCR = u.value == 0x0D
        }
        return out
    }
}
