import RealizeQuery

/// The financial measures: one catalog entry per figure, with its formula, convention and source.
///
/// Entries with an `expression` are usable inside `agg` (`financials | by project_id agg cpi, spi`): they are sums
/// over the `financials` columns (`planned_value`, `earned_value`, `actual_cost`) and, for BAC, `budget`. The others
/// need the time-phased plan and are computed by the `evm` command only.
public enum FinancialMeasures {
    /// A catalog entry.
    public struct Entry: Sendable {
        public var name: String
        /// The query-language expression, or nil for figures only `evm` computes.
        public var expression: String?
        public var formula: String
        public var convention: String
        public var source: String
        /// Where it can be used: `agg` and `evm`, or `evm` only.
        public var availability: String { expression == nil ? "evm" : "agg, evm" }
    }

    static let pmi = "PMI, Practice Standard for Earned Value Management, 2nd ed. (2011); PMBOK Guide"
    static let lipke = "Lipke, \"Schedule is Different\", The Measurable News (2003); PMI Practice Standard for EVM, 2nd ed., appendix D"
    static let bacNote =
        "BAC is sum(budget): the rows must carry each project's budget once (one row per project, e.g. per-project sums joined to projects); `evm` does this for you"

    static let pv = "sum(planned_value)", ev = "sum(earned_value)", ac = "sum(actual_cost)", bac = "sum(budget)"
    static let cpi = "(\(ev) / \(ac))", spi = "(\(ev) / \(pv))"
    static let eacCPI = "(\(bac) / \(cpi))"

