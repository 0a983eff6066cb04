#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a write to a path really goes, and whether ``AtomicFile`` may replace it.
enum FileTarget {
    /// The path to write: `path` itself, or the final target of a symbolic link at `path`.
    ///
    /// - Throws: ``AtomicFileError`` when the folder is missing, the path (or the link's target) is a
    ///   folder, a device, a pipe or a socket, or the link leads nowhere.
    static func resolve(_ path: String) throws(AtomicFileError) -> String {
        var target = path
        var st = stat()
        if lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                throw AtomicFileError(
                    path: path, code: .notRegularFile, message: "`\(path)` is a symbolic link to a missing file", errorNumber: ENOENT)
            }
            target = String(cString: resolved)
            free(resolved)
        }
        let folder = FileSystem.directoryName(target)
        switch FileSystem.kind(of: folder) {
        case nil:
            throw AtomicFileError(path: path, code: .folderMissing, message: "the folder `\(folder)` does not exist", errorNumber: ENOENT)
        case .file:
            throw AtomicFileError(path: path, code: .folderMissing, message: "`\(folder)` is a file, not a folder", errorNumber: ENOTDIR)
        case .directory:
            break
        }
        if target.hasSuffix("/") {
            throw AtomicFileError(path: path, code: .isFolder, message: "`\(path)` is a folder, not a file", errorNumber: EISDIR)
        }
        guard stat(target, &st) == 0 else { return target }  // nothing there yet: a new file
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            return target
        case S_IFDIR:
            throw AtomicFileError(path: path, code: .isFolder, message: "`\(path)` is a folder, not a file", errorNumber: EISDIR)
        default:
            throw AtomicFileError(
                path: path, code: .notRegularFile, message: "`\(path)` is \(describe(st.st_mode)), not a regular file; it is left as it is",
                errorNumber: EINVAL)
        }
    }

    /// "a character device", "a named pipe", … for a file type.
    static func describe(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFIFO: "a named pipe"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a folder"
        default: "an unusual file"
        }
    }
}
