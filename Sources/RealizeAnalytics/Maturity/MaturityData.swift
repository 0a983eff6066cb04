import RealizeQuery
import RealizeStore

/// Maturity assessments read from a table, one per unit, dimension and date, with scores in hundredths.
///
/// Two shapes are read:
/// - dimension scores: `unit`, `dimension`, `assessed_on`, `score` (1–5), `target` (1–5, may be empty);
/// - question-level answers: `unit`, `dimension`, `question`, `answer` (1–5), `assessed_on`, and optionally `target`.
///   They are rolled up to one score per unit, dimension and date: the mean of the answers, rounded to one decimal
///   (half away from zero); the target is the largest target given among those answers.
struct MaturityData {
    struct Assessment {
        var unit: Int
        var dimension: Int
        var date: Int32
        /// Hundredths: 2.4 is 240.
        var score: Int64
        var target: Int64?
        /// Answers behind a rolled-up score; nil when read as a dimension score.
        var answers: Int?
    }

    /// Units and dimensions in order of first appearance.
    var units: [String] = []
    var dimensions: [String] = []
    /// In table order (rolled-up scores in order of their first answer).
    var assessments: [Assessment] = []
    var fromAnswers = false

    /// The scale of every score: hundredths.
    static let scale = 2

    init(_ source: SourceColumns) throws(QueryError) {
        let t = source.table
        fromAnswers = t.column(named: "question") != nil && t.column(named: "answer") != nil
        let unit = try source.column("unit", types: [.text], role: "the organisational unit assessed")
        let dimension = try source.column("dimension", types: [.text], role: "the aspect of maturity assessed")
        let date = try source.column("assessed_on", types: [.date], role: "the date of the assessment")
        let valueName = fromAnswers ? "answer" : "score"
        let values = ScaledNumbers(try source.column(valueName, types: [.int, .decimal, .double], role: "a level from 1 to 5"))
        let targets = try t.column(named: "target").map { _ throws(QueryError) in
            ScaledNumbers(try source.column("target", types: [.int, .decimal, .double], role: "the level aimed at, 1 to 5"))
        }
        let unitCodes = KeyGroups(Array([unit]), rowCount: t.rowCount)
        let dimensionCodes = KeyGroups(Array([dimension]), rowCount: t.rowCount)
        units = unitCodes.firstRow.map { unit.value(at: $0).description }
        dimensions = dimensionCodes.firstRow.map { dimension.value(at: $0).description }
        guard case .date(let days) = date.storage else { return }

        // Answers are summed per unit, dimension and date, in scaled units.
        var sums: [[Int]: (sum: Int64, count: Int, target: Int64?, order: Int)] = [:]
        for r in 0..<t.rowCount {
            try source.checkCancelled(row: r)
            if unit.isNull(r) || dimension.isNull(r) || date.isNull(r) || values.isNull(r) { continue }
            guard let v = values.value(r, scale: Self.scale), (100...500).contains(v) else {
                throw source.badValue(
                    .maturityScoreOutOfRange, column: valueName, row: r,
                    "`\(values.column.value(at: r))` is not a level from 1 to 5")
            }
            var target: Int64? = nil
            if let targets, !targets.isNull(r) {
                guard let x = targets.value(r, scale: Self.scale), (100...500).contains(x) else {
                    throw source.badValue(
                        .maturityTargetOutOfRange, column: "target", row: r,
                        "`\(targets.column.value(at: r))` is not a level from 1 to 5")
                }
                target = x
            }
            let (u, d) = (unitCodes.groupOfRow[r], dimensionCodes.groupOfRow[r])
            if fromAnswers {
                let key = [u, d, Int(days[r])]
                var entry = sums[key] ?? (0, 0, nil, sums.count)
                // v is a level from 1 to 5 at scale 2, so it has a value at scale 4 too.
                entry.sum += values.value(r, scale: 4) ?? v * 100
                entry.count += 1
                entry.target = [entry.target, target].compactMap { $0 }.max()
                sums[key] = entry
            } else {
                assessments.append(Assessment(unit: u, dimension: d, date: days[r], score: v, target: target, answers: nil))
            }
        }
        if fromAnswers {
            for (key, e) in sums.sorted(by: { $0.value.order < $1.value.order }) {
                assessments.append(
                    Assessment(
                        unit: key[0], dimension: key[1], date: Int32(key[2]),
                        score: Self.roundedMean(sum: e.sum, count: e.count) * 10, target: e.target, answers: e.count))
            }
        }
    }

    /// The mean of values summed at scale 4, in tenths, rounded half away from zero (exact integer arithmetic).
    static func roundedMean(sum: Int64, count: Int) -> Int64 {
        // mean × 10 = sum / 10⁴ × 10 / count = sum / (1000 × count)
        let denominator = 1000 * Int64(count)
        return (2 * sum + denominator) / (2 * denominator)
    }
}
