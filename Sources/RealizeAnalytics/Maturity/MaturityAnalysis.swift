import RealizeQuery
import RealizeStore

/// How the dimensions of a unit add up to one overall level.
enum OverallRule: String, Sendable, CaseIterable {
    /// The weakest dimension: a unit is at level L only when every dimension is (P3M3's convention).
    case min
    /// The mean of the dimensions (unrounded; shown to two decimals).
    case mean
}

/// What `maturity` was asked for.
struct MaturityRequest: Sendable {
    enum Grain: Sendable { case unit, unitDimension, dimension }
    var table = "maturity"
    var tableRange: SourceRange? = nil
    var grain = Grain.unit
    /// Only assessments on or before this day count; nil counts all.
    var asOf: Int32? = nil
    /// nil takes the `maturity_overall` setting (default min).
    var rule: OverallRule? = nil
    /// `profile UNIT`: that unit's dimensions only.
    var profileUnit: (name: String, range: SourceRange)? = nil
}

/// Latest assessments, gaps to target, overall levels and changes, from ``MaturityData``.
enum MaturityAnalysis {
    typealias Assessment = MaturityData.Assessment

    /// One unit's standing on one dimension: its latest assessment and the one before it.
    struct Standing {
        var latest: Assessment
        var previous: Assessment?
    }

    /// Each unit's latest assessment per dimension on or before `asOf` (all when nil), with the previous one (the
    /// latest strictly earlier date). Of two rows for the same unit, dimension and date, the later row counts.
    /// Ordered by unit (first appearance), then P3M3's perspective order, then other dimensions as they first appear.
    static func standings(_ data: MaturityData, asOf: Int32?, unit: Int? = nil) -> [Standing] {
        var table: [[Int]: Standing] = [:]
        for a in data.assessments where (asOf.map { a.date <= $0 } ?? true) && (unit.map { a.unit == $0 } ?? true) {
            let key = [a.unit, a.dimension]
            guard var s = table[key] else { table[key] = Standing(latest: a, previous: nil); continue }
            if a.date > s.latest.date {
                s.previous = s.latest
                s.latest = a
            } else if a.date == s.latest.date {
                s.latest = a
            } else if s.previous.map({ a.date >= $0.date }) ?? true {
                s.previous = a
            }
            table[key] = s
        }
        let ranks = data.dimensions.map { MaturityModel.rank($0) ?? MaturityModel.perspectives.count }
        return table.values.sorted {
            ($0.latest.unit, ranks[$0.latest.dimension], $0.latest.dimension) < ($1.latest.unit, ranks[$1.latest.dimension], $1.latest.dimension)
        }
    }

    /// The weakest score and the mean of `scores` (hundredths), as levels (2.4, not 240); nil for no scores.
    ///
    /// The weakest is exact (a whole number of hundredths); the mean is not rounded.
    static func overall(_ scores: [Int64]) -> (min: Double, mean: Double)? {
        guard let low = scores.min() else { return nil }
        let sum = scores.reduce(0, +)
        return (Double(low) / 100, Double(sum) / Double(scores.count) / 100)
    }

    static func pick(_ o: (min: Double, mean: Double)?, _ rule: OverallRule) -> Double? {
        o.map { rule == .min ? $0.min : $0.mean }
    }

    /// The table for `request`.
    static func run(_ request: MaturityRequest, data: MaturityData, rule: OverallRule, session: QuerySession) throws(QueryError) -> Table {
        var unit: Int? = nil
        if let (name, range) = request.profileUnit {
            guard let u = data.units.firstIndex(of: name) else {
                let hint = Suggest.nearest(name, in: data.units).map { "did you mean `\($0)`?" } ?? "units: " + data.units.joined(separator: ", ")
                throw QueryError(Diagnostic(id: .unknownUnit, message: "no unit named `\(name)` in the assessments", range: range, hint: hint))
            }
            unit = u
        }
        let all = standings(data, asOf: request.asOf, unit: unit)
        switch request.grain {
        case .unitDimension: return detail(all, data: data)
        case .unit: return unitSummary(all, data: data, rule: rule, asOf: request.asOf)
        case .dimension: return dimensionSummary(all, data: data, rule: rule)
        }
    }

    /// One row per unit and dimension.
    static func detail(_ s: [Standing], data: MaturityData) -> Table {
        let scale = MaturityData.scale
        let latest = s.map(\.latest)
        var out = [
            OutputColumn.texts("unit", latest.map { data.units[$0.unit] }),
            OutputColumn.texts("dimension", latest.map { data.dimensions[$0.dimension] }),
            OutputColumn.dates("assessed_on", latest.map(\.date)),
            OutputColumn.decimals("score", latest.map(\.score), scale: scale),
            OutputColumn.texts("level", latest.map { MaturityModel.levelName(hundredths: $0.score) }),
            OutputColumn.decimals("target", latest.map(\.target), scale: scale),
            OutputColumn.decimals("shortfall", latest.map { a in a.target.map { max(0, $0 - a.score) } }, scale: scale),
            OutputColumn.decimals("surplus", latest.map { a in a.target.map { max(0, a.score - $0) } }, scale: scale),
            OutputColumn.decimals("previous", s.map { $0.previous?.score }, scale: scale),
            OutputColumn.decimals("change", s.map { x in x.previous.map { x.latest.score - $0.score } }, scale: scale),
        ]
        if data.fromAnswers { out.append(OutputColumn.ints("answers", latest.map(\.answers))) }
        out.append(OutputColumn.decimals("profile", latest.map(\.score), scale: scale).displayed(.profileBar(target: "target")))
        return Table(columns: out, rowCount: s.count)
    }

