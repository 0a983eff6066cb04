import RealizeStore

extension CellFormatter {
    /// How a column is aligned: numbers to the right, text and drawn glyphs (sparklines, bars) to the left.
    static func alignment(of column: Column) -> Alignment {
        switch column.display {
        case .sparkline?, .profileBar?: .left
        case .decimals?, .plain?, nil: alignment(of: column.type)
        }
    }

    /// The cells of a column that carries a ``DisplayHint`` the formatter follows, or nil to format it by its type.
    ///
    /// - Parameter table: the table the column belongs to, where a profile bar finds its target column.
    static func hinted(_ column: Column, rows: [Int], in table: Table?) -> [Cell]? {
        switch column.display {
        case .decimals(let places)?:
            guard case .double(let a) = column.storage else { return nil }
            let shown = max(0, min(places, 17))
            let scale = NumberText.pow10Double[shown]
            let validity = column.validity
            return rows.map { r in
                if let validity, !validity[r] { return .null }
                // A value that rounds to zero at this precision shows as zero, never in scientific form.
                let tiny = a[r].isFinite && abs(a[r]) * scale < 0.5
                let text = double(tiny ? 0 : a[r], places: shown)
                return Cell(text: text, style: text.utf8.first == UInt8(ascii: "-") ? .negative : .plain)
            }
        case .sparkline(let scale)?:
            guard column.type == .text else { return nil }
            return rows.map { r in
                guard case .text(let s) = column.value(at: r) else { return .null }
                return Cell(text: Sparkline.draw(SeriesNumbers.of(s), scale: scale), style: .plain)
            }
        case .profileBar(let targetName)?:
            guard column.type.isNumeric else { return nil }
            let target = targetName.flatMap { table?.column(named: $0) }
            return rows.map { r in
                guard let score = hundredths(column.value(at: r)) else { return .null }
                return Cell(text: ProfileBar.draw(score: score, target: target.flatMap { hundredths($0.value(at: r)) }), style: .plain)
            }
        case .plain?:
            guard case .int(let a) = column.storage else { return nil }
            return rows.map { r in column.isNull(r) ? .null : Cell(text: String(a[r]), style: a[r] < 0 ? .negative : .plain) }
        case nil:
            // Ids and years print as they are written, whatever computed them: `project_year`, `cost_centre_id`.
            let name = column.name.lowercased()
            guard case .int(let a) = column.storage, name.hasSuffix("_id") || name.hasSuffix("year") || name == "id" else { return nil }
            return rows.map { r in column.isNull(r) ? .null : Cell(text: String(a[r]), style: a[r] < 0 ? .negative : .plain) }
        }
    }

    /// A score as hundredths (2.4 → 240), nil for null or a value that is not a finite number.
    private static func hundredths(_ v: Value) -> Int64? {
        guard let d = v.doubleValue, d.isFinite, abs(d) < 1e15 else { return nil }
        return Int64((d * 100).rounded())
    }
}
