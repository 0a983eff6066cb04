import RealizeAnalytics
import RealizeQuery
import RealizeSamples
import RealizeStore

/// The sessions the fuzz targets run statements in, built once per process.
public enum FuzzCatalogs {
    /// The embedded sample portfolio with the domain commands installed.
    public static let sample: QuerySession = {
        var c = Catalog()
        for (name, table) in SamplePortfolio.tables() { c.set(name, table) }
        var s = QuerySession(catalog: c)
        s.settings.today = 20_000  // a fixed "today", so relative time filters are reproducible
        DomainCommands.install(into: &s)
        return s
    }()

    /// A small catalog (`financials`, `projects`, `nps`: a few rows each, with nulls, negatives, decimals
    /// of mixed scale and non-ASCII text) with the domain commands installed; every statement is cheap here.
    public static let small: QuerySession = {
        var c = Catalog()
        for (name, csv) in smallCSV {
            if let t = try? CSVReader.read(bytes: Array(csv.utf8), sourceName: name + ".csv") { c.set(name, t) }
        }
        var s = QuerySession(catalog: c)
        s.settings.today = 20_000
        DomainCommands.install(into: &s)
        return s
    }()

    /// Statements run once before fuzzing (``FuzzDriver/run(_:warmUp:)``), so that the catalogs and the lazy state
    /// of the lexer, parser, planner, executor and domain commands exist before leak detection starts.
    public static let warmUpStatements = [
        "financials | join projects on project_id | by program agg ac = sum(actual_cost), n = count() | sort -ac | take 3",
        "evm by program | where cpi < 1",
        "let x = projects | where budget > 1 | select project_id, budget; x | derive y = budget * 2.5 | top 2 by y",
        "explain nps by program",
        "financials | window order period derive c = running_sum(actual_cost)",
        "projects | where (",
        "",
    ]

    static let smallCSV: [(String, String)] = [
        (
            "financials",
            """
            project_id,period,planned_value,earned_value,actual_cost
            P1,2025-01,100.00,90.00,120.00
            P1,2025-02,100.00,100.00,110.00
            P2,2025-01,50.00,50.00,40.00
            P2,2025-02,50.00,,45.50
            P3,2025-02,0.70,0.79,1.1
            P3,2025-03,-5.25,0,0

            """
        ),
        (
            "projects",
            #"""
            project_id,project,program,budget,start,active
            P1,Alpha,"Finance, ""Phase II""",1000.00,2024-11-01,true
            P2,Beta,Zürich,500,2025-01-15,false
            P3,Gamma,Zürich,10.5,,true
            P4,Delta,,0,2025-03-01,

            """#
        ),
        (
            "nps",
            """
            program,period,score
            Zürich,2025-01,9
            Zürich,2025-02,3
            Finance,2025-01,10
            Finance,2025-02,

            """
        ),
    ]
}
