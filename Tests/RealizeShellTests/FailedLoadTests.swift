import Foundation
import RealizeStore
import Testing

@testable import RealizeShell

/// Issue #10, "nothing is lost": a `.load` of a folder whose second file is malformed midway fails naming
/// the place, and every table loaded before is exactly as it was, the first file's table included.
@Suite struct FailedLoadTests {
    @Test func aLoadThatFailsMidwayChangesNothing() throws {
        let folder = try RealizeBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // `financials.csv` is read first and is fine; `projects.csv` breaks at line 5002.
        try "project_id,period,planned_value,earned_value,actual_cost\nZ9,2030-01,1,1,1\n"
            .write(to: folder.appendingPathComponent("financials.csv"), atomically: false, encoding: .utf8)
        var projects = "project_id,project,budget\n"
        for r in 0..<10_000 { projects += r == 5_000 ? "X\(r),\"unclosed,1\nX,Y,2\n" : "X\(r),Name \(r),\(r)\n" }
        try projects.write(to: folder.appendingPathComponent("projects.csv"), atomically: false, encoding: .utf8)

        let c = LoadExportTests.Captured()
        #expect(c.run("financials") == .success)
        #expect(c.run("projects") == .success)
        #expect(c.run(".tables") == .success)
        let before = c.out
        c.out = ""
        #expect(c.run(".load \(folder.path)") == .failure)
        #expect(c.err.contains("projects.csv:5002:2: error: "), "\(c.err)")
        #expect(c.run("financials") == .success)
        #expect(c.run("projects") == .success)
        #expect(c.run(".tables") == .success)
        #expect(c.out == before)
    }
}
