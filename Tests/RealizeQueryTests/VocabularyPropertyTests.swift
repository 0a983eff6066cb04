import Foundation
import RealizeStore
import RealizeTestSupport
import Testing
@testable import RealizeQuery

/// The date, text and cast kernels against the reference's one-value-at-a-time versions (Foundation's
/// calendar, Swift's `Character`s), on random tables with nulls, dates before 1970, leap days, padded and
/// combining-character text, over random calls: the engine's column must equal the reference, value by value.
@Suite struct VocabularyPropertyTests {
    static let texts = [
        "", " ", "a", "Zu\u{308}rich", "Zürich", " P-001 ", "a-b-c", "--", "Kraków", "x,y", "abcdef", "  lead", "trail  ", "1e3",
        " 12 ", "-7", "2.5", "P001",
    ]

    struct Case {
        var rows: [(t: Value, dt: Value, p: Value, n: Value)]
        var expression: String
        var reference: ([Value]) -> Value
        var arguments: [(Int) -> Value]
    }

    static func literal(_ v: Value) -> String {
        switch v {
        case .text(let s): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .date(let d): return CivilCalendar.formatDate(d)
        case .period(let p): return CivilCalendar.formatPeriod(p)
        case .int(let x): return x < 0 ? "(\(x))" : "\(x)"
        default: return v.description
        }
    }

    static func generate(_ g: inout SeededGenerator) -> (Table, [[Value]], String, String) {
        let count = g.int(0...12)
        var rows: [[Value]] = []
        for _ in 0..<count {
            let t: Value = g.chance(0.1) ? .null : .text(g.pick(texts))
            let dt: Value =
                g.chance(0.1)
                ? .null
                : .date(
                    Ref.makeDate(
                        g.pick([1900, 1969, 1970, 2000, 2023, 2024, 2025]), g.int(1...12), g.pick([1, 15, 28, 29, 30, 31].filter { $0 <= 28 || g.chance(0.5) }))
                )
            let p: Value = g.chance(0.1) ? .null : .period(CivilCalendar.period(year: g.int(1950...2030), month: g.int(1...12)))
            let n: Value = g.chance(0.1) ? .null : .int(Int64(g.int(-14...40)))
            rows.append([t, dt, p, n])
        }
        // One call: its text, and the names of its arguments (a column or a literal).
        func intArg() -> (String, (Int) -> Value) {
            if g.chance(0.5) { return ("n", { rows[$0][3] }) }
            let v = Value.int(Int64(g.int(-3...8)))
            return (literal(v), { _ in v })
        }
        func textArg(_ choices: [String]) -> (String, (Int) -> Value) {
            let v = Value.text(g.pick(choices))
            return (literal(v), { _ in v })
        }
        let t: (String, (Int) -> Value) = ("t", { rows[$0][0] })
        let dt: (String, (Int) -> Value) = ("dt", { rows[$0][1] })
        let p: (String, (Int) -> Value) = ("p", { rows[$0][2] })
        let name: String
        var args: [(String, (Int) -> Value)]
        switch g.int(0...21) {
        case 0: (name, args) = ("add_days", [dt, intArg()])
        case 1: (name, args) = ("add_months", [g.chance(0.5) ? dt : p, intArg()])
        case 2: (name, args) = ("days_between", [dt, (literal(.date(Ref.makeDate(2024, 2, 29))), { _ in .date(Ref.makeDate(2024, 2, 29)) })])
        case 3:
            let other = Value.date(Ref.makeDate(2024, 1, 31))
            (name, args) = ("months_between", g.chance(0.5) ? [dt, (literal(other), { _ in other })] : [(literal(other), { _ in other }), dt])
        case 4: (name, args) = ("start_of", [g.chance(0.5) ? dt : p])
        case 5: (name, args) = ("end_of", [g.chance(0.5) ? dt : p])
        case 6: (name, args) = ("substr", g.chance(0.5) ? [t, intArg()] : [t, intArg(), intArg()])
        case 7: (name, args) = ("left", [t, intArg()])
        case 8: (name, args) = ("right", [t, intArg()])
        case 9: (name, args) = ("trim", [t])
        case 10: (name, args) = ("replace", [t, textArg(["-", "a", "ü", "u\u{308}"]), textArg(["", "_", "XY"])])
        case 11: (name, args) = ("split_part", [t, textArg(["-", ",", " "]), intArg()])
        case 12: (name, args) = (g.chance(0.5) ? "lpad" : "rpad", g.chance(0.5) ? [t, intArg()] : [t, intArg(), textArg(["0", "ab"])])
        case 13: (name, args) = ("concat", [t, g.chance(0.5) ? dt : p, intArg()])
        case 14: (name, args) = ("to_int", [t])
        case 15: (name, args) = (g.chance(0.5) ? "ltrim" : "rtrim", [t])
        case 16: (name, args) = ("matches", [t, textArg(["^[A-Z]", "-", "\\d$", "^$", "ich$"])])
        case 17: (name, args) = ("period_of", [dt])
        case 18: (name, args) = ("date_trunc", [textArg(["month", "quarter", "year"]), g.chance(0.5) ? dt : p])
        case 19: (name, args) = ("to_double", [t])
        case 20:
            (name, args) = ("to_date", [textArg(["31.12.2025", "29.02.2024", "29.02.2023", "1.1.2000", "x"]), ("'dd.mm.yyyy'", { _ in .text("dd.mm.yyyy") })])
        default: (name, args) = ("length", [t])
        }
        let expression = "\(name)(\(args.map(\.0).joined(separator: ", ")))"
        let expected = rows.indices.map { r in Ref.call(name, args.map { $0.1(r) }) }
        let table = Table(
            columns: [
                Column(name: "t", type: .text, values: rows.map { $0[0] }), Column(name: "dt", type: .date, values: rows.map { $0[1] }),
                Column(name: "p", type: .period, values: rows.map { $0[2] }), Column(name: "n", type: .int, values: rows.map { $0[3] }),
            ], rowCount: rows.count)
        return (table, expected.map { [$0] }, expression, name)
    }

