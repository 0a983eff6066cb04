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

    /// Whether `bytes` is a heap copy (``init(copying:path:)``) rather than a mapping.
    private let owned: Bool

    private init(path: String, bytes: UnsafeRawBufferPointer, owned: Bool = false) {
        self.path = path
        self.bytes = bytes
        self.owned = owned
    }

    /// A copy of `bytes` in memory standing in for a file called `path` (for fuzzing and tests).
    public convenience init(copying bytes: UnsafeRawBufferPointer, path: String) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 64)
        if bytes.count > 0 { copy.copyMemory(from: bytes) }
        self.init(path: path, bytes: UnsafeRawBufferPointer(rebasing: copy[0..<bytes.count]), owned: true)
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
        guard let base = bytes.baseAddress else { return }
        if owned {
            UnsafeMutableRawPointer(mutating: base).deallocate()
        } else {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        }
    }
}
