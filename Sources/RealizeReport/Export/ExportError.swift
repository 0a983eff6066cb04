import RealizeStore

/// Why an export or a chart file could not be written. Nothing was written; a file already at the
/// path is unchanged (every file is written through ``AtomicFile``).
public struct ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable {
        /// The file could not be written (see the message: missing folder, permission, space).
        case write
        /// The workbook's zip container could not be built.
        case container
        /// The tables cannot be written in that format (for example several tables to one CSV file).
        case unsupported
        /// Ctrl-C stopped the export before the file was replaced.
        case cancelled
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    init(_ error: AtomicFileError) {
        self.init(error.code == .cancelled ? .cancelled : .write, error.description)
    }

    /// The export was cancelled; nothing was written.
    static let cancelled = ExportError(.cancelled, "the export was cancelled")

    public var description: String { message }
}
