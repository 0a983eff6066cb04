import Foundation
import Testing
@testable import RealizeStore

/// What ``AtomicFile`` refuses to replace (devices, folders, links to nothing), what it writes through
/// (symbolic links), and that a full disk or a cancel leaves the old file as it was.
@Suite struct AtomicFileTargetTests {
    /// Whether `path` is a character device.
    static func isCharacterDevice(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR
    }

    @Test(arguments: ["/dev/null", "/dev/full"])
    func aDeviceIsRefusedAndStaysADevice(_ device: String) throws {
        try #require(Self.isCharacterDevice(device))
        let error = #expect(throws: AtomicFileError.self) { try AtomicFile.write(Array("x\n".utf8), to: device) }
        #expect(error?.code == .notRegularFile)
        #expect(error?.description == "`\(device)` is a character device, not a regular file; it is left as it is")
        #expect(Self.isCharacterDevice(device))
    }

    @Test func aSymbolicLinkIsWrittenThroughAndStaysALink() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("real.csv", "old\n")
        try FileManager.default.createSymbolicLink(atPath: folder.file("link.csv"), withDestinationPath: "real.csv")
        try AtomicFile.write(Array("new\n".utf8), to: folder.file("link.csv"))
        #expect(folder.read("real.csv") == "new\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.file("link.csv")) == "real.csv")
        #expect(folder.contents() == ["link.csv", "real.csv"])
    }

    @Test func aLinkToNothingOrToADeviceIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(atPath: folder.file("dangling.csv"), withDestinationPath: "nowhere.csv")
        try FileManager.default.createSymbolicLink(atPath: folder.file("null.csv"), withDestinationPath: "/dev/null")
        let dangling = #expect(throws: AtomicFileError.self) { try AtomicFile.write([1], to: folder.file("dangling.csv")) }
        #expect(dangling?.code == .notRegularFile)
        let null = #expect(throws: AtomicFileError.self) { try AtomicFile.write([1], to: folder.file("null.csv")) }
        #expect(null?.code == .notRegularFile)
        #expect(Self.isCharacterDevice("/dev/null"))
        #expect(folder.contents() == ["dangling.csv", "null.csv"])
    }

    @Test func aFullDiskLeavesTheOldFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("out.csv", "precious\n")
        let full: (Int32, UnsafeRawPointer, Int) -> Int = { _, _, _ in
            errno = ENOSPC
            return -1
        }
        let error = #expect(throws: AtomicFileError.self) {
            try AtomicFile.write(Array(repeating: 65, count: 10_000), to: folder.file("out.csv"), shouldStop: { false }, writer: full)
        }
        #expect(error?.code == .noSpace)
        #expect(error?.description == "no space left to write `\(folder.file("out.csv"))`")
        #expect(folder.read("out.csv") == "precious\n")
        #expect(folder.contents() == ["out.csv"])
    }

    @Test func aCancelledWriteLeavesTheOldFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("out.csv", "precious\n")
        // Stops after the first megabyte went to the temporary file.
        var polls = 0
        let error = #expect(throws: AtomicFileError.self) {
            try AtomicFile.write(Array(repeating: 65, count: 3 << 20), to: folder.file("out.csv")) {
                polls += 1
                return polls > 2
            }
        }
        #expect(error?.code == .cancelled)
        #expect(folder.read("out.csv") == "precious\n")
        #expect(folder.contents() == ["out.csv"])
    }
}
