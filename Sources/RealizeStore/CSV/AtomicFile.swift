#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a file could not be written. The file that was at the path, if any, is unchanged.
public struct AtomicFileError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// The folder to write into does not exist (or a part of its path is not a folder).
        case folderMissing
        /// The path names a folder, not a file.
        case isFolder
        /// The process may not create or replace files there.
        case permissionDenied
        /// The device is full or the quota is exhausted.
        case noSpace
        /// Anything else; see the message.
        case other
    }

    /// The file that was to be written.
    public var path: String
    /// The kind of failure.
    public var code: Code
    /// Why, naming the path in question.
    public var message: String
    /// The `errno` behind the failure, or 0.
    public var errorNumber: Int32

    /// Creates an error.
    public init(path: String, code: Code, message: String, errorNumber: Int32 = 0) {
        self.path = path
        self.code = code
        self.message = message
        self.errorNumber = errorNumber
    }

    /// The message, e.g. "the folder `out/` does not exist".
    public var description: String { message }
}

/// Writes whole files atomically: readers see the old content or the new, never a mix.
///
/// The bytes go to a temporary file in the target's folder (hidden, `.<name>.tmp-…`), which is
/// flushed to disk (`fsync`) and then renamed over the target. On any failure the temporary file
/// is removed and the existing file is left untouched. A replaced file keeps its permission bits;
/// a symbolic link at the path is replaced by a regular file.
public enum AtomicFile {
    /// Writes `bytes` to `path`, replacing any file there.
    /// - Throws: ``AtomicFileError`` saying why, e.g. the folder does not exist or permission is denied.
    public static func write(_ bytes: [UInt8], to path: String) throws(AtomicFileError) {
        let folder = FileSystem.directoryName(path)
        switch FileSystem.kind(of: folder) {
        case nil:
            throw AtomicFileError(path: path, code: .folderMissing, message: "the folder `\(folder)` does not exist", errorNumber: ENOENT)
        case .file:
            throw AtomicFileError(path: path, code: .folderMissing, message: "`\(folder)` is a file, not a folder", errorNumber: ENOTDIR)
        case .directory:
            break
        }
        if path.hasSuffix("/") || FileSystem.kind(of: path) == .directory {
            throw AtomicFileError(path: path, code: .isFolder, message: "`\(path)` is a folder, not a file", errorNumber: EISDIR)
        }
        let existingMode = FileSystem.mode(of: path)
        let temp = FileSystem.join(folder, ".\(FileSystem.baseName(path)).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")

        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if fd < 0 { throw failure(path, folder, "cannot create a file in") }
        var step = "cannot write"
        var ok = writeAll(fd, bytes)
        if ok, let existingMode { _ = fchmod(fd, existingMode) }  // best effort: keep the old file's permissions
        if ok { step = "cannot flush to disk"; ok = fsync(fd) == 0 }
        let savedErrno = errno
        if close(fd) != 0 && ok { step = "cannot close"; ok = false }
        if !ok {
            if errno == 0 { errno = savedErrno }
            let error = failure(path, folder, step)
            unlink(temp)
            throw error
        }
        if rename(temp, path) != 0 {
            let error = failure(path, folder, "cannot replace the file in")
            unlink(temp)
            throw error
        }
        // Make the rename itself durable; failing here no longer endangers either file.
        let dirFD = open(folder, O_RDONLY | O_CLOEXEC)
        if dirFD >= 0 {
            _ = fsync(dirFD)
            close(dirFD)
        }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = posixWrite(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                done += n
            }
            return true
        }
    }

    /// An error for the current `errno`.
    private static func failure(_ path: String, _ folder: String, _ step: String) -> AtomicFileError {
        let e = errno
        switch e {
        case EACCES, EPERM:
            return AtomicFileError(path: path, code: .permissionDenied, message: "permission denied in the folder `\(folder)`", errorNumber: e)
        case ENOENT, ENOTDIR:
            return AtomicFileError(path: path, code: .folderMissing, message: "the folder `\(folder)` does not exist", errorNumber: e)
        case EISDIR:
            return AtomicFileError(path: path, code: .isFolder, message: "`\(path)` is a folder, not a file", errorNumber: e)
        case ENOSPC, EDQUOT:
            return AtomicFileError(path: path, code: .noSpace, message: "no space left to write `\(path)`", errorNumber: e)
        default:
            let how = step.hasSuffix(" in") ? "\(step) the folder `\(folder)`" : "\(step) `\(path)`"
            return AtomicFileError(path: path, code: .other, message: "\(how): \(FileSystem.errnoText(e))", errorNumber: e)
        }
    }
}
