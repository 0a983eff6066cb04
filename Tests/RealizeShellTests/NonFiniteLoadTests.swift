import Foundation
import Testing

/// Issue #10, part 2: a `nan` cell no longer loads as an IEEE NaN that misorders `sort`, `top` and `median`;
/// NaN and ±Inf in a file are refused naming the cell (README, "Loading data").
@Suite struct NonFiniteLoadTests {
    @Test(arguments: ["nan", "-Infinity", "1e999"]) func aNonFiniteCellIsALoadError(_ cell: String) throws {
        let folder = try RealizeBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("scores.csv")
        try "project_id,score\nP1,1.5\nP2,\(cell)\nP3,0.5\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try RealizeBinary.run(["--data", file.path, "-c", "scores | sort score"])
        #expect(r.status == 1)
        #expect(
            r.stderr == """
                \(file.path):3:2: error: expected a finite number in column 2 (`score`), found "\(cell)"
                \(file.path):3:2: note: NaN and infinities are not loaded; leave the field empty for a missing value

                """)
    }
}
