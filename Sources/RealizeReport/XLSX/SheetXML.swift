import RealizeStore

/// One worksheet's XML: a header row of column names, then one row per table row, typed cells.
struct SheetXML {
    var table: Table

    /// Date serials count days from 1899-12-30 (the 1900 date system); this is 1970-01-01's serial.
    static let serialOf1970: Int64 = 25_569
    /// Serials below this (before 1900-03-01) fall in the 1900 leap-year bug's range.
    static let firstSafeSerial: Int64 = 61
    /// Doubles in spreadsheets keep 15 significant digits.
    static let maxExactDigits = 15

    /// The sheet's XML and the range its auto-filter covers (`A1:C10`; empty for a table without columns).
    /// - Throws: ``ExportError`` (`cancelled`) when `shouldStop`, polled per column and every 4096 rows, says so.
    func render(strings: inout SharedStrings, styles: inout XLSXStyles, shouldStop: () -> Bool = { false }) throws(ExportError) -> (
        text: String, range: String
    ) {
        let columns = table.columns
        let lastColumn = XLSXParts.columnLetters(max(columns.count - 1, 0))
        let lastRow = table.rowCount + 1
        let range = columns.isEmpty ? "" : "A1:\(lastColumn)\(lastRow)"
        let letters = columns.indices.map(XLSXParts.columnLetters)

        var body: [String] = Array(repeating: "", count: table.rowCount)
        var widths: [Int] = columns.map { min(60, max(6, $0.name.count + 3)) }
        for (c, column) in columns.enumerated() {
            if shouldStop() { throw ExportError.cancelled }
            let cells = cellXML(column, letter: letters[c], strings: &strings, styles: &styles)
            for r in 0..<table.rowCount where !cells.xml[r].isEmpty { body[r] += cells.xml[r] }
            widths[c] = min(60, max(widths[c], cells.width + 2))
        }

        var out = XLSXParts.header
        out += "<worksheet xmlns=\"\(XLSXParts.mainNS)\" xmlns:r=\"\(XLSXParts.relNS)\">"
        out += "<dimension ref=\"\(columns.isEmpty ? "A1" : range)\"/>"
        out += "<sheetViews><sheetView tabSelected=\"0\" workbookViewId=\"0\">"
        out += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        out += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        out += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if !columns.isEmpty {
            out += "<cols>"
            for (c, w) in widths.enumerated() { out += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(w)\" customWidth=\"1\"/>" }
            out += "</cols>"
        }
        out += "<sheetData>"
        if !columns.isEmpty {
            out += "<row r=\"1\">"
            for (c, column) in columns.enumerated() {
                out += "<c r=\"\(letters[c])1\" s=\"\(XLSXStyles.header)\" t=\"s\"><v>\(strings.id(column.name))</v></c>"
            }
            out += "</row>"
        }
        for r in 0..<table.rowCount {
            if r & 0xFFF == 0, shouldStop() { throw ExportError.cancelled }
            out += "<row r=\"\(r + 2)\">" + body[r] + "</row>"
        }
        out += "</sheetData>"
        if !columns.isEmpty { out += "<autoFilter ref=\"\(range)\"/>" }
        out += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        return (out + "</worksheet>", range)
    }

    /// Each row's cell for `column` (empty for a null), and the widest value's width in characters.
    private func cellXML(_ column: Column, letter: String, strings: inout SharedStrings, styles: inout XLSXStyles) -> (xml: [String], width: Int) {
        let n = column.count
        var out = [String](repeating: "", count: n)
        var width = 0
        func ref(_ r: Int) -> String { letter + String(r + 2) }
        func number(_ r: Int, _ text: String, style: Int) {
            out[r] = style == 0 ? "<c r=\"\(ref(r))\"><v>\(text)</v></c>" : "<c r=\"\(ref(r))\" s=\"\(style)\"><v>\(text)</v></c>"
        }
        func string(_ r: Int, _ text: String) {
            out[r] = "<c r=\"\(ref(r))\" t=\"s\"><v>\(strings.id(text))</v></c>"
            width = max(width, text.count)
        }
        for r in 0..<n where !column.isNull(r) {
            switch column.storage {
            case .int(let a):
                let t = String(a[r])
                if t.count > Self.maxExactDigits + 1 { string(r, t) } else { number(r, t, style: XLSXStyles.general) }
                width = max(width, t.count)
            case .double(let a):
                guard a[r].isFinite else { continue }
                let t = Value.formatDouble(a[r])
                number(r, t, style: XLSXStyles.general)
                width = max(width, min(t.count, 12))
            case .decimal(let a, let scale):
                let d = FixedDecimal(units: a[r], scale: scale)
                let digits = String(a[r].magnitude).count
                if digits > Self.maxExactDigits { string(r, d.description); continue }
                number(r, d.description, style: styles.decimal(scale: scale))
                width = max(width, d.description.count + d.description.count / 3 + 1)
            case .text(let codes, let dictionary):
                string(r, dictionary[Int(codes[r])])
            case .date(let a):
                let serial = Int64(a[r]) + Self.serialOf1970
                if serial < Self.firstSafeSerial { string(r, CivilCalendar.formatDate(a[r])); continue }
                number(r, String(serial), style: XLSXStyles.date)
                width = max(width, 10)
            case .period(let a):
                let (y, m) = CivilCalendar.yearMonth(period: a[r])
                let serial = Int64(CivilCalendar.days(year: y, month: m, day: 1)) + Self.serialOf1970
                if serial < Self.firstSafeSerial { string(r, CivilCalendar.formatPeriod(a[r])); continue }
                number(r, String(serial), style: XLSXStyles.period)
                width = max(width, 7)
            case .bool(let a):
                out[r] = "<c r=\"\(ref(r))\" t=\"b\"><v>\(a[r] ? 1 : 0)</v></c>"
                width = max(width, 5)
            }
        }
        return (out, width)
    }
}