    @Test func kernelsAgreeWithTheReference() throws {
        var g = FuzzSeed.generator(default: 0x0DA7E5)
        var failures = 0
        for _ in 0..<600 where failures < 5 {
            let (table, expected, expression, _) = Self.generate(&g)
            var catalog = Catalog()
            catalog.set("r", table)
            var s = QuerySession(catalog: catalog)
            let query = "r | derive x = \(expression) | select x"
            let got: Table
            do {
                got = try runTable(query, &s)
            } catch {
                failures += 1
                Issue.record("\(query) failed: \(error) (seed \(g.seed))")
                continue
            }
            let values = (0..<got.rowCount).map { got.columns[0].value(at: $0) }
            if values != expected.map({ $0[0] }) {
                failures += 1
                let rows = (0..<table.rowCount).map { r in table.columns.map { $0.value(at: r).description }.joined(separator: ", ") }
                Issue.record("\(query)\nrows: \(rows)\nengine:    \(values)\nreference: \(expected.map { $0[0] }) (seed \(g.seed))")
            }
        }
    }
}

extension VocabularyPropertyTests {
    /// Aggregates over a `window`'s partition equal the partition's aggregate computed row by row, on every row
    /// of it (nulls skipped; a null key is a partition of its own; the sum of no values is null).
    @Test func windowAggregatesEqualTheirPartitions() throws {
        var g = FuzzSeed.generator(default: 0x5A4E)
        for _ in 0..<300 {
            let n = g.int(0...15)
            let keys: [Value] = (0..<n).map { _ in g.chance(0.15) ? .null : .text(g.pick(["a", "b", "c"])) }
            let xs: [Value] = (0..<n).map { _ in g.chance(0.2) ? .null : .int(Int64(g.int(-5...9))) }
            var catalog = Catalog()
            catalog.set(
                "r", Table(columns: [Column(name: "k", type: .text, values: keys), Column(name: "x", type: .int, values: xs)], rowCount: n))
            var s = QuerySession(catalog: catalog)
            let t = try runTable("r | window by k derive s = sum(x), c = count(x), lo = min(x), hi = max(x), rows = count()", &s)
            for r in 0..<n {
                let mates = (0..<n).filter { keys[$0] == keys[r] }
                let values = mates.compactMap { i -> Int64? in if case .int(let v) = xs[i] { v } else { nil } }
                let expected: [Value] = [
                    values.isEmpty ? .null : .int(values.reduce(0, +)), .int(Int64(values.count)),
                    values.min().map { .int($0) } ?? .null, values.max().map { .int($0) } ?? .null, .int(Int64(mates.count)),
                ]
                let got = (2..<7).map { t.columns[$0].value(at: r) }
                #expect(got == expected, "row \(r) of keys \(keys), x \(xs) (seed \(g.seed))")
            }
        }
    }
}
