import Foundation
import RealizeStore
import Testing

@Suite struct PortfolioLoaderTests {
    @Test(arguments: [
        ("financials.csv", "financials"),
        ("/some/where/Projects.CSV", "projects"),
        ("Financials 2024.csv", "financials_2024"),
        ("2024-data.csv", "t_2024_data"),
        ("nps-survey (final).csv", "nps_survey_final"),
        ("__x__.csv", "x"),
        ("Zürich.csv", "z_rich"),
        ("noext", "noext"),
        (".csv", "csv"),
        ("!!!.csv", "table"),
        ("a.b.csv", "a_b"),
    ])
    func tableNames(_ file: String, _ expected: String) {
        #expect(PortfolioLoader.tableName(forFile: file) == expected)
    }

    @Test func oneFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("My Projects.csv", "id,name\n1,a\n")
        let loaded = try PortfolioLoader.load(path: folder.file("My Projects.csv"))
        #expect(loaded.map(\.name) == ["my_projects"])
        #expect(loaded.first?.table.rowCount == 1)
    }

    @Test func aFolderOfFilesInNameOrder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("projects.csv", "project_id,budget\nP1,100.50\n")
        try folder.write("financials.csv", "project_id,period,actual_cost\nP1,2024-01,10\nP1,2024-02,12.5\n")
        try folder.write("notes.txt", "not a table")
        try folder.write(".hidden.csv", "x\n1\n")
        let loaded = try PortfolioLoader.load(path: folder.path, options: CSVReadOptions(typeOverrides: ["budget": .double]))
        #expect(loaded.map(\.name) == ["financials", "projects"])
        #expect(loaded[0].table.column(named: "actual_cost")?.type == .decimal)
        #expect(loaded[1].table.column(named: "budget")?.type == .double)
    }

    @Test func oneBadFileFailsTheWholeLoad() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a.csv", "x\n1\n")
        try folder.write("b.csv", "x,y\n1\n")
        let error = #expect(throws: CSVError.self) { try PortfolioLoader.load(path: folder.path) }
        #expect(error?.file == folder.file("b.csv"))
        #expect(error?.code == .fieldCount)
    }

    @Test func clashingTableNames() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("A b.csv", "x\n1\n")
        try folder.write("a_b.csv", "x\n1\n")
        let error = #expect(throws: CSVError.self) { try PortfolioLoader.load(path: folder.path) }
        #expect(error?.code == .duplicateTable)
    }

    @Test func emptyFolderAndMissingPath() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let empty = #expect(throws: CSVError.self) { try PortfolioLoader.load(path: folder.path) }
        #expect(empty?.description == "\(folder.path): error: the folder holds no CSV files or workbooks")
        let missing = #expect(throws: CSVError.self) { try PortfolioLoader.load(path: folder.file("nope")) }
        #expect(missing?.description == "\(folder.file("nope")): error: no such file or folder")
    }
}
