import RealizeQuery
import RealizeStore

/// The `compare` result: one row per group present in either snapshot, the later snapshot's order first.
struct SnapshotComparison {
    let from: Int32
    let to: Int32
    let before: SnapshotFigures
    let after: SnapshotFigures

    func table() -> Table {
        var keys = after.order
        for k in before.order where after.rows[k] == nil { keys.append(k) }
        let a = keys.map { before.rows[$0] }, b = keys.map { after.rows[$0] }
        func change(_ f: (SnapshotFigures.Row) -> Double?) -> [Double?] {
            zip(a, b).map { x, y in x.flatMap(f).flatMap { old in y.flatMap(f).map { $0 - old } } }
        }
        func values(_ rows: [SnapshotFigures.Row?], _ f: (SnapshotFigures.Row) -> Double?) -> [Double?] { rows.map { $0.flatMap(f) } }
        let bacChange = change(\.bac)
        let rebaselined = zip(a, bacChange).map { x, d -> Bool? in
            guard let d, x?.bac != nil else { return nil }
            return d != 0
        }
        let eacDrift = change(\.eac)
        let statusChange = zip(a, b).map { x, y -> String? in
            let s0 = x?.status ?? "n/a", s1 = y?.status ?? "n/a"
            return s0 == s1 ? nil : "\(s0) → \(s1)"
        }
        let keyNames = after.keyNames.isEmpty ? before.keyNames : after.keyNames
        var columns: [Column] = []
        for (i, name) in keyNames.enumerated() {
            let texts = keys.indices.map { r -> String? in
                guard let v = (b[r] ?? a[r])?.keys[i], v != .null else { return nil }
                return v.description
            }
            columns.append(ResultColumn.text(name, texts))
        }
        var notes: [String?] = []
        for r in keys.indices {
            var n: [String] = []
            if a[r] == nil { n.append("new in \(CivilCalendar.formatPeriod(to))") }
            if b[r] == nil { n.append("not in \(CivilCalendar.formatPeriod(to))") }
            if rebaselined[r] == true { n.append("re-baselined: EAC drift includes the BAC change") }
            notes.append(n.isEmpty ? nil : n.joined(separator: "; "))
        }
        columns += [
            ResultColumn.period("from_snapshot", keys.map { _ in from }),
            ResultColumn.period("to_snapshot", keys.map { _ in to }),
            ResultColumn.computedMoney("bac_from", values(a, \.bac), scale: 2),
            ResultColumn.computedMoney("bac_to", values(b, \.bac), scale: 2),
            ResultColumn.computedMoney("bac_change", bacChange, scale: 2),
            OutputColumn.bools("rebaselined", rebaselined),
            ResultColumn.computedMoney("eac_from", values(a, \.eac), scale: 2),
            ResultColumn.computedMoney("eac_to", values(b, \.eac), scale: 2),
            ResultColumn.computedMoney("eac_drift", eacDrift, scale: 2),
            ResultColumn.double(
                "eac_drift_pct", zip(eacDrift, values(a, \.eac)).map { d, e in d.flatMap { d in e.flatMap { $0 != 0 ? d / $0 * 100 : nil } } }),
            ResultColumn.double("cpi_from", values(a, \.cpi)),
            ResultColumn.double("cpi_to", values(b, \.cpi)),
            ResultColumn.double("cpi_change", change(\.cpi)),
            ResultColumn.double("spi_from", values(a, \.spi)),
            ResultColumn.double("spi_to", values(b, \.spi)),
            ResultColumn.double("spi_change", change(\.spi)),
            ResultColumn.text("status_from", a.map { $0?.status }),
            ResultColumn.text("status_to", b.map { $0?.status }),
            ResultColumn.text("status_change", statusChange),
            ResultColumn.computedMoney("benefits_planned_change", change(\.planned), scale: 2),
            ResultColumn.computedMoney("benefits_realized_change", change(\.realized), scale: 2),
            ResultColumn.computedMoney("benefits_planned_to", values(b, \.planned), scale: 2),
            ResultColumn.computedMoney("benefits_realized_to", values(b, \.realized), scale: 2),
            ResultColumn.computedMoney("forecast_npv_from", values(a, \.forecastNPV), scale: 2),
            ResultColumn.computedMoney("forecast_npv_to", values(b, \.forecastNPV), scale: 2),
            ResultColumn.computedMoney("forecast_npv_change", change(\.forecastNPV), scale: 2),
            ResultColumn.text("note", notes),
        ]
        return Table(columns: columns, rowCount: keys.count)
    }
}
