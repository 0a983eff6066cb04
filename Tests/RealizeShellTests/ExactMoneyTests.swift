import Foundation
import RealizeStore
import RealizeTestSupport
import Testing

/// Issue #10, "exact money to the edge": each example as a regression test through the binary.
@Suite struct ExactMoneyTests {
    /// Runs `query` over CSV files written to a fresh folder; returns (status, stdout, stderr).
    static func run(_ query: String, files: [String: String] = [:]) throws -> RunResult {
        var args = ["--format", "csv", "-c", query]
        if !files.isEmpty {
            let dir = try RealizeBinary.temporaryFolder()
            for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
            args = ["--data", dir.path] + args
        }
        return try RealizeBinary.run(args)
    }

    @Test func mixedScalesInIfKeepTheBigNumber() throws {
        let r = try Self.run("projects | derive x = if budget < 2000000 then 100000000000000000 else 0.01 | select x | take 2")
        #expect(r.stdout == "x\n0.01\n100000000000000000.00\n", "\(r.stderr)")
        let flipped = try Self.run("projects | derive x = if budget >= 2000000 then 100000000000000000 else 0.01 | select x | take 2")
        #expect(flipped.stdout == "x\n100000000000000000.00\n0.01\n", "\(flipped.stderr)")
        let both = try Self.run(
            "projects | derive x = coalesce(null, 0.001), y = case when budget > 0 then 12345678901234567890 else 0.5 end | select x, y | take 1")
        #expect(both.stdout == "x,y\n0.001,12345678901234567890\n", "\(both.stderr)")
    }

    @Test func runningSumsNearTenToTheFourteenDoNotWrap() throws {
        let csv = "id,month,amount\n" + (1...30).map { "\($0),2024-\(String(format: "%02d", ($0 - 1) % 12 + 1)),300000000000000.00" }.joined(separator: "\n")
        let r = try Self.run("run | where id <= 3 | window order month derive cum = running_sum(amount) | select cum", files: ["run.csv": csv + "\n"])
        #expect(r.stdout == "cum\n300000000000000.00\n600000000000000.00\n900000000000000.00\n", "\(r.stderr)")
    }

    @Test func overflowIsAnErrorAtTheStage() throws {
        let csv = "id,month,amount\n1,2024-01,900000000000000000000000000000000000.00\n2,2024-02,900000000000000000000000000000000000.00\n"
        let running = try Self.run("huge | window order month derive cum = running_sum(amount)", files: ["huge.csv": csv])
        #expect(running.status == 1)
        #expect(running.stderr.contains("error: numeric overflow: running_sum of decimals does not fit"))
        #expect(running.stderr.contains("--> query:1:8"))
        let sum = try Self.run("huge | agg s = sum(amount)", files: ["huge.csv": csv])
        #expect(sum.stderr.contains("error: numeric overflow: sum of decimals does not fit"), "\(sum.stderr)")
        let product = try Self.run("huge | derive y = amount * amount", files: ["huge.csv": csv])
        #expect(product.stderr.contains("error: numeric overflow: `*` on decimals does not fit"), "\(product.stderr)")
    }

    @Test func plainDecimalsLoadExactly() throws {
        let r = try Self.run("big", files: ["big.csv": "v\n1234567890123456.78\n-577768494371742.3\n"])
        #expect(r.stdout == "v\n1234567890123456.78\n-577768494371742.30\n", "\(r.stderr)")
        let sum = try Self.run("projects | derive x = 0.10000 + 0.20000 + 0.00001 | select x | take 1")
        #expect(sum.stdout == "x\n0.30001\n", "\(sum.stderr)")
        let fx = try Self.run("fx | agg s = sum(rate)", files: ["fx.csv": "rate\n1.084375\n0.000001\n"])
        #expect(fx.stdout == "s\n1.084376\n", "\(fx.stderr)")
    }

    @Test func divisionGivingInfinityIsNull() throws {
        let r = try Self.run("projects | derive x = 1e308 * 10 | select x | take 1")
        #expect(r.stdout == "x\n\n", "\(r.stderr)")
    }
}
