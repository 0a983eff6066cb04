import Foundation
import Testing

@testable import RealizeStore

/// A workspace's table files are the bytes of the one-array encoder, and a save stopped half-way
/// leaves the earlier workspace as it was.
@Suite struct WorkspaceStreamedSaveTests {
    static let tables = [
        Workspace.Item(name: "every", table: ArrowRoundTripTests.everyType(rows: 70_001)),
        Workspace.Item(name: "empty", table: Table.empty, isLet: true),
    ]

    @Test func savedFilesAreTheEncodersBytes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = folder.file("ws")
        try Workspace.save(Self.tables, settings: [], parameters: [], to: ws)
        #expect(folder.contents() == ["ws"])
        for item in Self.tables {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: ws + "/" + item.name + ".arrow")))
            #expect(bytes == (try LegacyArrowEncoder.encode(item.table)))
        }
    }

    @Test func aStoppedSaveLeavesTheEarlierWorkspace() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = folder.file("ws")
        let earlier = [Workspace.Item(name: "old", table: ArrowRoundTripTests.everyType(rows: 3))]
        try Workspace.save(earlier, settings: [], parameters: [], to: ws)
        let manifest = try String(contentsOfFile: ws + "/" + Workspace.manifestName, encoding: .utf8)
        var polls = 0
        let big = [Workspace.Item(name: "big", table: ArrowRoundTripTests.everyType(rows: 300_000))]
        let error = #expect(throws: ArrowError.self) {
            try Workspace.save(big, settings: [], parameters: [], to: ws) {
                polls += 1
                return polls > 3
            }
        }
        #expect(error?.description.contains("cancelled") == true)
        #expect(folder.contents() == ["ws"])
        #expect(try String(contentsOfFile: ws + "/" + Workspace.manifestName, encoding: .utf8) == manifest)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: ws)) ?? []).sorted() == [Workspace.manifestName, "old.arrow"])
    }
}