    /// Every entry, in `.measures` order.
    public static let all: [Entry] = [
        Entry(
            name: "pv", expression: pv, formula: "PV = Σ planned_value", convention: "cumulative over the rows in scope; per-period amounts are summed exactly",
            source: pmi),
        Entry(name: "ev", expression: ev, formula: "EV = Σ earned_value", convention: "cumulative over the rows in scope", source: pmi),
        Entry(name: "ac", expression: ac, formula: "AC = Σ actual_cost", convention: "cumulative over the rows in scope", source: pmi),
        Entry(name: "bac", expression: bac, formula: "BAC = Σ budget", convention: bacNote, source: pmi),
        Entry(name: "cv", expression: "\(ev) - \(ac)", formula: "CV = EV − AC", convention: "negative is over budget", source: pmi),
        Entry(name: "sv", expression: "\(ev) - \(pv)", formula: "SV = EV − PV", convention: "negative is behind schedule (in money)", source: pmi),
        Entry(
            name: "cpi", expression: "\(ev) / \(ac)", formula: "CPI = EV / AC",
            convention: "null when AC = 0; below 1 is over budget; roll-ups divide sums, never average indices", source: pmi),
        Entry(name: "spi", expression: "\(ev) / \(pv)", formula: "SPI = EV / PV", convention: "null when PV = 0; below 1 is behind schedule", source: pmi),
        Entry(name: "cv_pct", expression: "100 * (\(ev) - \(ac)) / \(ev)", formula: "CV% = CV / EV × 100", convention: "null when EV = 0", source: pmi),
        Entry(name: "sv_pct", expression: "100 * (\(ev) - \(pv)) / \(pv)", formula: "SV% = SV / PV × 100", convention: "null when PV = 0", source: pmi),
        Entry(name: "pct_complete", expression: "100 * \(ev) / \(bac)", formula: "% complete = EV / BAC × 100", convention: bacNote, source: pmi),
        Entry(name: "pct_spent", expression: "100 * \(ac) / \(bac)", formula: "% spent = AC / BAC × 100", convention: bacNote, source: pmi),
        Entry(
            name: "eac_cpi", expression: eacCPI, formula: "EAC = BAC / CPI",
            convention: "\"typical\": the cost efficiency so far continues; null when AC = 0 (CPI undefined) or EV = 0. " + bacNote, source: pmi),
        Entry(
            name: "eac_plan", expression: "\(ac) + \(bac) - \(ev)", formula: "EAC = AC + (BAC − EV)",
            convention: "\"atypical\": the remaining work costs what was planned; defined even when AC = 0. " + bacNote, source: pmi),
        Entry(
            name: "eac_cpi_spi", expression: "\(ac) + (\(bac) - \(ev)) / (\(cpi) * \(spi))", formula: "EAC = AC + (BAC − EV) / (CPI × SPI)",
            convention: "cost and schedule efficiency both weigh on the remaining work; null when CPI or SPI is undefined or zero. " + bacNote, source: pmi),
        Entry(
            name: "etc", expression: "\(eacCPI) - \(ac)", formula: "ETC = EAC − AC (EAC = BAC / CPI)",
            convention: "null when AC = 0. `evm` uses the EAC named in its eac_method column", source: pmi),
        Entry(
            name: "vac", expression: "\(bac) - \(eacCPI)", formula: "VAC = BAC − EAC (EAC = BAC / CPI)",
            convention: "negative is a forecast overrun; null when AC = 0", source: pmi),
        Entry(
            name: "tcpi_bac", expression: "if \(bac) - \(ac) > 0 then (\(bac) - \(ev)) / (\(bac) - \(ac)) else null", formula: "TCPI = (BAC − EV) / (BAC − AC)",
            convention:
                "efficiency the remaining work needs to finish on budget; null once the budget is spent (BAC − AC ≤ 0), flagged \"budget spent\" by evm",
            source: pmi),
        Entry(
            name: "tcpi_eac", expression: "if \(eacCPI) - \(ac) > 0 then (\(bac) - \(ev)) / (\(eacCPI) - \(ac)) else null",
            formula: "TCPI = (BAC − EV) / (EAC − AC) (EAC = BAC / CPI)", convention: "efficiency needed to finish at the EAC; null when EAC − AC ≤ 0",
            source: pmi),
        Entry(
            name: "es", expression: nil, formula: "ES = C + (EV − PV_C) / (PV_C+1 − PV_C)",
            convention:
                "in months from the group's first month; PV_k is cumulative planned value at the end of month k, C the last month with PV_C ≤ EV; null when EV lies beyond the known plan",
            source: lipke),
        Entry(
            name: "sv_t", expression: nil, formula: "SV(t) = ES − AT",
            convention: "in months; AT = months from the group's first month to the status period (or its last month with data)", source: lipke),
        Entry(
            name: "spi_t", expression: nil, formula: "SPI(t) = ES / AT",
            convention: "below 1 is behind schedule; unlike SPI it does not drift to 1 at the end of a late project", source: lipke),
    ]

    /// The entries usable inside `agg`, as query measures.
    public static var measures: [String: Measure] {
        var out: [String: Measure] = [:]
        for e in all {
            guard let x = e.expression else { continue }
            out[e.name] = Measure(name: e.name, expression: x, formula: e.formula, convention: e.convention, source: e.source)
        }
        return out
    }

    /// The entry called `name` (case-insensitive; `SV(t)`, `cv%` and `%complete` spellings are accepted).
    public static func named(_ name: String) -> Entry? {
        var n = name.lowercased().replacingAll("(t)", with: "_t").replacingAll("%", with: "_pct")
        if n.hasPrefix("_pct") { n = String(n.dropFirst(4)) + "_pct" }
        n = n.replacingAll("__", with: "_")
        if n == "complete_pct" { n = "pct_complete" }
        if n == "spent_pct" { n = "pct_spent" }
        return all.first { $0.name == n }
    }
}

extension String {
    func replacingAll(_ a: String, with b: String) -> String {
        guard !a.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(ofText: a) {
            out += rest[..<r.lowerBound] + b
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

extension Substring {
    func firstRange(ofText s: String) -> Range<Index>? {
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(s) { return i..<(index(i, offsetBy: s.count)) }
            i = index(after: i)
        }
        return nil
    }
}
