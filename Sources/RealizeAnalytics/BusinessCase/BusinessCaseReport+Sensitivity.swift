import RealizeQuery
import RealizeStore

extension BusinessCaseReport {
    /// One driver of the sensitivity table: how it moves the forecast on the low and the high side.
    struct Driver {
        var name: String
        var lowCase: String
        var highCase: String
        var low: (rate: Double, scenario: CaseScenario)
        var high: (rate: Double, scenario: CaseScenario)
    }

    /// The drivers around the current forecast: the rate, the remaining benefits and the remaining cost at −20 %
    /// and +20 %, and the remaining benefits 6 months later against as forecast.
    var drivers: [Driver] {
        let r = request.rate, s = request.scenario
        func with(_ change: (inout CaseScenario) -> Void) -> CaseScenario {
            var x = s
            change(&x)
            return x
        }
        return [
            Driver(name: "rate", lowCase: "rate −20%", highCase: "rate +20%", low: (r * 0.8, s), high: (r * 1.2, s)),
            Driver(
                name: "benefits", lowCase: "remaining benefits −20%", highCase: "remaining benefits +20%",
                low: (r, with { $0.benefitFactor *= 0.8 }), high: (r, with { $0.benefitFactor *= 1.2 })),
            Driver(
                name: "cost", lowCase: "remaining cost −20%", highCase: "remaining cost +20%",
                low: (r, with { $0.costFactor *= 0.8 }), high: (r, with { $0.costFactor *= 1.2 })),
            Driver(name: "delay", lowCase: "as forecast", highCase: "benefits 6 months later", low: (r, s), high: (r, with { $0.delay += 6 })),
        ]
    }

    /// Per group and driver: the forecast NPV at the low and the high case, and the swing between them, sorted by
    /// group and then by swing, largest first (the bars of a tornado chart).
    func sensitivityTable() -> Table {
        var keys: [Int] = [], names: [String?] = [], lowCases: [String?] = [], highCases: [String?] = []
        var base: [Double?] = [], low: [Double?] = [], high: [Double?] = [], swing: [Double?] = []
        for g in grouping.sortedGroups {
            let npv = CaseFigures(forecast(g, request.scenario), rate: request.rate).npv
            var rows: [(Driver, Double?, Double?)] = []
            for d in drivers {
                rows.append(
                    (
                        d, CaseFigures(forecast(g, d.low.scenario), rate: d.low.rate).npv,
                        CaseFigures(forecast(g, d.high.scenario), rate: d.high.rate).npv
                    ))
            }
            // By swing, largest first; equal swings keep the drivers' order (rate, benefits, cost, delay).
            let width = rows.map { abs(($0.2 ?? 0) - ($0.1 ?? 0)) }
            let order = rows.indices.sorted { width[$0] != width[$1] ? width[$0] > width[$1] : $0 < $1 }
            for (d, l, h) in order.map({ rows[$0] }) {
                keys.append(g); names.append(d.name); lowCases.append(d.lowCase); highCases.append(d.highCase)
                base.append(npv); low.append(l); high.append(h)
                swing.append(l.flatMap { x in h.map { abs($0 - x) } })
            }
        }
        var cols = grouping.keyColumns(keys)
        cols += [
            ResultColumn.text("driver", names),
            ResultColumn.computedMoney("forecast_npv", base, scale: 2),
            ResultColumn.text("low_case", lowCases),
            ResultColumn.computedMoney("npv_low", low, scale: 2),
            ResultColumn.text("high_case", highCases),
            ResultColumn.computedMoney("npv_high", high, scale: 2),
            ResultColumn.computedMoney("swing", swing, scale: 2),
            ResultColumn.computedMoney("low_change", zip(low, base).map { l, b in l.flatMap { x in b.map { x - $0 } } }, scale: 2),
            ResultColumn.computedMoney("high_change", zip(high, base).map { h, b in h.flatMap { x in b.map { x - $0 } } }, scale: 2),
        ]
        return Table(columns: cols, rowCount: keys.count)
    }
}
