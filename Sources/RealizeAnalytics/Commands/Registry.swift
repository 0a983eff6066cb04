import RealizeQuery

/// The domain commands, measures and settings of the analytics layer, registered into a session.
public enum DomainCommands {
    /// Every command, in `.help` order. Each capability adds its own line.
    public static let all: [any TableCommand] = [
        EVMCommand(),
        TrendCommand(),
        AppraiseCommand(),
        CompareCommand(),
        BenefitsCommand(),
        NPSCommand(),
        MaturityCommand(),
    ]

    /// Names, for help.
    public static var names: [String] { all.map(\.signature.name) }

    /// Measures usable inside `agg`.
    public static var measures: [String: Measure] { FinancialMeasures.measures }

    /// Registers the commands, measures and settings into a session.
    public static func install(into session: inout QuerySession) {
        for c in all { session.register(c) }
        for m in measures.values.sorted(by: { $0.name < $1.name }) { session.register(m) }
        for s in AnalyticsSettings.all {
            session.register(
                SettingSpec(name: s.name, defaultValue: s.defaultValue, help: s.help) { value in
                    AnalyticsSettings.problem(name: s.name, value: value)
                })
        }
    }
}