    /// One row per unit: the overall level by `rule` beside the min and the mean, its target, gap and change since the
    /// unit's previous assessment (its latest earlier assessment date, every dimension as it stood then).
    static func unitSummary(_ s: [Standing], data: MaturityData, rule: OverallRule, asOf: Int32?) -> Table {
        var rows: [SummaryRow] = []
        var i = 0
        while i < s.count {
            var j = i
            while j < s.count && s[j].latest.unit == s[i].latest.unit { j += 1 }
            let group = Array(s[i..<j])
            let u = group[0].latest.unit
            var row = SummaryRow(key: data.units[u], group: group, rule: rule)
            row.date = group.map(\.latest.date).max()
            // The unit's previous assessment date, and its overall as every dimension stood on that date.
            let latestDate = row.date ?? Int32.min
            let earlier = data.assessments.filter { a in a.unit == u && a.date < latestDate && (asOf.map { a.date <= $0 } ?? true) }
            if let since = earlier.map(\.date).max() {
                let then = standings(data, asOf: since, unit: u)
                if let before = pick(overall(then.map(\.latest.score)), rule), let now = row.overall {
                    row.change = now - before
                    row.since = since
                }
            }
            rows.append(row)
            i = j
        }
        return summaryTable(rows, keyName: "unit", countName: "dimensions", rule: rule, withChange: true)
    }

    /// One row per dimension across units.
    static func dimensionSummary(_ s: [Standing], data: MaturityData, rule: OverallRule) -> Table {
        let ranks = data.dimensions.map { MaturityModel.rank($0) ?? MaturityModel.perspectives.count }
        let order = Array(Set(s.map(\.latest.dimension))).sorted { (ranks[$0], $0) < (ranks[$1], $1) }
        let rows = order.map { d in SummaryRow(key: data.dimensions[d], group: s.filter { $0.latest.dimension == d }, rule: rule) }
        return summaryTable(rows, keyName: "dimension", countName: "units", rule: rule, withChange: false)
    }

    /// A unit's (or dimension's) overall figures.
    struct SummaryRow {
        var key: String
        var count: Int
        /// Levels (2.4); under the `min` rule every figure but the mean is a whole number of hundredths.
        var min: Double?, mean: Double?, overall: Double?, target: Double?
        var below: Int
        var date: Int32? = nil
        var change: Double? = nil
        var since: Int32? = nil

        init(key: String, group: [Standing], rule: OverallRule) {
            self.key = key
            count = group.count
            let o = MaturityAnalysis.overall(group.map(\.latest.score))
            min = o?.min
            mean = o?.mean
            overall = MaturityAnalysis.pick(o, rule)
            target = MaturityAnalysis.pick(MaturityAnalysis.overall(group.compactMap(\.latest.target)), rule)
            below = group.filter { g in g.latest.target.map { g.latest.score < $0 } ?? false }.count
        }
    }

    /// The summary columns. Figures from the weakest dimension are exact decimals; the mean, and under the `mean`
    /// rule every figure drawn from it, are unrounded doubles shown to two decimals.
    static func summaryTable(_ rows: [SummaryRow], keyName: String, countName: String, rule: OverallRule, withChange: Bool) -> Table {
        func levels(_ name: String, _ v: [Double?], exact: Bool) -> Column {
            guard exact else { return OutputColumn.doubles(name, v).displayed(.decimals(2)) }
            return OutputColumn.decimals(name, v.map { $0.map { Int64(($0 * 100).rounded()) } }, scale: MaturityData.scale)
        }
        let exact = rule == .min
        var out = [OutputColumn.texts(keyName, rows.map(\.key))]
        if withChange { out.append(OutputColumn.dates("assessed_on", rows.map(\.date))) }
        out += [
            OutputColumn.ints(countName, rows.map(\.count)),
            levels("min", rows.map(\.min), exact: true),
            levels("mean", rows.map(\.mean), exact: false),
            OutputColumn.texts("rule", rows.map { _ in rule.rawValue }),
            levels("overall", rows.map(\.overall), exact: exact),
            OutputColumn.texts("level", rows.map { $0.overall.map(MaturityModel.levelName(level:)) }),
            levels("target", rows.map(\.target), exact: exact),
            levels("shortfall", rows.map { r in r.target.flatMap { t in r.overall.map { max(0, t - $0) } } }, exact: exact),
            levels("surplus", rows.map { r in r.target.flatMap { t in r.overall.map { max(0, $0 - t) } } }, exact: exact),
            OutputColumn.ints("below", rows.map(\.below)),
        ]
        if withChange {
            out.append(levels("change", rows.map(\.change), exact: exact))
            out.append(OutputColumn.dates("since", rows.map(\.since)))
        }
        out.append(levels("profile", rows.map(\.overall), exact: exact).displayed(.profileBar(target: "target")))
        return Table(columns: out, rowCount: rows.count)
    }
}
