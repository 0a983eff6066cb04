import RealizeQuery
import RealizeStore

/// One extract's figures per group: from `evm` (BAC, EAC, CPI, SPI, RAG status) and from `benefits` (the
/// planned total over the whole horizon and the realized total to the snapshot).
struct SnapshotFigures {
    struct Row {
        var keys: [Value]
        var bac: Double?
        var eac: Double?
        var cpi: Double?
        var spi: Double?
        var status: String?
        var planned: Double?
        var realized: Double?
        /// The whole-life business case's forecast NPV (`appraise … forecast`) on this extract.
        var forecastNPV: Double?
    }

    /// Key column names (as `evm` gives them).
    var keyNames: [String] = []
    /// Rows by the group's first key.
    var rows: [String: Row] = [:]
    /// Group keys in `evm`'s order.
    var order: [String] = []

    /// - Parameters:
    ///   - session: a session whose `projects`, `financials` and `benefits` are one extract.
    ///   - hasBenefits: whether that extract has benefits.
    init(
        session: QuerySession, snapshot: Int32, level: (String, SourceRange), method: EVMFigures.EACMethod, hasBenefits: Bool, at: SourceRange
    ) throws(QueryError) {
        let input = InputTables(session: session, at: at, command: "compare")
        let data = try FinancialData(level: level.0, levelRange: level.1, input: input)
        let evm = try EVMReport.table(data, status: snapshot, method: method, thresholds: AnalyticsSettings.thresholds(session.settings), input: input)
        keyNames = evm.columnNames.prefix { !["projects", "status_period"].contains($0) }.map { $0 }
        func double(_ name: String, _ r: Int) -> Double? { evm.column(named: name)?.value(at: r).doubleValue }
        for r in 0..<evm.rowCount {
            let keys = keyNames.map { evm.column(named: $0)!.value(at: r) }
            let key = keys[0].description
            order.append(key)
            var status: String? = nil
            if case .text(let s) = evm.column(named: "status")!.value(at: r) { status = s }
            rows[key] = Row(
                keys: keys, bac: double("bac", r), eac: double("eac", r), cpi: double("cpi", r), spi: double("spi", r), status: status)
        }
        guard hasBenefits else { return }
        let rate = AnalyticsSettings.parseRate(AnalyticsSettings.value("discount_rate", in: session.settings)) ?? 0.08
        let case_ = try BusinessCaseReport(
            .init(level: level, rate: rate, status: snapshot, method: method, scenario: CaseScenario()), input: input
        ).table()
        if let npv = case_.column(named: "forecast_npv"), let key = case_.columns.first {
            for r in 0..<case_.rowCount where rows[key.value(at: r).description] != nil {
                rows[key.value(at: r).description]!.forecastNPV = npv.value(at: r).doubleValue
            }
        }
        for k in order {
            rows[k]!.planned = 0
            rows[k]!.realized = 0
        }
        let projects = try input.table("projects", for: "compare")
        let ids = input.keys(try input.column(projects, "projects", "project_id"))
        let levelColumn = ["project", "total", "all"].contains(level.0) ? nil : projects.column(named: level.0).map(input.keys)
        var groupOf: [String: String] = [:]
        for r in 0..<projects.rowCount {
            guard let id = ids[r] else { continue }
            groupOf[id] = level.0 == "project" ? id : (levelColumn == nil ? "total" : levelColumn![r] ?? "")
        }
        let benefits = try input.table("benefits", for: "compare (benefits forecast)")
        let bIds = input.keys(try input.column(benefits, "benefits", "project_id"))
        let columns = try ["planned", "realized"].map { n throws(QueryError) in try input.column(benefits, "benefits", n) }
        let scale = InputTables.moneyScale(columns)
        let planned = try input.amounts(columns[0], "benefits", scale: scale)
        let realized = try input.amounts(columns[1], "benefits", scale: scale)
        for r in 0..<benefits.rowCount {
            guard let id = bIds[r], let g = groupOf[id], rows[g] != nil else { continue }
            if let p = planned[r] { rows[g]!.planned! += p.amount(scale: scale) }
            if let x = realized[r] { rows[g]!.realized! += x.amount(scale: scale) }
        }
    }
}
