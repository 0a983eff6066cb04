import RealizeQuery
import RealizeStore
import RealizeTestSupport
import Testing

@testable import RealizeAnalytics

/// `nps` counts a column at a time (``KeyGroups``, ``NPSAnalysis/scores(_:source:)``,
/// ``NPSAnalysis/tallyRows(_:groups:periods:grain:fiscalStart:denseLimit:)``): checked against row-by-row
/// references over random tables with nulls.
@Suite struct NPSCountingTests {
    /// A random key column of `rows` rows: text, int, period or bool, about one value in eight null, with
    /// `distinct` values at most.
    static func keyColumn(_ rng: inout SeededGenerator, rows: Int, distinct: Int) -> Column {
        let type = [DataType.text, .int, .period, .bool].randomElement(using: &rng)!
        let values: [Value] = (0..<rows).map { _ in
            if Int.random(in: 0..<8, using: &rng) == 0 { return .null }
            let k = Int.random(in: 0..<max(1, distinct), using: &rng)
            switch type {
            case .text: return .text("k\(k)")
            case .int: return .int(Int64(k) * 7 - 20)
            case .period: return .period(Int32(24_000 + k))
            default: return .bool(k % 2 == 0)
            }
        }
        return Column(name: "k", type: type, values: values)
    }

    /// Groups are the distinct whole keys (null a value of its own), numbered in order of first appearance, by
    /// the array path (few pairs) and the dictionary path (many) alike.
    @Test func groupsAreKeysInOrderOfFirstAppearance() {
        var rng = SeededGenerator(seed: 0x4E5)
        for round in 0..<300 {
            let rows = Int.random(in: 0...(round % 10 == 0 ? 3_000 : 200), using: &rng)
            let distinct = round % 10 == 0 ? 400 : Int.random(in: 1...12, using: &rng)
            let keys = (0..<Int.random(in: 0...3, using: &rng)).map { _ in Self.keyColumn(&rng, rows: rows, distinct: distinct) }
            let groups = KeyGroups(keys, rowCount: rows)
            var number: [[String?]: Int] = [:]
            var firstRow: [Int] = []
            for r in 0..<rows {
                let key = keys.map { $0.isNull(r) ? nil : $0.value(at: r).description }
                let g = number[key] ?? firstRow.count
                if g == firstRow.count {
                    number[key] = g
                    firstRow.append(r)
                }
                #expect(groups.groupOfRow[r] == g)
            }
            #expect(groups.firstRow == firstRow)
        }
    }

    /// Scores of every stored type: nulls (and non-finite doubles) are −1, and the first answer that is not a whole
    /// number from 0 to 10 is the error, naming its row.
    @Test func scoresAndTheFirstBadAnswer() throws {
        let session = npsSession([("nps", makeTable([("score", .int, [.int(3), .null, .int(10), .int(0)])]))])
        let source = try SourceColumns(
            "nps", session: session, range: SourceRange(.init(line: 1, column: 1, offset: 0), .init(line: 1, column: 4, offset: 3)), command: "nps")
        let ints = Column(name: "score", type: .int, values: [.int(3), .null, .int(10), .int(0)])
        #expect(try NPSAnalysis.scores(ints, source: source) == [3, -1, 10, 0])
        let doubles = Column(name: "score", type: .double, values: [.double(9), .double(.nan), .double(7), .null])
        #expect(try NPSAnalysis.scores(doubles, source: source) == [9, -1, 7, -1])
        let decimals = Column(name: "score", type: .decimal, values: [.decimal(FixedDecimal(units: 800, scale: 2)), .null])
        #expect(try NPSAnalysis.scores(decimals, source: source) == [8, -1])
        for bad: [Value] in [[.int(4), .null, .int(11), .int(-1)], [.int(-1)]] {
            let c = Column(name: "score", type: .int, values: bad)
            let row = bad.firstIndex { if case .int(let v) = $0 { return !(0...10).contains(v) } else { return false } }!
            #expect {
                _ = try NPSAnalysis.scores(c, source: source)
            } throws: { error in
                (error as? QueryError)?.primary.message.contains("row \(row + 1),") == true
            }
        }
        let fraction = Column(name: "score", type: .decimal, values: [.decimal(FixedDecimal(units: 850, scale: 2))])
        #expect(throws: QueryError.self) { try NPSAnalysis.scores(fraction, source: source) }
    }

    /// The dense group × bucket grid gives the rows of the dictionary per group, for every grain and fiscal
    /// start, with rows without an answer or a period left out.
    @Test func denseGridRowsAreTheDictionaryRows() {
        var rng = SeededGenerator(seed: 0x4E6)
        for _ in 0..<300 {
            let rows = Int.random(in: 0...150, using: &rng)
            let keys = (0..<Int.random(in: 0...2, using: &rng)).map { _ in Self.keyColumn(&rng, rows: rows, distinct: 6) }
            let groups = KeyGroups(keys, rowCount: rows)
            let scores: [Int8] = (0..<rows).map { _ in Int.random(in: 0..<6, using: &rng) == 0 ? -1 : Int8.random(in: 0...10, using: &rng) }
            let span = Int32.random(in: 1...(Bool.random(using: &rng) ? 40 : 3_000), using: &rng)
            let periods = Column(
                name: "period", type: .period,
                values: (0..<rows).map { _ in Int.random(in: 0..<9, using: &rng) == 0 ? .null : .period(24_100 + Int32.random(in: 0..<span, using: &rng)) })
            for grain in TimeGrain.allCases {
                let fiscalStart = Int.random(in: 1...12, using: &rng)
                let dense = NPSAnalysis.tallyRows(scores, groups: groups, periods: periods, grain: grain, fiscalStart: fiscalStart, denseLimit: .max)
                let sparse = NPSAnalysis.tallyRows(scores, groups: groups, periods: periods, grain: grain, fiscalStart: fiscalStart, denseLimit: 0)
                #expect(dense.map(\.group) == sparse.map(\.group))
                #expect(dense.map(\.bucket) == sparse.map(\.bucket))
                #expect(dense.map(\.tally) == sparse.map(\.tally))
                // Every answer with a period is counted once.
                let answered = (0..<rows).filter { scores[$0] >= 0 && !periods.isNull($0) }.count
                #expect(dense.reduce(0) { $0 + $1.tally.n } == answered)
            }
        }
    }
}
