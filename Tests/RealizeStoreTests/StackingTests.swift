import Foundation
import RealizeStore
import Testing

@Suite struct StackingTests {
    /// A folder with `extracts/<month>/financials.csv` for each month given, each file's text as given.
    static func extracts(_ files: [(String, String)]) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for (month, text) in files {
            try FileManager.default.createDirectory(atPath: folder.file("extracts/" + month), withIntermediateDirectories: true)
            try folder.write("extracts/\(month)/financials.csv", text)
        }
        return folder
    }

    @Test func aGlobStacksTheFilesInPathOrderUnderAPeriodSnapshot() throws {
        let folder = try Self.extracts([
            ("2025-11", "project_id,actual_cost\nP1,10.50\nP2,3\n"),
            ("2025-10", "project_id,actual_cost\nP1,7.25\n"),
        ])
        defer { folder.remove() }
        let loaded = try PortfolioLoader.load(path: folder.file("extracts/*/financials.csv"))
        #expect(loaded.map(\.name) == ["financials"])
        let t = loaded[0].table
        t.checkInvariants()
        #expect(t.columnNames == ["snapshot", "project_id", "actual_cost"])
        #expect(t.columns[0].type == .period)
        #expect((0..<3).map { t.columns[0].value(at: $0).description } == ["2025-10", "2025-11", "2025-11"])
        #expect((0..<3).map { t.columns[1].value(at: $0).description } == ["P1", "P1", "P2"])
        #expect(t.columns[2].type == .decimal)
        #expect((0..<3).map { t.columns[2].value(at: $0).description } == ["7.25", "10.50", "3.00"])
    }

    @Test func aFolderOfFoldersStacksEachTableByStem() throws {
        let folder = try Self.extracts([("2025-10", "project_id,v\nP1,1\n"), ("2025-11", "project_id,v\nP1,2\n")])
        defer { folder.remove() }
        try folder.write("extracts/2025-11/projects.csv", "project_id,budget\nP1,100\n")
        let loaded = try PortfolioLoader.load(path: folder.file("extracts"))
        #expect(loaded.map(\.name) == ["financials", "projects"])
        #expect(loaded[0].table.rowCount == 2)
        #expect(loaded[1].table.columnNames == ["snapshot", "project_id", "budget"])
    }

    @Test func aMissingColumnIsNullAndIntWidensToDecimal() throws {
        let folder = try Self.extracts([
            ("2025-10", "project_id,cost\nP1,5\n"),
            ("2025-11", "project_id,cost,note\nP1,2.5,late\n"),
        ])
        defer { folder.remove() }
        let t = try PortfolioLoader.load(path: folder.file("extracts/*/financials.csv"))[0].table
        t.checkInvariants()
        #expect(t.columnNames == ["snapshot", "project_id", "cost", "note"])
        #expect(t.columns[2].type == .decimal)
        #expect(t.columns[2].value(at: 0).description == "5.0")
        #expect(t.columns[3].isNull(0) && t.columns[3].value(at: 1).description == "late")
    }

    @Test func aColumnEmptyInOneFileTakesTheOthersType() throws {
        let folder = try Self.extracts([
            ("2025-10", "project_id,due\nP1,\n"),
            ("2025-11", "project_id,due\nP1,2025-11-30\n"),
        ])
        defer { folder.remove() }
        let t = try PortfolioLoader.load(path: folder.file("extracts/*/financials.csv"))[0].table
        #expect(t.columns[2].type == .date)
        #expect(t.columns[2].isNull(0) && t.columns[2].value(at: 1).description == "2025-11-30")
    }

    @Test func aTypeConflictNamesBothFilesAndTheColumnAndLoadsNothing() throws {
        let folder = try Self.extracts([
            ("2025-10", "project_id,due\nP1,2025-10-31\n"),
            ("2025-11", "project_id,due\nP1,soon\n"),
        ])
        defer { folder.remove() }
        #expect {
            try PortfolioLoader.load(path: folder.file("extracts/*/financials.csv"))
        } throws: { error in
            guard let e = error as? CSVError else { return false }
            return e.code == .stackConflict && e.file.hasSuffix("2025-11/financials.csv") && e.column == 2
                && e.message.contains("`due` is date in one and text in the other") && e.message.contains("2025-10/financials.csv")
        }
    }

    @Test func anExistingSnapshotColumnIsAnErrorWithAHint() throws {
        let folder = try Self.extracts([("2025-10", "snapshot,v\nx,1\n")])
        defer { folder.remove() }
        #expect {
            try PortfolioLoader.load(path: folder.file("extracts/*/financials.csv"))
        } throws: { error in
            (error as? CSVError)?.code == .stackConflict && (error as? CSVError)?.hint?.contains("union") == true
        }
    }

    @Test func aGlobMatchingNothingIsAClearError() throws {
        let folder = try Self.extracts([("2025-10", "v\n1\n")])
        defer { folder.remove() }
        #expect {
            try PortfolioLoader.load(path: folder.file("extracts/*/nothing.csv"))
        } throws: { error in
            (error as? CSVError)?.message == "the pattern matches no file"
        }
    }

    @Test func aFlatGlobStacksUnderTheFixedPartOfTheName() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("financials_2025-11-30.csv", "v\n2\n")
        try folder.write("financials_2025-10-31.csv", "v\n1\n")
        try folder.write("other.csv", "v\n9\n")
        let loaded = try PortfolioLoader.load(path: folder.file("financials_*.csv"))
        #expect(loaded.map(\.name) == ["financials"])
        let snapshot = loaded[0].table.columns[0]
        #expect(snapshot.type == .date)
        #expect(snapshot.value(at: 0).description == "2025-10-31")
    }

    @Test(arguments: [
        (["2025-10", "2025-11"], DataType.period),
        (["2025-10-31", "2025-11-30"], .date),
        (["2025-10", "2025-11-30"], .text),
        (["oct", "nov"], .text),
    ])
    func snapshotTyping(_ labels: [String], _ type: DataType) {
        #expect(SnapshotColumn.type(of: labels) == type)
        #expect(SnapshotColumn.make(labels: labels, counts: [1, 2]).count == 3)
    }

    @Test(arguments: [
        ("*.csv", "financials.csv", "financials"),
        ("fin_??.csv", "fin_10.csv", "10"),
        ("[0-9]*", "2025-10", "2025-10"),
        ("[!a]x", "bx", "b"),
        ("f*_*.csv", "fa_b_c.csv", "a_bc"),
    ])
    func componentMatching(_ pattern: String, _ name: String, _ caught: String) {
        #expect(PathGlob.match(pattern, name) == caught)
    }

    @Test func textDictionariesAreMergedByCode() throws {
        let a = Table(columns: [Column(name: "t", type: .text, values: [.text("x"), .text("y"), .null])])
        let b = Table(columns: [Column(name: "t", type: .text, values: [.text("y"), .text("z")])])
        let t = try TableStacker.stack([a, b])
        t.checkInvariants()
        guard case .text(let codes, let dictionary) = t.columns[0].storage else { Issue.record("not text"); return }
        #expect(dictionary == ["x", "y", "z"])
        #expect(codes[0] == 0 && codes[1] == 1 && codes[3] == 1 && codes[4] == 2)
        #expect(t.columns[0].isNull(2))
    }
}
