import Testing
import RealizeTestSupport
import RealizeStore
@testable import RealizeQuery

/// Random token streams and mutated queries must never crash the lexer, parser, checker, executor or completer:
/// each statement either runs or throws a ``QueryError`` with at least one diagnostic and sane positions.
@Suite struct ParserFuzzTests {
    static let pieces: [String] = [
        // verbs and keywords
        "where", "select", "derive", "by", "agg", "join", "left", "on", "sort", "take", "top", "distinct", "pivot", "window", "union",
        "order", "let", "explain", "and", "or", "not", "in", "between", "is", "null", "true", "false", "if", "then", "else",
        "case", "when", "end", "contains", "starts", "ends", "with", "like", "as", "of", "except", "asc", "desc",
        "this", "last", "ytd", "months", "quarter", "years",
        // names
        "financials", "projects", "_", "project_id", "period", "actual_cost", "earned_value", "planned_value", "program",
        "budget", "project", "x", "cv", "`odd name`", "`", "ac",
        // functions
        "sum", "count", "avg", "median", "percentile", "stddev", "first", "last", "min", "max", "running_sum", "lag", "lead",
        "delta", "pct_change", "rolling_mean", "rank", "row_number", "coalesce", "nullif", "abs", "round", "lower", "upper",
        "length", "fiscal_year", "fiscal_quarter", ".year", ".month", ".quarter", ".fiscal_year", ".day", ".nope",
        // symbols
        "|", "|", "|", ",", "(", ")", "(", ")", "=", "==", "!=", "<>", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", ".", ";",
        "[", "]", "||", "--", "#", "*",
        // literals
        "0", "1", "2", "42", "-1", "3.14", "0.79", "1e3", "1e999", ".5", "1_000", "99999999999", "9223372036854775807",
        "9223372036854775808", "2025-06", "2025-06-30", "2025-13", "2025-02-30", "0000-00", "'P1'", "'Zürich'", "''", "'",
        "\"", "\"x\"", "'unterminated",
        // layout and junk
        "\n", "\n", " ", "\t", "\r\n", "€", "🙂", "ü", "\u{301}", "\u{0}", "\u{FEFF}", "Ω", "@", "$", "?", "!", "{", "}", "\\",
    ]

    static let seeds: [String] = [
        "financials | where actual_cost > 100 | sort -actual_cost | take 2",
        "financials | join projects on project_id | by program agg ac = sum(actual_cost), n = count()",
        "financials | window by project_id order period cum = running_sum(actual_cost), l = lag(actual_cost, 2)",
        "financials | pivot period by project_id agg sum(actual_cost) | sort project_id",
        "financials | derive cv = earned_value - actual_cost | top 3 by cv | select project_id, cv",
        "let x = financials | where period in last 6 months and project_id in ('P1', 'P2')",
        "projects | select * except budget | distinct",
        "explain financials | agg m = median(actual_cost), p = percentile(actual_cost, 0.9), d = count(distinct period)",
        "financials | where case when actual_cost > 1 then true else false end | derive y = period.fiscal_year",
        "projects | where project like 'a%' or program contains 'Z' | derive n = length(upper(project))",
    ]

    static let catalog: Catalog = {
        var c = Fixtures.catalog()
        c.set("empty", Fixtures.table("a,b\n", "empty.csv"))
        return c
    }()

    /// Runs one text through everything; records an issue for a malformed error.
    static func exercise(_ q: String, rng: inout SplitMix) {
        if queryTestsTrace { print("fuzz: \(String(reflecting: q))") }
        var s = QuerySession(catalog: catalog)
        s.settings.today = CivilCalendar.days(year: 2025, month: 8, day: 15)
        s.settings.fiscalYearStart = rng.int(1...12)
        _ = QuerySession.isIncomplete(q)
        do {
            _ = try s.run(q)
            // Run again against the result, as `_`.
            _ = try? s.run("_ | " + q)
        } catch {
            if error.diagnostics.isEmpty { Issue.record("error without diagnostics for \(String(reflecting: q))") }
            for d in error.diagnostics where d.range.start.line < 1 || d.range.start.column < 1 || d.id.rawValue.isEmpty || d.message.isEmpty {
                Issue.record("bad diagnostic \(d) for \(String(reflecting: q))")
            }
        }
        let n = q.utf8.count
        for cursor in [n, rng.int(0...n), rng.int(0...n)] {
            _ = s.completions(source: q, cursor: cursor)
        }
    }

    static func randomStream(_ rng: inout SplitMix) -> String {
        var out = ""
        for _ in 0..<rng.int(0...24) {
            out += rng.pick(pieces)
            if rng.chance(0.7) { out += " " }
        }
        return out
    }

    static func mutate(_ q: String, _ rng: inout SplitMix) -> String {
        var chars = Array(q)
        for _ in 0..<rng.int(1...4) {
            switch rng.int(0...3) {
            case 0 where !chars.isEmpty: chars.remove(at: rng.int(0...(chars.count - 1)))
            case 1: chars.insert(contentsOf: Array(rng.pick(pieces)), at: rng.int(0...chars.count))
            case 2 where !chars.isEmpty: chars = Array(chars.prefix(rng.int(0...chars.count)))
            default:
                // Swap two words.
                var words = String(chars).split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                if words.count > 1 { words.swapAt(rng.int(0...(words.count - 1)), rng.int(0...(words.count - 1))) }
                chars = Array(words.joined(separator: " "))
            }
        }
        return String(chars)
    }

    @Test func randomTokenStreamsNeverCrash() {
        var rng = FuzzSeed.generator(default: 0xF00D)
        for _ in 0..<12_000 {
            let q = Self.randomStream(&rng)
            Self.exercise(q, rng: &rng)
        }
    }

    @Test func mutatedQueriesNeverCrash() {
        var rng = FuzzSeed.generator(default: 0xBEEF)
        for k in 0..<8_000 {
            let q = Self.mutate(Self.seeds[k % Self.seeds.count], &rng)
            Self.exercise(q, rng: &rng)
        }
    }

    @Test func seedQueriesRun() throws {
        for q in Self.seeds {
            var s = QuerySession(catalog: Self.catalog)
            #expect(throws: Never.self, "\(q)") { _ = try s.run(q) }
        }
    }

    @Test(arguments: [
        "financials | top 9223372036854775807 by actual_cost",
        "financials | sort actual_cost | take 9223372036854775807",
        "financials | window order period x = lead(actual_cost, 9223372036854775807)",
        "financials | window order period x = lag(actual_cost, 9223372036854775807)",
        "financials | where period in last 99999999999 months",
        "financials | where period in last 999999999 years",
        "financials | where period in last 0 months",
        "financials | derive x = round(actual_cost, 99), y = round(actual_cost / 3, 99)",
        "financials | where 9223372036854775807 + 1 > 0",
        "financials | derive x = -9223372036854775807 - 1 - 1",
        "empty | pivot a agg count()",
        "empty | window by a order b r = rank(b)",
        "empty | agg n = count(), s = sum(b), m = median(b), f = first(a)",
    ])
    func extremesDoNotCrash(_ q: String) {
        var rng = FuzzSeed.generator(default: 1)
        Self.exercise(q, rng: &rng)
    }
}
