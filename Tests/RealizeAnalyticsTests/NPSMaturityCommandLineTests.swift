import Foundation
import Testing

/// Runs the `realize` executable that `swift build` / `swift test` put beside the test bundle.
enum NPSRealizeBinary {
    static var url: URL {
        let candidates = [
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ].map { $0.appendingPathComponent("realize") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// Runs `realize` with `arguments` (standard input empty), killed after `timeout` seconds.
    static func run(_ arguments: [String], timeout: TimeInterval = 60) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        process.environment = env
        let output = Pipe(), errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let collected = NPSCollected()
        let readers = DispatchGroup()
        for (pipe, isOut) in [(output, true), (errors, false)] {
            readers.enter()
            DispatchQueue.global().async {
                collected.set(pipe.fileHandleForReading.readDataToEndOfFile(), isOut: isOut)
                readers.leave()
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        _ = readers.wait(timeout: .now() + 5)
        return (process.terminationStatus, collected.text(isOut: true), collected.text(isOut: false))
    }
}

private final class NPSCollected: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data(), err = Data()
    func set(_ d: Data, isOut: Bool) { lock.withLock { if isOut { out = d } else { err = d } } }
    func text(isOut: Bool) -> String { lock.withLock { String(decoding: isOut ? out : err, as: UTF8.self) } }
}

/// End-to-end: the built binary over the embedded sample portfolio.
@Suite(.serialized) struct NPSMaturityCommandLineTests {
    @Test func npsByProgramQuarterly() throws {
        let r = try NPSRealizeBinary.run(["--format", "csv", "-c", "nps by program quarterly"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "program,quarter,n,promoters,passives,detractors,nps,se,moe,change,z,significant,low_n")
        #expect(lines.count == 1 + 5 * 12)
        #expect(lines.contains("Digital Customer Experience,2025 Q3,72,27,21,24,4.2,9.9,19.4,-31.7,-2.32,true,false"))
        #expect(lines.contains("Digital Customer Experience,2025 Q4,75,24,23,28,-5.3,9.6,18.8,-9.5,-0.69,false,false"))
    }

    @Test func npsTrendInTheShellTable() throws {
        let r = try NPSRealizeBinary.run(["-c", "nps by program quarterly trend | select program, latest, trend"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("│ Digital Customer Experience        │   -5.3 │ ▇▇▇▇▇▇▇▇▇▇▂▁ │"))
    }

    @Test func npsTableStillReadsAsATable() throws {
        let r = try NPSRealizeBinary.run(["--format", "csv", "-c", "nps | take 3"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").first == "program,period,respondent_id,segment,score")
        #expect(r.stdout.split(separator: "\n").count == 4)
    }

    @Test func maturityByUnit() throws {
        let r = try NPSRealizeBinary.run(["--format", "csv", "-c", "maturity by unit | select unit, min, mean, rule, overall, level, target, shortfall"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "unit,min,mean,rule,overall,level,target,shortfall")
        #expect(lines.count == 7)
        #expect(lines.contains("\"Operations, Shared Services\",2.00,2.17,min,2.00,2 repeatable,4.00,2.00"))
    }

    @Test func maturityProfileInTheShell() throws {
        let r = try NPSRealizeBinary.run(["-c", "maturity profile 'Operations, Shared Services' | select dimension, score, profile"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("│ Risk Management           │    2.00 │ ████████·   ·   │     │"))
    }

    @Test func settingsChangeTheDefaults() throws {
        let r = try NPSRealizeBinary.run(["--format", "csv", "-c", ".set nps_min_n 80", "-c", "nps by program quarterly | take 2 | select n, low_n",
                                          "-c", ".set maturity_overall mean", "-c", "maturity by unit | take 1 | select rule"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "n,low_n\n87,false\n75,true\nrule\nmean\n")
    }

    @Test func errorsPointAtTheArgument() throws {
        let r = try NPSRealizeBinary.run(["-c", "nps by program sideways"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("unexpected `sideways` in `nps`"))
    }
}
