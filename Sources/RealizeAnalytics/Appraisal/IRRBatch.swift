/// ``CashFlowAppraisal/irr(_:)`` of many series of flows at once (a group's monthly flows each), the same result
/// for each series, to the bit.
///
/// The series' scans advance a level at a time together: each level halves every run of ``RateGrid/rates`` whose
/// sign its two ends do not prove (``NPVSignScan/provenSign(_:_:)``), and every midpoint any series asks for is
/// evaluated in the same passes, 4 lanes a pass (``NPVLanes/points(_:jobs:)``). Then every bracket found is bisected
/// side by side with the others (``NPVLanes/bisect(_:brackets:)``), one lane per bracket. The rates evaluated, and
/// each evaluation, are those of the series' own search (``NPVSignScan/values()``); only the packing changes.
///
/// Unlike the one-series search, no series keeps NPV on the whole grid: a root can only be at an evaluated rate
/// whose NPV is 0, or between neighbouring rates that were both evaluated (a run whose sign is proven holds that
/// sign at its ends too), so the roots are read off the evaluations as they come.
enum IRRBatch {
    /// A run of grid rates `low...high` of one series, with the points at its two ends.
    private struct Run {
        var series: Int
        var low: Int
        var high: Int
        var lowPoint: NPVSignScan.Point
        var highPoint: NPVSignScan.Point
    }

    /// A root of a series where the grid says it is: at rate `index` (NPV exactly 0 there, `bracket` nil), or
    /// between rates `index − 1` and `index` (`bracket`: its place in the brackets to bisect).
    private struct Found {
        var series: Int
        var index: Int
        var bracket: Int?
    }

    static func irrs(_ series: [[Double]]) -> [CashFlowAppraisal.IRR] {
        let flows = FlowSeries(series)
        let changes = series.map(CashFlowAppraisal.signChanges)
        let scans = series.indices.map { s in changes[s] > 0 ? NPVSignScan(series[s]) : nil }
        // Searched series from the shortest to the longest, so each level's jobs come packed by length.
        let searched = NPVLanes.byLength(series.map(\.count)).filter { changes[$0] > 0 }
        let rates = RateGrid.rates, last = rates.count - 1
        var found: [Found] = []
        var brackets: [NPVLanes.Bracket] = []
        func evaluated(_ s: Int, _ index: Int, _ p: NPVSignScan.Point) {
            if p.npv == 0 { found.append(Found(series: s, index: index, bracket: nil)) }
        }

        // The first level: both ends of the grid.
        var jobs = searched.flatMap { s in [NPVLanes.Job(series: s, rate: rates[0]), NPVLanes.Job(series: s, rate: rates[last])] }
        var points = NPVLanes.points(flows, jobs: jobs, packed: true)
        var runs: [Run] = searched.indices.map { k in
            let s = searched[k]
            evaluated(s, 0, points[2 * k])
            evaluated(s, last, points[2 * k + 1])
            return Run(series: s, low: 0, high: last, lowPoint: points[2 * k], highPoint: points[2 * k + 1])
        }
        // Each level: a run of neighbouring rates may hold a bracket, a proven run holds no root, the others halve.
        var split: [Run] = []
        while !runs.isEmpty {
            jobs.removeAll(keepingCapacity: true)
            split.removeAll(keepingCapacity: true)
            for run in runs {
                if run.high - run.low == 1 {
                    let (y0, y1) = (run.lowPoint.npv, run.highPoint.npv)
                    if y0.isFinite, y1.isFinite, y0 != 0, y1 != 0, (y0 < 0) != (y1 < 0) {
                        found.append(Found(series: run.series, index: run.high, bracket: brackets.count))
                        brackets.append(NPVLanes.Bracket(series: run.series, low: rates[run.low], high: rates[run.high], lowValue: y0))
                    }
                } else if scans[run.series]!.provenSign(run.lowPoint, run.highPoint) == nil {
                    jobs.append(NPVLanes.Job(series: run.series, rate: rates[(run.low + run.high) / 2]))
                    split.append(run)
                }
            }
            points = NPVLanes.points(flows, jobs: jobs, packed: true)
            runs.removeAll(keepingCapacity: true)
            for (run, p) in zip(split, points) {
                let mid = (run.low + run.high) / 2
                evaluated(run.series, mid, p)
                runs.append(Run(series: run.series, low: run.low, high: mid, lowPoint: run.lowPoint, highPoint: p))
                runs.append(Run(series: run.series, low: mid, high: run.high, lowPoint: p, highPoint: run.highPoint))
            }
        }

        let bisected = NPVLanes.bisect(flows, brackets: brackets)
        var roots = [[Double]](repeating: [], count: series.count)
        found.sort { ($0.series, $0.index) < ($1.series, $1.index) }
        for f in found { roots[f.series].append(f.bracket.map { bisected[$0] } ?? rates[f.index]) }
        return series.indices.map { s in
            CashFlowAppraisal.IRR(rate: roots[s].min { abs($0 - 0.1) < abs($1 - 0.1) }, roots: roots[s], signChanges: changes[s])
        }
    }
}
