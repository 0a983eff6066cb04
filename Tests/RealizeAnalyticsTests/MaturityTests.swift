import RealizeQuery
import RealizeStore
import Testing
@testable import RealizeAnalytics

/// Assessments `(unit, dimension, date, score, target)`; scores and targets as text decimals, nil for empty.
func assessments(_ rows: [(String, String, String, String, String?)]) -> Table {
    func decimal(_ s: String?) -> Value { s.map { .decimal(FixedDecimal(parsing: Substring($0))!) } ?? .null }
    return Table(columns: [
        Column(name: "unit", type: .text, values: rows.map { .text($0.0) }),
        Column(name: "dimension", type: .text, values: rows.map { .text($0.1) }),
        Column(name: "assessed_on", type: .date, values: rows.map { .date(CivilCalendar.parseDate(Array($0.2.utf8))!) }),
        Column(name: "score", type: .decimal, values: rows.map { decimal($0.3) }),
        Column(name: "target", type: .decimal, values: rows.map { decimal($0.4) }),
    ])
}

func hundredths(_ t: Table, _ column: String) -> [Int64?] {
    t.npsValues(column).map { v in
        if case .decimal(let d) = v { return d.rescaled(to: 2).flatMap { Int64(exactly: $0.units) } }
        if case .double(let d) = v { return Int64((d * 100).rounded()) }
        return nil
    }
}

@Suite struct MaturityTests {
    /// Scores 2.0, 3.0 and 4.5: the weakest is 2.00 (level 2), the mean 9.5 / 3 = 3.1667, shown 3.17 (level 3).
    /// Targets 3, 3 and 4: min target 3, mean target 3.33.
    @Test func minAgainstMean() throws {
        var s = npsSession([
            (
                "maturity",
                assessments([
                    ("U", "Risk Management", "2025-06-30", "2.0", "3"),
                    ("U", "Benefits Management", "2025-06-30", "3.0", "3"),
                    ("U", "Financial Management", "2025-06-30", "4.5", "4"),
                ])
            )
        ])
        let byMin = try npsRun("maturity by unit", &s)
        #expect(hundredths(byMin, "min") == [200])
        #expect(byMin.npsValues("mean") == [.double(950.0 / 3 / 100)])  // unrounded; shown as 3.17
        #expect(byMin.column(named: "mean")?.display == .decimals(2))
        #expect(byMin.npsValues("rule") == [.text("min")])
        #expect(hundredths(byMin, "overall") == [200])
        #expect(byMin.npsValues("level") == [.text("2 repeatable")])
        #expect(hundredths(byMin, "target") == [300])
        #expect(hundredths(byMin, "shortfall") == [100])
        #expect(byMin.npsValues("below") == [.int(1)])
        let byMean = try npsRun("maturity by unit overall mean", &s)
        #expect(byMean.npsValues("rule") == [.text("mean")])
        #expect(hundredths(byMean, "overall") == [317])
        #expect(byMean.npsValues("level") == [.text("3 defined")])
        #expect(hundredths(byMean, "target") == [333])
        #expect(abs((byMean.npsValues("shortfall")[0].doubleValue ?? 0) - 1.0 / 6) < 1e-12)
        s.settings.options["maturity_overall"] = "mean"
        #expect(try npsRun("maturity by unit", &s).npsValues("rule") == [.text("mean")])
        // `maturity` alone is the table.
        #expect(try npsRun("maturity", &s).columnNames == ["unit", "dimension", "assessed_on", "score", "target"])
        #expect(try npsRun("maturity overall min", &s).npsValues("rule") == [.text("min")])
    }

    /// Three assessments of one dimension, out of date order: only the latest (2025-06, 2.0) counts; the previous
    /// one is 2024-12 (3.5), so the change is −1.5. As of 2024-12-31 the latest is 3.5 and the previous 3.0.
    @Test func onlyTheLatestAssessmentCounts() throws {
        var s = npsSession([
            (
                "maturity",
                assessments([
                    ("U", "Risk", "2025-06-30", "2.0", "3"),
                    ("U", "Risk", "2024-06-30", "3.0", "3"),
                    ("U", "Risk", "2024-12-31", "3.5", "3"),
                ])
            )
        ])
        let t = try npsRun("maturity by unit, dimension", &s)
        #expect(t.rowCount == 1)
        #expect(t.npsValues("assessed_on") == [.date(CivilCalendar.parseDate(Array("2025-06-30".utf8))!)])
        #expect(hundredths(t, "score") == [200])
        #expect(hundredths(t, "previous") == [350])
        #expect(hundredths(t, "change") == [-150])
        #expect(hundredths(t, "shortfall") == [100])
        #expect(hundredths(t, "surplus") == [0])
        let then = try npsRun("maturity by unit, dimension as of 2024-12-31", &s)
        #expect(hundredths(then, "score") == [350])
        #expect(hundredths(then, "previous") == [300])
        #expect(hundredths(then, "surplus") == [50])
        #expect(hundredths(then, "shortfall") == [0])
        let unit = try npsRun("maturity by unit", &s)
        #expect(hundredths(unit, "change") == [-150])
        #expect(unit.npsValues("since") == [.date(CivilCalendar.parseDate(Array("2024-12-31".utf8))!)])
    }

