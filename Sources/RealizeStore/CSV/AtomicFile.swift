#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes whole files atomically: readers see the old content or the new, never a mix.
///
/// The bytes go to a temporary file in the target's folder (hidden, `.<name>.tmp-…`), which is
/// flushed to disk (`fsync`) and then renamed over the target. On any failure, or when cancelled,
/// the temporary file is removed and the existing file is left untouched. A replaced file keeps its
/// permission bits.
///
/// Only regular files are written. A path naming a device (`/dev/null`, `/dev/full`), a named pipe
/// or a socket is refused (renaming over it would put a regular file where the device was; standard
/// output is `.output`'s job), and so is a folder. A symbolic link is written through: its final
/// target, which must be a regular file, is replaced atomically and the link stays as it is. A link
/// to nothing is refused.
public enum AtomicFile {
    /// Writes `bytes` to `path`, replacing any regular file there.
    ///
    /// - Parameter shouldStop: polled between chunks and before the rename; when it says so, nothing
    ///   is replaced and the error's code is `cancelled`.
    /// - Throws: ``AtomicFileError`` saying why, e.g. the folder does not exist, the path is a device,
    ///   the disk is full or permission is denied.
    public static func write(_ bytes: [UInt8], to path: String, shouldStop: () -> Bool = { false }) throws(AtomicFileError) {
        try write(bytes, to: path, shouldStop: shouldStop, writer: { posixWrite($0, $1, $2) })
    }

    /// ``write(_:to:shouldStop:)`` with the `write(2)` call injected, so that tests can simulate a full disk.
    static func write(
        _ bytes: [UInt8], to requested: String, shouldStop: () -> Bool, writer: (Int32, UnsafeRawPointer, Int) -> Int
    ) throws(AtomicFileError) {
        try write(to: requested, shouldStop: shouldStop, writer: writer) { $0.write(bytes) }
    }

    /// Writes the bytes `produce` hands to its ``Output``, piece by piece, replacing any regular file at
    /// `path`: the whole content never needs to be in memory. Same atomicity and errors as ``write(_:to:shouldStop:)``.
    public static func write(to path: String, shouldStop: () -> Bool = { false }, produce: (inout Output) -> Void) throws(AtomicFileError) {
        try write(to: path, shouldStop: shouldStop, writer: { posixWrite($0, $1, $2) }, produce: produce)
    }

    /// ``write(to:shouldStop:produce:)`` with the `write(2)` call injected.
    static func write(
        to requested: String, shouldStop: () -> Bool, writer: (Int32, UnsafeRawPointer, Int) -> Int, produce: (inout Output) -> Void
    ) throws(AtomicFileError) {
        let path = try FileTarget.resolve(requested)
        let folder = FileSystem.directoryName(path)
        if shouldStop() { throw cancelled(requested) }
        let existingMode = FileSystem.mode(of: path)
        let temp = FileSystem.join(folder, ".\(FileSystem.baseName(path)).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")

        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if fd < 0 { throw failure(requested, folder, "cannot create a file in") }
        var step = "cannot write"
        var (ok, stopped) = withoutActuallyEscaping(shouldStop) { stop in
            withoutActuallyEscaping(writer) { write in
                var output = Output(fd: fd, shouldStop: stop, writer: write)
                produce(&output)
                output.flush()
                return (output.ok, output.stopped)
            }
        }
        if ok && !stopped, let existingMode { _ = fchmod(fd, existingMode) }  // best effort: keep the old file's permissions
        if ok && !stopped { step = "cannot flush to disk"; ok = fsync(fd) == 0 }
        let savedErrno = errno
        if close(fd) != 0 && ok && !stopped { step = "cannot close"; ok = false }
        if !ok || stopped || shouldStop() {
            if errno == 0 { errno = savedErrno }
            let error = ok ? cancelled(requested) : failure(requested, folder, step)
            unlink(temp)
            throw error
        }
        // Checked again just before the rename: something may have appeared at the path meanwhile.
        do throws(AtomicFileError) {
            _ = try FileTarget.resolve(path)
        } catch {
            unlink(temp)
            throw error
        }
        if rename(temp, path) != 0 {
            let error = failure(requested, folder, "cannot replace the file in")
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

    private static func cancelled(_ path: String) -> AtomicFileError {
        AtomicFileError(path: path, code: .cancelled, message: "writing `\(path)` was cancelled", errorNumber: ECANCELED)
    }

    /// An error for the current `errno`.
    private static func failure(_ path: String, _ folder: String, _ step: String) -> AtomicFileError {
        let e = errno
        switch e {
        case EACCES, EPERM, EROFS:
            let why = e == EROFS ? "the folder `\(folder)` is on a read-only file system" : "permission denied in the folder `\(folder)`"
            return AtomicFileError(path: path, code: .permissionDenied, message: why, errorNumber: e)
        case ENOENT, ENOTDIR:
            return AtomicFileError(path: path, code: .folderMissing, message: "the folder `\(folder)` does not exist", errorNumber: e)
        case EISDIR:
            return AtomicFileError(path: path, code: .isFolder, message: "`\(path)` is a folder, not a file", errorNumber: e)
        case ENOSPC, EDQUOT:
            return AtomicFileError(path: path, code: .noSpace, message: "no space left to write `\(path)`", errorNumber: e)
        case EFBIG:
            return AtomicFileError(path: path, code: .noSpace, message: "`\(path)` would exceed the file size limit", errorNumber: e)
        default:
            let how = step.hasSuffix(" in") ? "\(step) the folder `\(folder)`" : "\(step) `\(path)`"
            return AtomicFileError(path: path, code: .other, message: "\(how): \(FileSystem.errnoText(e))", errorNumber: e)
        }
    }
}
