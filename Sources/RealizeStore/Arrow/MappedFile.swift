#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file mapped read-only into memory, unmapped when the last reference goes.
///
/// The bytes are the page cache's: mapping a large file is instant, and pages are read when touched.
public final class MappedFile: @unchecked Sendable {
    /// The file's path, for messages.
    public let path: String
    /// The mapped bytes (empty for an empty file).
    public let bytes: UnsafeRawBufferPointer

    private init(path: String, bytes: UnsafeRawBufferPointer) {
        self.path = path
        self.bytes = bytes
    }

    /// Maps the regular file at `path`.
    ///
    /// - Throws: ``ArrowError`` when the file cannot be opened or mapped, or is not a regular file.
    public static func map(_ path: String) throws(ArrowError) -> MappedFile {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ArrowError(path: path, "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw ArrowError(path: path, "cannot read its size: \(String(cString: strerror(errno)))") }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw ArrowError(path: path, "is not a regular file") }
        let size = Int(st.st_size)
        if size == 0 { return MappedFile(path: path, bytes: UnsafeRawBufferPointer(start: nil, count: 0)) }
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
            throw ArrowError(path: path, "cannot map into memory: \(String(cString: strerror(errno)))")
        }
        return MappedFile(path: path, bytes: UnsafeRawBufferPointer(start: p, count: size))
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}
