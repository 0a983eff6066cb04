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
        /// The device is full, the quota is exhausted or the file size limit is reached.
        case noSpace
        /// The path names something other than a regular file: a device (`/dev/null`), a pipe, a
        /// socket, or a symbolic link to nothing. Such a path is never replaced.
        case notRegularFile
        /// The write was cancelled (Ctrl-C) before the file was replaced.
        case cancelled
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
