/// Why an Arrow file or a workspace could not be read or written.
public struct ArrowError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The file in question (empty while a reader does not know it yet).
    public var path: String
    /// What was wrong, e.g. "the footer's length 9000 runs past the start of the file".
    public var message: String
    /// The failure of the file write behind this error, when writing failed (full disk, a target that is
    /// not a regular file, Ctrl-C: ``AtomicFileError/Code/cancelled``).
    public var write: AtomicFileError?

    public init(path: String = "", _ message: String, write: AtomicFileError? = nil) {
        self.path = path
        self.message = message
        self.write = write
    }

    /// `PATH: message`.
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }

    /// The same error, naming `path` when it names no file yet.
    func at(_ path: String) -> ArrowError {
        var e = self
        if e.path.isEmpty { e.path = path }
        return e
    }
}