    /// Question-level answers roll up to the mean per unit, dimension and date, rounded to one decimal half away
    /// from zero: (3 + 4 + 4) / 3 = 3.67 → 3.7; (1 + 2 + 2 + 2) / 4 = 1.75 → 1.8; (2 + 3) / 2 = 2.5.
    @Test func questionLevelRollUp() throws {
        let rows: [(String, String, String, Int64, Int64?)] = [
            ("U", "Risk", "q1", 3, 4), ("U", "Risk", "q2", 4, 4), ("U", "Risk", "q3", 4, 4),
            ("U", "Delivery", "q1", 1, nil), ("U", "Delivery", "q2", 2, nil), ("U", "Delivery", "q3", 2, nil), ("U", "Delivery", "q4", 2, nil),
            ("V", "Risk", "q1", 2, 3), ("V", "Risk", "q2", 3, 3),
        ]
        let answers = Table(columns: [
            Column(name: "unit", type: .text, values: rows.map { .text($0.0) }),
            Column(name: "dimension", type: .text, values: rows.map { .text($0.1) }),
            Column(name: "question", type: .text, values: rows.map { .text($0.2) }),
            Column(name: "answer", type: .int, values: rows.map { .int($0.3) }),
            Column(name: "assessed_on", type: .date, values: rows.map { _ in .date(CivilCalendar.days(year: 2025, month: 3, day: 1)) }),
            Column(name: "target", type: .int, values: rows.map { $0.4.map(Value.int) ?? .null }),
        ])
        #expect(MaturityData.roundedMean(sum: 175_000, count: 10) == 18)  // 1.75 → 1.8 exactly
        var s = npsSession([("survey", answers)])
        let t = try npsRun("maturity from survey by unit, dimension", &s)
        // P3M3's Risk Management comes before a dimension of another vocabulary.
        #expect(t.npsValues("dimension") == [.text("Risk"), .text("Delivery"), .text("Risk")])
        #expect(hundredths(t, "score") == [370, 180, 250])
        #expect(t.npsValues("answers") == [.int(3), .int(4), .int(2)])
        #expect(hundredths(t, "target") == [400, nil, 300])
        #expect(hundredths(t, "shortfall") == [30, nil, 50])
        #expect(t.npsValues("level") == [.text("3 defined"), .text("1 awareness"), .text("2 repeatable")])
    }

    @Test func levelNames() {
        #expect(MaturityModel.levelName(hundredths: 100) == "1 awareness")
        #expect(MaturityModel.levelName(hundredths: 299) == "2 repeatable")
        #expect(MaturityModel.levelName(hundredths: 340) == "3 defined")
        #expect(MaturityModel.levelName(hundredths: 400) == "4 managed")
        #expect(MaturityModel.levelName(hundredths: 500) == "5 optimised")
        #expect(MaturityModel.rank("organizational governance") == 5)
        #expect(MaturityModel.rank("Benefits") == 1)
        #expect(MaturityModel.rank("Delivery") == nil)
    }

    @Test func badInputIsReported() {
        var s = npsSession([
            ("maturity", assessments([("U", "Risk", "2025-06-30", "6.0", "3")])), ("empty", Table.empty),
            ("fine", assessments([("U", "Risk", "2025-06-30", "3.0", "3")])),
        ])
        #expect(npsFailure("maturity by unit", &s) == "maturity-score-out-of-range")
        #expect(npsFailure("maturity from empty", &s) == "missing-column")
        #expect(npsFailure("maturity by region", &s) == "maturity-grouping")
        #expect(npsFailure("maturity overall median", &s) == "unknown-choice")
        #expect(npsFailure("maturity as of June", &s) == "expected-date")
        #expect(npsFailure("maturity from fine profile Nobody", &s) == "unknown-unit")
    }

    /// The sample's story: Operations, Shared Services is stuck at level 2 (every latest score 2.0–2.4, target 4),
    /// by the weakest dimension and by the mean; Group Portfolio Office reaches level 3.
    @Test func sampleStoryOperationsSharedServices() throws {
        var s = npsSampleSession()
        for rule in ["min", "mean"] {
            let t = try npsRun("maturity by unit overall \(rule)", &s)
            #expect(t.rowCount == 6)
            #expect(t.value("level", where: "unit", "Operations, Shared Services") == .text("2 repeatable"))
            #expect(t.value("target", where: "unit", "Operations, Shared Services")?.doubleValue == 4)
            #expect(t.value("level", where: "unit", "Group Portfolio Office") == .text("3 defined"))
        }
        let detail = try npsRun("maturity profile 'Operations, Shared Services'", &s)
        #expect(detail.rowCount == 7)
        #expect(detail.npsValues("dimension").map(\.description) == MaturityModel.perspectives)
        #expect(hundredths(detail, "score").allSatisfy { (200...240).contains($0!) })
        #expect(hundredths(detail, "shortfall").allSatisfy { $0! >= 160 })
        // Every assessment in all six rounds lies between 2.0 and 2.4.
        for date in ["2023-06-30", "2023-12-31", "2024-06-30", "2024-12-31", "2025-06-30"] {
            let then = try npsRun("maturity profile 'Operations, Shared Services' as of \(date)", &s)
            #expect(hundredths(then, "score").allSatisfy { (200...240).contains($0!) })
        }
    }
}

extension Table {
    /// The value of `name` in the first row whose `key` is the text `value`.
    func value(_ name: String, where key: String, _ value: String) -> Value? {
        guard let k = column(named: key), let c = column(named: name) else { return nil }
        return (0..<rowCount).first { k.value(at: $0) == .text(value) }.map { c.value(at: $0) }
    }
}
