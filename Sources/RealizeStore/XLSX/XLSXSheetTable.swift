/// Turns one sheet's cells into a table: picks the region, then infers and decodes each column exactly as
/// the CSV reader does (the region is handed to it as CSV text, so that a workbook and a CSV file of the
/// same figures load to the same types, and `types` overrides behave the same).
///
/// A column holding any text cell stays text (so `0042` stays `0042`); numbers keep the digits written
/// in the sheet's XML (`0.1` loads as the decimal 0.1); a number in a date format becomes a date, or a
/// period for a year-and-month format; an error cell is null and counted.
struct XLSXSheetTable {
    var cells: [XLSXCell]
    /// `book.xlsx[Financials]`, for messages.
    var source: String
    var date1904: Bool

    /// What the build made, and what it has to say about it.
    struct Outcome {
        var table: Table
        var notes: [String]
    }

    /// Builds the table.
    /// - Throws: ``CSVError`` for a bad region, an empty sheet, or a value that does not fit its column.
    func build(_ region: XLSXReadOptions, _ csv: CSVReadOptions) throws(CSVError) -> Outcome {
        var rows = Self.rows(cells)

        var notes: [String] = []
        var bounds: ClosedRange<CellReference>? = nil
        if let text = region.range {
            guard let r = CellReference.range(text) else {
                throw CSVError(file: source, line: 0, column: 0, message: "`\(text)` is not a cell range", hint: "write a range as `A5:H900`", code: .badHeader)
            }
            bounds = r
            rows = rows.filter { $0.row >= r.lowerBound.row && $0.row <= r.upperBound.row }
                .map { ($0.row, ArraySlice($0.cells.filter { $0.reference.column >= r.lowerBound.column && $0.reference.column <= r.upperBound.column })) }
                .filter { !$0.1.isEmpty }
        }
        let header: Int
        if let h = region.headerRow {
            header = h
        } else if let bounds {
            header = bounds.lowerBound.row
        } else {
            guard let h = XLSXHeaderFinder.headerRow(rows) else {
                throw CSVError(file: source, line: 0, column: 0, message: "the sheet is empty", code: .emptyFile)
            }
            header = h
            if let first = rows.first?.row, h != first { notes.append("\(source): took row \(h) as the header (rows \(first)–\(h - 1) are titles)") }
        }
        guard let headerCells = rows.first(where: { $0.row == header })?.cells, !headerCells.isEmpty else {
            throw CSVError(
                file: source, line: header, column: 0, message: "row \(header) is empty, so it cannot be the header",
                hint: "name the header row with `header row N`, or the region with `range A5:H900`", code: .badHeader)
        }
        let firstColumn = bounds?.lowerBound.column ?? headerCells.first!.reference.column
        let lastColumn = bounds?.upperBound.column ?? headerCells.last!.reference.column
        let width = lastColumn - firstColumn + 1

        // Built as bytes, quoting only text that holds a quote: the String concatenation and `replacing`
        // were a tenth of a 500,000-row load (bench/xlsx.py under perf).
        var csvText: [UInt8] = []
        csvText.reserveCapacity(cells.count * 12 + 1024)
        var textColumns = Set<Int>()
        var errors = 0
        var firstError = ""
        var sheetRows: [Int] = []
        for (row, cells) in rows where row >= header {
            // Each field goes straight into the bytes, in column order: `rows` gives a row's cells by
            // column, a duplicate cell right after its twin, and the later non-error cell of a column wins.
            let mark = csvText.count
            var next = 0
            var any = false
            for k in cells.indices where cells[k].reference.column >= firstColumn && cells[k].reference.column <= lastColumn {
                let cell = cells[k]
                let c = cell.reference.column - firstColumn
                if case .error(let e) = cell.kind {
                    if errors == 0 { firstError = "\(source)!\(cell.reference.text) (\(e))" }
                    errors += 1
                    continue
                }
                any = true
                if case .text = cell.kind, row != header { textColumns.insert(c) }
                let later = cells[(k + 1)...].prefix { $0.reference.column == cell.reference.column }
                if later.contains(where: { if case .error = $0.kind { false } else { true } }) { continue }
                while next < c {
                    if next > 0 { csvText.append(UInt8(ascii: ",")) }
                    next += 1
                }
                if c > 0 { csvText.append(UInt8(ascii: ",")) }
                next = c + 1
                Self.appendField(cell.kind, to: &csvText, date: date)
            }
            while next < width {
                if next > 0 { csvText.append(UInt8(ascii: ",")) }
                next += 1
            }
            guard any || row == header else {
                csvText.removeLast(csvText.count - mark)
                continue
            }
            sheetRows.append(row)
            csvText.append(UInt8(ascii: "\n"))
        }
        if errors > 0 {
            notes.append("warning: \(errors) error \(errors == 1 ? "cell" : "cells") loaded as null, the first \(firstError)")
        }
        var options = csv
        let names = headerCells.filter { $0.reference.column >= firstColumn && $0.reference.column <= lastColumn }
        for cell in names {
            let c = cell.reference.column - firstColumn
            guard textColumns.contains(c), case .text(let name) = cell.kind, options.typeOverrides[name] == nil else { continue }
            options.typeOverrides[name] = .text
        }
        do throws(CSVError) {
            let table = try CSVReader.read(bytes: csvText, sourceName: source, options: options)
            return Outcome(table: table, notes: notes)
        } catch {
            var e = error
            if e.line > 0 && e.line <= sheetRows.count {
                e.line = sheetRows[e.line - 1]
                if e.column > 0 {
                    let letter = CellReference.letters(firstColumn + e.column - 1)
                    e.message = "\(source)!\(letter)\(e.line): " + e.message
                    e.column += firstColumn - 1
                }
            }
            throw e
        }
    }

