import Foundation
import RealizeTestSupport
import Testing

/// Issue #10: the domain commands' internal sums are exact and checked. An amount that makes a group's sum pass
/// 38 digits is an error naming the command, the column and the group (exit 1), never a trap or a wrapped figure;
/// amounts past the old 64-bit range (about 9.2 × 10^18 units) add up exactly.
@Suite struct DomainCommandOverflowTests {
    /// 36 integer digits and 2 decimals: one fits, two of them in one group pass 38 digits.
    static let huge = "900000000000000000000000000000000000.00"

    /// A two-program portfolio; program `Big` has two projects whose `amount` goes in `column`.
    static func portfolio(_ column: String, _ amount: String) -> [String: String] {
        func money(_ name: String, _ normal: String) -> String { name == column ? amount : normal }
        let projects = """
            project_id,project,program,portfolio,budget,start_date,end_date,status,sponsor
            P1,One,Big,Core,\(money("budget", "1000.00")),2024-01-01,2024-12-31,active,Ann
            P2,Two,Big,Core,\(money("budget", "1000.00")),2024-01-01,2024-12-31,active,Ann
            P3,Three,Small,Core,1000.00,2024-01-01,2024-12-31,active,Bob

            """
        let financials = """
            project_id,period,planned_value,earned_value,actual_cost
            P1,2024-01,\(money("planned_value", "100.00")),\(money("earned_value", "90.00")),\(money("actual_cost", "110.00"))
            P2,2024-01,\(money("planned_value", "100.00")),\(money("earned_value", "90.00")),\(money("actual_cost", "110.00"))
            P3,2024-01,100.00,90.00,110.00

            """
        let benefits = """
            project_id,benefit,category,period,planned,realized
            P1,Savings,cost,2024-01,\(money("planned", "50.00")),\(money("realized", "40.00"))
            P2,Savings,cost,2024-01,\(money("planned", "50.00")),\(money("realized", "40.00"))
            P3,Savings,cost,2024-01,50.00,40.00

            """
        return ["projects.csv": projects, "financials.csv": financials, "benefits.csv": benefits]
    }

    static func expectOverflow(_ query: String, _ files: [String: String], _ message: String) throws {
        let r = try ExactMoneyTests.run(query, files: files)
        #expect(r.status == 1, "\(query): \(r.stdout) \(r.stderr)")
        #expect(r.stderr.contains(message), "\(query): \(r.stderr)")
        #expect(r.stdout.isEmpty, "\(query)")
    }

    @Test func evmTrendAndAppraiseReportTheGroupWhoseSumOverflows() throws {
        let files = Self.portfolio("actual_cost", Self.huge)
        let message = "the sum of actual_cost for program `Big` exceeds the largest exact amount (38 digits)"
        try Self.expectOverflow("evm by program", files, "evm: " + message)
        try Self.expectOverflow("trend cpi by program", files, "trend: " + message)
        try Self.expectOverflow("appraise by program", files, "appraise: " + message)
        // The same column one project at a time fits, so `evm by project` works.
        let byProject = try ExactMoneyTests.run("evm by project | select project_id, ac", files: files)
        #expect(byProject.stdout == "project_id,ac\nP1,\(Self.huge)\nP2,\(Self.huge)\nP3,110.00\n", "\(byProject.stderr)")
    }

    @Test func doubleAmountsOverflowTheSameWay() throws {
        let files = Self.portfolio("earned_value", "6e35")
        try Self.expectOverflow("evm by program", files, "evm: the sum of earned_value for program `Big` exceeds the largest exact amount")
        try Self.expectOverflow("evm by program", Self.portfolio("earned_value", "1e40"), "is too large for evm (at most 38 digits")
    }

    @Test func budgetsBenefitsAndVariancesAreChecked() throws {
        try Self.expectOverflow(
            "evm by program", Self.portfolio("budget", Self.huge), "evm: the sum of budget for program `Big` exceeds the largest exact amount")
        try Self.expectOverflow(
            "benefits by program", Self.portfolio("planned", Self.huge),
            "benefits: the sum of planned for program `Big` exceeds the largest exact amount")
        try Self.expectOverflow(
            "appraise by program", Self.portfolio("realized", Self.huge),
            "appraise: the sum of realized for program `Big` exceeds the largest exact amount")
        // Each sum fits, but CV = EV − AC for one project does not.
        var files = Self.portfolio("earned_value", Self.huge)
        files["financials.csv"] = files["financials.csv"]!.replacingOccurrences(of: ",110.00\nP2", with: ",-\(Self.huge)\nP2")
        try Self.expectOverflow("evm by project", files, "evm: the cost variance ev − ac for project_id `P1` exceeds the largest exact amount")
    }

    /// Amounts past 64 bits in units (the commands' former limit) now add up exactly, as `agg sum` does.
    @Test func sumsPastSixtyFourBitsAreExact() throws {
        let amount = "92233720368547758.07"  // 2^63 − 1 units at scale 2
        let files = Self.portfolio("actual_cost", amount)
        let evm = try ExactMoneyTests.run("evm by program | select program, ac", files: files)
        #expect(evm.stdout == "program,ac\nBig,184467440737095516.14\nSmall,110.00\n", "\(evm.stderr)")
        let agg = try ExactMoneyTests.run("financials | join projects on project_id | by program agg ac = sum(actual_cost)", files: files)
        #expect(agg.stdout.contains("Big,184467440737095516.14"), "\(agg.stdout) \(agg.stderr)")
        let benefits = try ExactMoneyTests.run("benefits by program | select program, planned_total", files: Self.portfolio("planned", amount))
        #expect(benefits.stdout == "program,planned_total\nBig,184467440737095516.14\nSmall,50.00\n", "\(benefits.stderr)")
        let trend = try ExactMoneyTests.run("trend ac by program", files: files)
        #expect(trend.status == 0, "\(trend.stderr)")
    }
}
