import Foundation
import RealizeTestSupport
import Testing

/// A workspace whose structure is sound but whose values are damaged (found only when a table is first
/// built) is an error naming the table, for a query, a domain command and `.save`: never an empty table.
@Suite struct WorkspaceValueDamageTests {
    @Test func aDamagedValueIsAnErrorWhenTheTableIsRead() throws {
        let folder = try RealizeBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ws = folder.appendingPathComponent("damaged.realize").path
        #expect(try RealizeBinary.run(["-c", ".save \(ws)"]).status == 0)
        // Invalid UTF-8 inside the projects table's text dictionary: the layout still checks at open.
        let file = ws + "/projects.arrow"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        let needle = Array("Atlas ERP Rollout".utf8)
        let at = try #require((0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle })
        bytes[at] = 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: file))

        let query = try RealizeBinary.run([ws, "-c", "projects | agg n = count()"])
        #expect(query.status == 1)
        #expect(query.stderr.contains("table `projects` cannot be read"), "\(query.stderr)")
        #expect(query.stdout.isEmpty, "\(query.stdout)")

        let command = try RealizeBinary.run([ws, "-c", "evm by program"])
        #expect(command.status == 1)
        #expect(command.stderr.contains("`projects`") && command.stderr.contains("cannot be read"), "\(command.stderr)")

        // The other tables still work, and a save refuses rather than dropping the table.
        let other = try RealizeBinary.run([ws, "-c", "financials | agg n = count()", "--format", "csv"])
        #expect(other.status == 0 && other.stdout.contains("n\n"), "\(other.stderr)")
        let again = folder.appendingPathComponent("again.realize").path
        let save = try RealizeBinary.run([ws, "-c", "projects | take 1", "-c", ".save \(again)", "--keep-going"])
        #expect(save.status == 1)
        #expect(save.stderr.contains("cannot save the workspace: table `projects` cannot be read"), "\(save.stderr)")
        #expect(!FileManager.default.fileExists(atPath: again))
    }
}
