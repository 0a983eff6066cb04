/// Finds the header row of a sheet that was not given one: the first row that looks like column names.
///
/// Finance workbooks put titles, dates and merged banner cells above the table. A banner or title
/// row holds one or two cells (a merged range keeps its value in its top-left cell only), so the
/// header is taken to be the first of the sheet's first 50 non-empty rows whose cells are all text
/// and that fills at least half as many columns as the widest of those rows (and at least two,
/// unless no row has more than one). When no row qualifies, the first non-empty row is the header.
enum XLSXHeaderFinder {
    /// The rows scanned for a header.
    static let scannedRows = 50

    /// The header row's number among `rows` (sorted row numbers with their cells).
    static func headerRow(_ rows: [(row: Int, cells: ArraySlice<XLSXCell>)]) -> Int? {
        let scanned = rows.prefix(scannedRows)
        guard let first = scanned.first else { return nil }
        let widest = scanned.map(\.cells.count).max() ?? 0
        let needed = widest <= 1 ? 1 : max(2, (widest + 1) / 2)
        for (row, cells) in scanned where cells.count >= needed {
            let allText = cells.allSatisfy { cell in
                if case .text(let t) = cell.kind { return !t.trimmingCharacters(in: .whitespaces).isEmpty }
                return false
            }
            if allText { return row }
        }
        return first.row
    }
}

import Foundation
