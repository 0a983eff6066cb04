import RealizeStore

/// A named setting of the session (`.set evm_red 0.9`): its default, meaning and the check of a new value.
///
/// Built-in settings (`fiscal_year_start`, `today`) and those of the domain commands register the same way.
public struct SettingSpec: Sendable {
    public var name: String
    public var defaultValue: String
    /// One line for `.set` and `.help set`.
    public var help: String
    /// A problem with a value, or nil when it is acceptable.
    public var check: @Sendable (String) -> String?

    public init(name: String, defaultValue: String, help: String, check: @escaping @Sendable (String) -> String?) {
        self.name = name
        self.defaultValue = defaultValue
        self.help = help
        self.check = check
    }

    /// The settings every session has.
    static let builtIn: [SettingSpec] = [
        SettingSpec(name: "fiscal_year_start", defaultValue: "1", help: "first month of the fiscal year (1 = January, 4 = April)") { v in
            guard let n = Int(v), (1...12).contains(n) else { return "fiscal_year_start must be a month number from 1 to 12, not `\(v)`" }
            return nil
        },
        SettingSpec(name: "today", defaultValue: "now", help: "the date relative time filters count from; `now` is the real date") { v in
            guard v == "now" || v == "real" || CivilCalendar.parseDate(Array(v.utf8)) != nil else {
                return "today must be a date written YYYY-MM-DD (or `now`), not `\(v)`"
            }
            return nil
        },
        SettingSpec(
            name: "period_range", defaultValue: "1900-2200",
            help: "the years a period in a loaded file may fall in (FIRST-LAST); a period outside is a load error"
        ) { v in
            periodYears(v) == nil ? "period_range must be two years FIRST-LAST from 1 to 9999, such as 1800-2300, not `\(v)`" : nil
        },
        SettingSpec(
            name: "memory_limit", defaultValue: "auto",
            help: "the most memory one operator's result may take, e.g. 8GB (KB, MB, GB, TB); `auto` is 80% of physical memory"
        ) { v in
            v == "auto" || MemoryLimit.parse(v) != nil ? nil : "memory_limit must be a size such as 512MB or 8GB, not `\(v)`"
        },
    ]

    /// The years of a `period_range` value (`1800-2300`), or nil when it is not two years from 1 to 9999 in order.
    public static func periodYears(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let lo = Int(parts[0]), let hi = Int(parts[1]), 1 <= lo, lo <= hi, hi <= 9999 else { return nil }
        return lo...hi
    }
}
