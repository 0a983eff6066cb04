/// ``CashFlowAppraisal/irr(_:)`` of many series of flows at once (a group's monthly flows each), the same result
/// for each series, to the bit.
///
/// The series' scans (``NPVSignScan/Search``) advance a level at a time together, and every rate any of them asks
/// for is evaluated in the same passes, 4 lanes a pass (``NPVLanes/points(_:jobs:)``); then every bracket found is
/// bisected side by side with the others (``NPVLanes/bisect(_:brackets:)``), one lane per bracket. Only the way the
/// evaluations are packed changes: each is the same sequence of operations as the series' own search makes.
enum IRRBatch {
    static func irrs(_ series: [[Double]]) -> [CashFlowAppraisal.IRR] {
        let flows = FlowSeries(series)
        let changes = series.map(CashFlowAppraisal.signChanges)
        var searches: [NPVSignScan.Search?] = series.indices.map { s in changes[s] > 0 ? NPVSignScan.Search(NPVSignScan(series[s])) : nil }
        // The scans, a level of all of them a round.
        while true {
            var jobs: [NPVLanes.Job] = []
            for (s, search) in searches.enumerated() {
                for i in search?.requests ?? [] { jobs.append(NPVLanes.Job(series: s, rate: RateGrid.rates[i])) }
            }
            if jobs.isEmpty { break }
            var points = NPVLanes.points(flows, jobs: jobs)[...]
            for s in searches.indices {
                guard let asked = searches[s]?.requests.count, asked > 0 else { continue }
                searches[s]!.receive(Array(points.prefix(asked)))
                points = points.dropFirst(asked)
            }
        }
        // The brackets of every series, in the order its roots are listed, then all bisected together.
        var brackets: [NPVLanes.Bracket] = []
        for (s, search) in searches.enumerated() {
            guard let values = search?.values else { continue }
            _ = CashFlowAppraisal.roots(scanned: values) { low, high, lowValue in
                brackets.append(NPVLanes.Bracket(series: s, low: low, high: high, lowValue: lowValue))
                return 0
            }
        }
        var bisected = NPVLanes.bisect(flows, brackets: brackets)[...]
        return series.indices.map { s in
            guard let values = searches[s]?.values else { return CashFlowAppraisal.IRR(rate: nil, roots: [], signChanges: 0) }
            let roots = CashFlowAppraisal.roots(scanned: values) { _, _, _ in bisected.popFirst()! }
            return CashFlowAppraisal.IRR(rate: roots.min { abs($0 - 0.1) < abs($1 - 0.1) }, roots: roots, signChanges: changes[s])
        }
    }
}
