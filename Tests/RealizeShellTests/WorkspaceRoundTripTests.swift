import Foundation
import RealizeSamples
import RealizeStore
import RealizeTestSupport
import Testing

/// `Workspace.save` and `Workspace.open` at the library level: equal tables, lazy building, atomic saves.
@Suite struct WorkspaceRoundTripTests {
    @Test func samplePortfolioRoundTripsAndBuildsLazily() throws {
        let folder = try RealizeBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sample.realize").path
        let tables = SamplePortfolio.tables()
        let settings = [WorkspaceManifest.Setting(name: "fiscal_year_start", value: "4")]
        let parameters = [WorkspaceManifest.Setting(name: "period", value: "2025-06", type: "period")]
        try Workspace.save(tables.map { Workspace.Item(name: $0.name, table: $0.table) }, settings: settings, parameters: parameters, to: path)
        let opened = try Workspace.open(path)
        #expect(opened.manifest.settings == settings && opened.manifest.parameters == parameters)
        #expect(opened.tables.map(\.name) == tables.map(\.name))
        for ((name, lazy), original) in zip(opened.tables, tables) {
            #expect(!lazy.isBuilt, "\(name)")
            #expect(lazy.rowCount == original.table.rowCount && lazy.columnNames == original.table.columnNames)
            let back = try #require(lazy.table, "\(name): \(lazy.failure?.message ?? "")")
            back.checkInvariants()
            #expect(TableDiff.firstDifference(back, original.table) == nil, "\(name)")
            #expect(back.columns.map(\.display) == original.table.columns.map(\.display), "\(name)")
        }
        var catalog = Catalog()
        catalog.setLazy("projects", opened.tables[0].table)
        #expect(catalog.names == ["projects"] && catalog[shape: "projects"]?.rowCount == tables[0].table.rowCount)
        catalog.set("projects", Table.empty)
        #expect(catalog.names == ["projects"] && catalog["projects"]?.rowCount == 0)
    }

    @Test func aFailedSaveLeavesTheEarlierWorkspace() throws {
        let folder = try RealizeBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("w.realize").path
        let one = Table(columns: [Column(name: "x", type: .int, values: [.int(1)])])
        try Workspace.save([Workspace.Item(name: "t", table: one)], settings: [], parameters: [], to: path)
        // A table whose file cannot be written stops the save half-way.
        #expect(throws: ArrowError.self) {
            try Workspace.save(
                [Workspace.Item(name: "u", table: one), Workspace.Item(name: "no/such", table: one)], settings: [], parameters: [], to: path)
        }
        let opened = try Workspace.open(path)
        #expect(opened.tables.map(\.name) == ["t"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["w.realize"])
        #expect(throws: ArrowError.self) { try Workspace.save([], settings: [], parameters: [], to: folder.path + "/missing/w.realize") }
    }
}
