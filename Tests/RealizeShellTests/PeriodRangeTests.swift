import Foundation
import Testing

/// Issue #10, part 4: loops over time are bounded by the data. A period outside the accepted years is a load
/// error naming the cell; with the range widened, `trend spi_t` over thousands of years finishes, right.
@Suite struct PeriodRangeTests {
    /// Two months of one project, 2024-01 and the ERP sentinel 9999-07.
    static func portfolio() throws -> URL {
        let folder = try RealizeBinary.temporaryFolder()
        try "project_id,period,planned_value,earned_value,actual_cost\nP1,2024-01,100,50,60\nP1,9999-07,100,100,120\n"
            .write(to: folder.appendingPathComponent("financials.csv"), atomically: true, encoding: .utf8)
        try "project_id,program,budget\nP1,A,200\n".write(to: folder.appendingPathComponent("projects.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func aSentinelPeriodIsALoadErrorNamingTheCell() throws {
        let folder = try Self.portfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("financials.csv").path
        let r = try RealizeBinary.run(["--data", folder.path, "-c", "trend spi_t"])
        #expect(r.status == 1)
        #expect(
            r.stderr == """
                \(file):3:2: error: period "9999-07" in column 2 (`period`) is outside the years 1900–2200
                \(file):3:2: note: correct the period, or widen the accepted years with `.set period_range 1800-2300` before loading

                """)
    }

    @Test func aBadRangeIsRefused() throws {
        let r = try RealizeBinary.run(["-c", ".set period_range 2300-1800"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("period_range must be two years FIRST-LAST from 1 to 9999, such as 1800-2300, not `2300-1800`"), "\(r.stderr)")
    }

    /// ES over a span of 95,707 months: PV reaches 100 in 2024-01 and 200 in 9999-07, EV is 150 at the status
    /// date, so ES = 95,706 + 50 / 100 = 95,706.5 periods, AT = 95,707 and SPI(t) = 95,706.5 / 95,707.
    @Test(.timeLimit(.minutes(1))) func trendOverThousandsOfYearsFinishesRight() throws {
        let folder = try Self.portfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = ".set period_range 1900-9999\n.load \(folder.path)\ntrend spi_t | select periods, cumulative\n"
        let r = try RealizeBinary.run(["--format", "csv"], stdin: script, timeout: 50)
        #expect(r.status == 0, "\(r.stderr)")
        let row = r.stdout.split(separator: "\n").last.map { $0.split(separator: ",").map(String.init) } ?? []
        #expect(row.first == "95707")
        let spi = try #require(row.last.flatMap(Double.init))
        #expect(abs(spi - 95_706.5 / 95_707) < 1e-12)
    }
}
