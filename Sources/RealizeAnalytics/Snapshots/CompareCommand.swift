import RealizeQuery
import RealizeStore

/// `compare [by LEVEL] [since YYYY-MM] [as of YYYY-MM] [eac METHOD]`: what changed between two monthly extracts
/// (stacked with a `snapshot` column): BAC (re-baselined), EAC drift, CPI and SPI, RAG status, and the benefits
/// forecast, per project, programme or portfolio.
struct CompareCommand: TableCommand {
    let signature = CommandSignature(
        name: "compare",
        summary: "What changed between two monthly extracts: re-baselined BAC, EAC drift, CPI/SPI, status, benefits forecast",
        options: [
            CommonArguments.level(),
            CommandOption("since", words: ["since"], kind: .period, help: "the earlier snapshot (default: the one before the later)"),
            CommandOption(
                "as_of", words: ["as", "of"], kind: .period, help: "the later snapshot (default: the latest in the stacked financials)"),
            CommandOption(
                "eac", words: ["eac"], kind: .choice(EVMFigures.EACMethod.allCases.map(\.rawValue)),
                help: "the EAC compared: cpi (BAC/CPI), plan, cpi_spi; default .set evm_eac"),
        ],
        example: "compare by program since 2025-11")

    func run(_ call: CommandCall, session: QuerySession) throws(QueryError) -> Table {
        let at = call.nameRange
        let args = call.arguments
        let level = CommonArguments.level(call, default: "project")
        let method =
            args.word("eac").flatMap(EVMFigures.EACMethod.init(rawValue:))
            ?? EVMFigures.EACMethod(rawValue: AnalyticsSettings.value("evm_eac", in: session.settings)) ?? .cpi
        let input = InputTables(session: session, at: at, command: "compare")
        let stacked = try SnapshotTables(input: input)
        func known(_ key: String) throws(QueryError) -> Int32? {
            guard let p = args.period(key) else { return nil }
            guard stacked.snapshots.contains(p) else {
                throw InputError.make(
                    .noData, "no snapshot \(CivilCalendar.formatPeriod(p)) in `\(stacked.sources["financials"]!)`",
                    at: args.range(key) ?? at,
                    hint: "snapshots: " + stacked.snapshots.map { CivilCalendar.formatPeriod($0) }.joined(separator: ", "))
            }
            return p
        }
        guard let later = try known("as_of") ?? stacked.snapshots.last else {
            throw InputError.make(.noData, "the stacked financials have no snapshot", at: at)
        }
        guard let earlier = try known("since") ?? stacked.snapshots.last(where: { $0 < later }) else {
            throw InputError.make(
                .noData, "only one snapshot (\(CivilCalendar.formatPeriod(later))) to compare", at: at,
                hint: "stack two monthly extracts with a `snapshot` column")
        }
        let hasBenefits = stacked.sources["benefits"] != nil
        func figures(_ s: Int32) throws(QueryError) -> SnapshotFigures {
            try SnapshotFigures(
                session: try stacked.session(session, snapshot: s, input: input), snapshot: s, level: level, method: method,
                hasBenefits: hasBenefits, at: at)
        }
        return SnapshotComparison(from: earlier, to: later, before: try figures(earlier), after: try figures(later)).table()
    }
}
