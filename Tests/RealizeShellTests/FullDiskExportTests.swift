import Foundation
import RealizeTestSupport
import Testing

/// Issue #10, "nothing is lost", on a real small file system: as root the test mounts a 64 KB tmpfs, fills it, and
/// checks through the binary that `.export` there fails naming the problem and leaves the old file and the folder
/// as they were; then the same on the file system remounted read-only.
@Suite(.serialized) struct FullDiskExportTests {
    /// Whether this process may mount a tmpfs (root, with `mount` working here); tried once on a probe folder.
    static let canMount: Bool = {
        guard getuid() == 0, let folder = try? RealizeBinary.temporaryFolder() else { return false }
        defer { try? FileManager.default.removeItem(at: folder) }
        guard (try? ExternalTools.run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path]))?.status == 0 else { return false }
        _ = try? ExternalTools.run("/bin/umount", [folder.path])
        return true
    }()

    static let old = "project_id\nOLD\n"

    /// Files and their contents in `folder`, for "nothing changed".
    static func snapshot(_ folder: URL) -> [String: Data] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return Dictionary(uniqueKeysWithValues: names.map { ($0, (try? Data(contentsOf: folder.appendingPathComponent($0))) ?? Data()) })
    }

    @Test(.enabled(if: canMount, "needs root and a working `mount -t tmpfs` (as in the CI container)"))
    func exportOntoAFullAndThenReadOnlyFileSystemChangesNothing() throws {
        let root = try RealizeBinary.temporaryFolder()
        let mountPoint = root.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        let mounted = try ExternalTools.run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint.path])
        try #require(mounted.status == 0, "\(mounted.output)")
        defer {
            _ = try? ExternalTools.run("/bin/umount", [mountPoint.path])
            try? FileManager.default.removeItem(at: root)
        }
        try Self.old.write(to: mountPoint.appendingPathComponent("old.csv"), atomically: false, encoding: .utf8)
        // Fill the rest of the file system, a block at a time, until the kernel says it is full.
        let filler =
            FileHandle(forWritingAtPath: mountPoint.appendingPathComponent("filler").path)
            ?? {
                FileManager.default.createFile(atPath: mountPoint.appendingPathComponent("filler").path, contents: nil)
                return FileHandle(forWritingAtPath: mountPoint.appendingPathComponent("filler").path)!
            }()
        while (try? filler.write(contentsOf: Data(count: 4096))) != nil {}
        try? filler.close()
        let before = Self.snapshot(mountPoint)

        // The sample's financials: far more than a few free bytes.
        for target in ["old.csv", "new.csv", "old.xlsx"] {
            let r = try RealizeBinary.run(["-c", "financials", "-c", ".export \(target)"], currentDirectory: mountPoint)
            #expect(r.status == 1)
            #expect(r.stderr.contains("no space left"), "\(target): \(r.stderr)")
            #expect(Self.snapshot(mountPoint) == before, "\(target): the folder changed")
        }

        try? FileManager.default.removeItem(at: mountPoint.appendingPathComponent("filler"))
        let remounted = try ExternalTools.run("/bin/mount", ["-o", "remount,ro", mountPoint.path])
        try #require(remounted.status == 0, "\(remounted.output)")
        let readOnly = Self.snapshot(mountPoint)
        for target in ["old.csv", "new.csv"] {
            let r = try RealizeBinary.run(["-c", "projects | take 2", "-c", ".export \(target)"], currentDirectory: mountPoint)
            #expect(r.status == 1)
            #expect(r.stderr.contains("read-only file system"), "\(target): \(r.stderr)")
            #expect(Self.snapshot(mountPoint) == readOnly, "\(target): the folder changed")
        }
        #expect(try String(contentsOf: mountPoint.appendingPathComponent("old.csv"), encoding: .utf8) == Self.old)
    }
}
