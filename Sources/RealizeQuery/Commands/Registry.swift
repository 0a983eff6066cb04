import RealizeStore

/// What the layers above add to the language: table commands and settings. Measures, the third kind, live in
/// ``QuerySettings/measures``, where the checker reads them; all three register through ``QuerySession``.
public struct Registry: Sendable {
    /// Table commands by lower-case name, in registration order in ``commandNames``.
    public private(set) var commands: [String: any TableCommand] = [:]
    public private(set) var commandNames: [String] = []
    /// Settings by name, in registration order in ``settingNames``.
    public private(set) var settings: [String: SettingSpec] = [:]
    public private(set) var settingNames: [String] = []

    public init() {
        for s in SettingSpec.builtIn { add(s) }
    }

    mutating func add(_ command: any TableCommand) {
        let name = command.signature.name.lowercased()
        if commands[name] == nil { commandNames.append(name) }
        commands[name] = command
    }

    mutating func add(_ setting: SettingSpec) {
        if settings[setting.name] == nil { settingNames.append(setting.name) }
        settings[setting.name] = setting
    }

    /// The signatures the parser reads commands with.
    var signatures: [String: CommandSignature] { commands.mapValues(\.signature) }
}

extension QuerySession {
    /// Adds a table command to the language.
    public mutating func register(_ command: any TableCommand) { settings.registry.add(command) }

    /// Adds a setting that `.set` accepts.
    public mutating func register(_ setting: SettingSpec) { settings.registry.add(setting) }

    /// Adds a measure usable inside `agg`.
    public mutating func register(_ measure: Measure) { settings.measures[measure.name] = measure }

    /// The current value of setting `name`, as written (its default when never set).
    public func settingValue(_ name: String) -> String? {
        switch name {
        case "fiscal_year_start": return String(settings.fiscalYearStart)
        case "today": return settings.today.map { CivilCalendar.formatDate($0) } ?? "now"
        default: return settings.options[name] ?? settings.registry.settings[name]?.defaultValue
        }
    }

    /// Changes setting `name`.
    ///
    /// - Throws: a diagnostic `unknown-setting` (with did-you-mean) or `bad-setting`; the session is unchanged.
    public mutating func set(_ name: String, to value: String) throws(QueryError) {
        let here = SourceRange(SourceLocation(line: 1, column: 1, offset: 0), SourceLocation(line: 1, column: 1, offset: 0))
        guard let spec = settings.registry.settings[name] else {
            let names = settings.registry.settingNames
            let hint = Suggest.nearest(name, in: names).map { "did you mean `\($0)`?" } ?? "settings: " + names.joined(separator: ", ")
            throw QueryError(Diagnostic(id: .unknownSetting, message: "unknown setting `\(name)`", range: here, hint: hint))
        }
        if let problem = spec.check(value) { throw QueryError(Diagnostic(id: .badSetting, message: problem, range: here)) }
        switch name {
        case "fiscal_year_start": settings.fiscalYearStart = Int(value) ?? 1
        case "today": settings.today = value == "now" || value == "real" ? nil : CivilCalendar.parseDate(Array(value.utf8))
        default: settings.options[name] = value
        }
    }
}
