import RealizeQuery

/// Settings of the financial commands, changed with `.set NAME VALUE` and kept in ``QuerySettings/options``.
public enum AnalyticsSettings {
    /// One setting: its name, default and meaning.
    public struct Setting: Sendable {
        public var name: String
        public var defaultValue: String
        public var help: String
    }

    /// Every setting, in `.set` order.
    public static let all: [Setting] = [
        Setting(name: "evm_red", defaultValue: "0.9", help: "CPI or SPI below this is red"),
        Setting(name: "evm_amber", defaultValue: "0.95", help: "CPI or SPI below this (and not red) is amber"),
        Setting(name: "evm_eac", defaultValue: "cpi", help: "the EAC that evm reports as eac: cpi (BAC/CPI), plan (AC+BAC-EV) or cpi_spi"),
        Setting(name: "discount_rate", defaultValue: "8%", help: "annual discount rate of appraise when no `rate` is given"),
        Setting(name: "nps_min_n", defaultValue: "30", help: "nps flags a group or period with fewer respondents than this"),
        Setting(name: "maturity_overall", defaultValue: "min", help: "maturity's overall level: min (the weakest dimension) or mean"),
    ]

    /// The setting called `name`.
    public static func named(_ name: String) -> Setting? { all.first { $0.name == name } }

    /// Checks a value for `name`; returns a message when it is not acceptable.
    public static func problem(name: String, value: String) -> String? {
        switch name {
        case "evm_red", "evm_amber":
            guard let v = Double(value), v > 0, v < 10 else { return "\(name) must be a number such as 0.9" }
        case "evm_eac":
            guard EVMFigures.EACMethod(rawValue: value) != nil else { return "evm_eac must be cpi, plan or cpi_spi" }
        case "discount_rate":
            guard parseRate(value) != nil else { return "discount_rate must be a rate such as 8% or 0.08" }
        case "nps_min_n":
            guard let v = Int(value), v >= 0 else { return "nps_min_n must be a whole number such as 30" }
        case "maturity_overall":
            guard OverallRule(rawValue: value.lowercased()) != nil else { return "maturity_overall must be min or mean" }
        default:
            return "unknown setting `\(name)`"
        }
        return nil
    }

    /// The value of `name` in `settings`, or its default.
    static func value(_ name: String, in settings: QuerySettings) -> String {
        settings.options[name] ?? named(name)?.defaultValue ?? ""
    }

    /// `8%` → 0.08, `0.08` → 0.08, `8` → 0.08.
    static func parseRate(_ text: String) -> Double? {
        var t = text.trimmingSpaces
        var percent = false
        if t.hasSuffix("%") { t.removeLast(); percent = true }
        guard let v = Double(t.trimmingSpaces), v.isFinite, v > -1 else { return nil }
        return percent || v > 1 ? v / 100 : v
    }

    static func thresholds(_ settings: QuerySettings) -> EVMThresholds {
        EVMThresholds(red: Double(value("evm_red", in: settings)) ?? 0.9, amber: Double(value("evm_amber", in: settings)) ?? 0.95)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
