import Foundation
import RealizeTestSupport
import Testing

/// Stacked extracts through the real binary in batch mode: `--data` on a folder of folders, a glob in `.load`,
/// `union`, and the errors' exit status and stderr.
@Suite struct StackingEndToEndTests {
    /// `sample-portfolios/examples/extracts`, two months of two projects.
    static var extracts: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("sample-portfolios/examples/extracts").path
    }

    @Test func aFolderOfFoldersStacksAndEVMReadsTheLatestSnapshot() throws {
        let r = try RealizeBinary.run([
            "--data", Self.extracts, "--format", "csv", "-c", "financials | by snapshot agg n = count(); evm by project | select project_id, ac",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("snapshot,n\n2025-10,6\n2025-11,8\n"), "\(r.stdout)")
        // November's extract: P001's AC 181,824.31 + 183,123.29 + 155,410.12 + 165,138.28.
        #expect(r.stdout.contains("P001,685496.00"), "\(r.stdout)")
        #expect(r.stderr.contains("warning: evm read the latest of 2 snapshots in `financials`, 2025-11"), "\(r.stderr)")
    }

    @Test func aGlobLoadAndUnionInAScript() throws {
        let script = """
            .load '\(Self.extracts)/2025-1[01]/financials.csv' as fin
            fin | union (fin | where snapshot = 2025-10 | derive extra = 1) | by snapshot agg n = count(), extra = sum(extra)
            """
        let r = try RealizeBinary.run(["--format", "csv"], stdin: script)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "snapshot,n,extra\n2025-10,12,6\n2025-11,8,\n", "\(r.stdout)")
    }

    @Test func errorsExitNonZeroWithAMessage() throws {
        let none = try RealizeBinary.run(["-c", ".load '\(Self.extracts)/*/nothing.csv'"])
        #expect(none.status != 0)
        #expect(none.stderr.contains("error: the pattern matches no file"), "\(none.stderr)")
        let clash = try RealizeBinary.run(["-c", "projects | union (financials | derive budget = 'x') | take 1"])
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("cannot stack the pipeline in brackets: its column `budget` is text"), "\(clash.stderr)")
        #expect(clash.stderr.contains("query:1:18"), "\(clash.stderr)")
    }
}
