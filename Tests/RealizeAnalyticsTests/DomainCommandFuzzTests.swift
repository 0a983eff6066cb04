import RealizeQuery
import RealizeSamples
import RealizeStore
import Testing
import RealizeTestSupport
@testable import RealizeAnalytics

/// Random arguments for every domain command, over the sample portfolio: each statement either runs or throws a
/// ``QueryError`` with a diagnostic — never a crash. The commands are new code over user input, so they get the
/// same treatment as the parser.
@Suite struct DomainCommandFuzzTests {
    static let words: [String] = [
        "by", "as", "of", "from", "project", "program", "portfolio", "total", "unit", "dimension", "segment", "sponsor",
        "monthly", "quarterly", "yearly", "adjusted", "trend", "detail", "curve", "profile", "overall", "min", "mean",
        "min_n", "rate", "eac", "cpi", "spi", "plan", "cpi_spi", "ev", "ac", "eac", "amount", "period", "date",
        "financials", "projects", "benefits", "nps", "maturity", "nosuch", "_",
        "0", "1", "30", "-1", "8%", "0.08", "%", "99999999999999999999", "2025-06", "2025-06-30", "1900-01", "9999-12",
        "2025-13", "'Operations, Shared Services'", "\"Zürich Hub PMO\"", "''", ",", ",", "(", ")", "|", "where", "cpi", "<",
        "0.9", "select", "take", "2", "sort", "-", "=", ";", "\n",
    ]

    static let session: QuerySession = {
        var catalog = Catalog()
        for (name, table) in SamplePortfolio.tables() { catalog.set(name, table) }
        var s = QuerySession(catalog: catalog)
        DomainCommands.install(into: &s)
        return s
    }()

    @Test func randomArgumentsNeverCrash() {
        var rng = FuzzSeed.generator(default: 0xC0FFEE)
        var ran = 0, rejected = 0
        for _ in 0..<1500 {
            let command = DomainCommands.names.randomElement(using: &rng)!
            let count = Int.random(in: 0...7, using: &rng)
            let args = (0..<count).map { _ in Self.words.randomElement(using: &rng)! }
            let text = ([command] + args).joined(separator: " ")
            var s = Self.session
            do throws(QueryError) {
                _ = try s.run(text)
                ran += 1
            } catch {
                #expect(!error.diagnostics.isEmpty, "\(text) (seed \(rng.seed))")
                let d = error.primary
                #expect(d.range.start.offset <= text.utf8.count && d.range.start.line >= 1, "\(text): \(d) (seed \(rng.seed))")
                rejected += 1
            }
        }
        #expect(ran > 0 && rejected > 0)
    }

    @Test func everyCommandRunsInItsSimplestForm() throws {
        // `nps`, `maturity` and `benefits` alone are the tables of those names; `trend` needs a metric.
        let simplest = ["trend": "trend cpi", "nps": "nps by program", "maturity": "maturity by unit", "benefits": "benefits by program"]
        for name in DomainCommands.names {
            var s = Self.session
            let outcome = try s.run(simplest[name] ?? name)
            guard case .table(let t) = outcome else { Issue.record("\(name): no table"); continue }
            #expect(t.rowCount > 0, "\(name)")
            #expect(t.invariantViolation() == nil, "\(name)")
        }
    }
}
