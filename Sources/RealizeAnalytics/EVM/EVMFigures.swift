/// Earned value figures for one project or group at one status date, from cumulative PV, EV, AC and BAC.
///
/// Pure arithmetic on doubles (amounts are summed exactly before they get here). Undefined values are nil, never
/// 0 or infinity: CPI when AC = 0, SPI when PV = 0, TCPI to BAC once the budget is spent (BAC − AC ≤ 0), and so on.
/// Formulas follow the PMI *Practice Standard for Earned Value Management* (2nd ed., 2011) and the PMBOK Guide.
public struct EVMFigures: Sendable, Equatable {
    public var bac: Double?
    public var pv: Double
    public var ev: Double
    public var ac: Double

    public init(bac: Double?, pv: Double, ev: Double, ac: Double) {
        self.bac = bac
        self.pv = pv
        self.ev = ev
        self.ac = ac
    }

    /// Which EAC a result reports as `eac` (and derives ETC, VAC and TCPI to EAC from).
    public enum EACMethod: String, Sendable, CaseIterable {
        /// BAC / CPI: the cost efficiency so far continues ("typical").
        case cpi
        /// AC + (BAC − EV): the remaining work costs what was planned ("atypical").
        case plan
        /// AC + (BAC − EV) / (CPI × SPI): cost and schedule efficiency both weigh on the remaining work.
        case cpiSPI = "cpi_spi"

        /// The formula as shown in results.
        public var formula: String {
            switch self {
            case .cpi: "BAC/CPI"
            case .plan: "AC+(BAC-EV)"
            case .cpiSPI: "AC+(BAC-EV)/(CPI*SPI)"
            }
        }
    }

    /// CV = EV − AC.
    public var cv: Double { ev - ac }
    /// SV = EV − PV.
    public var sv: Double { ev - pv }
    /// CPI = EV / AC; nil when AC = 0.
    public var cpi: Double? { Self.ratio(ev, ac) }
    /// SPI = EV / PV; nil when PV = 0.
    public var spi: Double? { Self.ratio(ev, pv) }
    /// CV% = CV / EV × 100; nil when EV = 0.
    public var cvPercent: Double? { Self.ratio(cv, ev).map { $0 * 100 } }
    /// SV% = SV / PV × 100; nil when PV = 0.
    public var svPercent: Double? { Self.ratio(sv, pv).map { $0 * 100 } }
    /// % complete = EV / BAC × 100.
    public var percentComplete: Double? { bac.flatMap { Self.ratio(ev, $0) }.map { $0 * 100 } }
    /// % spent = AC / BAC × 100.
    public var percentSpent: Double? { bac.flatMap { Self.ratio(ac, $0) }.map { $0 * 100 } }

    /// EAC = BAC / CPI (computed as BAC × AC / EV); nil when CPI is undefined (AC = 0) or zero (EV = 0).
    public var eacCPI: Double? {
        guard let bac, let cpi, cpi != 0 else { return nil }
        return bac / cpi
    }
    /// EAC = AC + (BAC − EV); defined whenever BAC is.
    public var eacPlan: Double? { bac.map { ac + ($0 - ev) } }
    /// EAC = AC + (BAC − EV) / (CPI × SPI); nil when CPI or SPI is undefined or zero.
    public var eacCPISPI: Double? {
        guard let bac, let cpi, let spi, cpi * spi != 0 else { return nil }
        return ac + (bac - ev) / (cpi * spi)
    }

    /// The EAC of `method`.
    public func eac(_ method: EACMethod) -> Double? {
        switch method {
        case .cpi: eacCPI
        case .plan: eacPlan
        case .cpiSPI: eacCPISPI
        }
    }
    /// The range of the three EACs (BAC/CPI, AC + BAC − EV, AC + (BAC − EV)/(CPI × SPI)) over those defined;
    /// nil when none is. `high − low` is the spread a board reads as "how sure is the forecast".
    public var eacRange: (low: Double, high: Double)? {
        let defined = [eacCPI, eacPlan, eacCPISPI].compactMap { $0 }
        guard let low = defined.min(), let high = defined.max() else { return nil }
        return (low, high)
    }
    /// ETC = EAC − AC.
    public func etc(_ method: EACMethod) -> Double? { eac(method).map { $0 - ac } }
    /// VAC = BAC − EAC.
    public func vac(_ method: EACMethod) -> Double? {
        guard let bac, let e = eac(method) else { return nil }
        return bac - e
    }
    /// TCPI to BAC = (BAC − EV) / (BAC − AC); nil once the budget is spent (BAC − AC ≤ 0).
    public var tcpiBAC: Double? {
        guard let bac, bac - ac > 0 else { return nil }
        return (bac - ev) / (bac - ac)
    }
    /// TCPI to EAC = (BAC − EV) / (EAC − AC); nil when EAC − AC ≤ 0 (nothing left to spend).
    public func tcpiEAC(_ method: EACMethod) -> Double? {
        guard let bac, let e = eac(method), e - ac > 0 else { return nil }
        return (bac - ev) / (e - ac)
    }

    /// Whether the budget is spent: AC ≥ BAC while work remains or not. TCPI to BAC is then undefined.
    public var budgetSpent: Bool { bac.map { ac >= $0 && $0 >= 0 } ?? false }

    /// Notes about undefined figures, in a fixed order.
    public var flags: [String] {
        var f: [String] = []
        if bac == nil { f.append("no budget") }
        if budgetSpent { f.append("budget spent") }
        if ac == 0 { f.append("no cost yet") }
        if pv == 0 { f.append("no plan to date") }
        if let bac, bac > 0, ev >= bac { f.append("complete") }
        return f
    }

    /// `a / b`, nil when `b` is 0 or the result is not finite.
    static func ratio(_ a: Double, _ b: Double) -> Double? {
        guard b != 0 else { return nil }
        let r = a / b
        return r.isFinite ? r : nil
    }
}

/// Red, amber or green from CPI and SPI against thresholds.
public struct EVMThresholds: Sendable, Equatable {
    /// Below this CPI or SPI: red.
    public var red: Double
    /// Below this (and not red): amber.
    public var amber: Double

    public init(red: Double = 0.9, amber: Double = 0.95) {
        self.red = red
        self.amber = amber
    }

    /// The worse of the two indices decides; an undefined index is ignored; both undefined gives nil.
    public func status(cpi: Double?, spi: Double?) -> String? {
        let known = [cpi, spi].compactMap { $0 }
        guard let worst = known.min() else { return nil }
        if worst < red { return "red" }
        if worst < amber { return "amber" }
        return "green"
    }
}
