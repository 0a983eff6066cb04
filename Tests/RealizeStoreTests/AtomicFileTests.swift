import Foundation
import RealizeStore
import Testing

@Suite struct AtomicFileTests {
    @Test func writesANewFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try AtomicFile.write(Array("hello\n".utf8), to: folder.file("out.csv"))
        #expect(folder.read("out.csv") == "hello\n")
        #expect(folder.contents() == ["out.csv"])
    }

    @Test func replacesAnExistingFileKeepingItsPermissions() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("out.csv", "old\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: folder.file("out.csv"))
        try AtomicFile.write(Array("new\n".utf8), to: folder.file("out.csv"))
        #expect(folder.read("out.csv") == "new\n")
        let mode = try FileManager.default.attributesOfItem(atPath: folder.file("out.csv"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(folder.contents() == ["out.csv"])
    }

    @Test func missingFolderIsAnErrorNamingIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let target = folder.file("missing/out.csv")
        let error = #expect(throws: AtomicFileError.self) { try AtomicFile.write([1, 2, 3], to: target) }
        #expect(error?.code == .folderMissing)
        #expect(error?.description == "the folder `\(folder.path)/missing` does not exist")
        #expect(error?.path == target)
        #expect(folder.contents().isEmpty)
    }

    @Test func aFolderAtThePathIsLeftAlone() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("out.csv"), withIntermediateDirectories: false)
        try folder.write("out.csv/inside.txt", "keep\n")
        let error = #expect(throws: AtomicFileError.self) { try AtomicFile.write([1], to: folder.file("out.csv")) }
        #expect(error?.code == .isFolder)
        #expect(error?.description.contains("is a folder") == true)
        #expect(folder.read("out.csv/inside.txt") == "keep\n")
        #expect(folder.contents() == ["out.csv"])  // no temporary file left behind
    }

    @Test func anExistingFileSurvivesAFailedWrite() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("data.csv", "precious\n")
        // The target's folder is a file, so the write must fail before touching anything.
        let error = #expect(throws: AtomicFileError.self) { try AtomicFile.write([1], to: folder.file("data.csv/out.csv")) }
        #expect(error?.code == .folderMissing)
        #expect(folder.read("data.csv") == "precious\n")
        #expect(folder.contents() == ["data.csv"])
    }

    @Test func tableWriteGoesThroughAtomicFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let table = Table(columns: [Column(name: "a", type: .int, values: [.int(1), .int(2)])])
        try CSVWriter.write(table, toFile: folder.file("t.csv"))
        #expect(folder.read("t.csv") == "a\n1\n2\n")
    }
}