    /// Appends one cell's value as a CSV field (text quoted, its quotes doubled).
    private static func appendField(_ kind: XLSXCell.Kind, to out: inout [UInt8], date: (String) -> Int32?) {
        switch kind {
        case .text(let t):
            out.append(UInt8(ascii: "\""))
            for b in t.utf8 {
                if b == UInt8(ascii: "\"") { out.append(b) }
                out.append(b)
            }
            out.append(UInt8(ascii: "\""))
        case .number(let n): out.append(contentsOf: n.utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .dateSerial(let s): out.append(contentsOf: (date(s).map(CivilCalendar.formatDate) ?? s).utf8)
        case .periodSerial(let s):
            let text =
                date(s).map { d in
                    let (y, m, _) = CivilCalendar.civil(days: d)
                    return CivilCalendar.formatPeriod(CivilCalendar.period(year: y, month: m))
                } ?? s
            out.append(contentsOf: text.utf8)
        case .error: break
        }
    }

    /// The cells grouped by row, in row order, each row's cells in column order. A sheet lists its cells in
    /// that order already, so that is checked first and the sort (stable: a later duplicate stays later,
    /// right after its twin) is the fallback. Each row's cells are a slice of one array (no copy per row).
    static func rows(_ cells: [XLSXCell]) -> [(row: Int, cells: ArraySlice<XLSXCell>)] {
        func before(_ a: XLSXCell, _ b: XLSXCell) -> Bool { (a.reference.row, a.reference.column) < (b.reference.row, b.reference.column) }
        var ordered = cells
        if zip(cells, cells.dropFirst()).contains(where: { before($1, $0) }) {
            ordered = cells.enumerated().sorted { before($0.element, $1.element) || (!before($1.element, $0.element) && $0.offset < $1.offset) }
                .map(\.element)
        }
        var out: [(row: Int, cells: ArraySlice<XLSXCell>)] = []
        var start = 0
        while start < ordered.count {
            let row = ordered[start].reference.row
            var end = start + 1
            while end < ordered.count && ordered[end].reference.row == row { end += 1 }
            out.append((row, ordered[start..<end]))
            start = end
        }
        return out
    }

    /// Days since 1970-01-01 for a date serial, in the workbook's date system (a time of day is dropped).
    private func date(_ serial: String) -> Int32? {
        guard let v = Double(serial), v.isFinite, v >= 0, v < 3_000_000 else { return nil }
        let whole = Int64(v.rounded(.down))
        // 1900 system: serial 25 569 is 1970-01-01 (serials from 61 on; Excel's phantom 1900-02-29 lies before).
        // 1904 system: serial 0 is 1904-01-01, 24 107 days before 1970-01-01.
        return Int32(date1904 ? whole - 24_107 : whole - 25_569)
    }
}

import Foundation
