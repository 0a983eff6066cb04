#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A CSV file mapped read-only, so that a large file is not copied into the heap.
///
/// The mapping is private and never written: its pages are the page cache's, and a page dropped from
/// the process with ``release(_:_:)`` is read again from the cache when touched. For a file of
/// ``residentLimit`` bytes or more, the reader drops the pages behind each pass over the rows, so the
/// file's bytes are never all resident at once and the peak memory of a load is about the field index
/// and the decoded columns. A smaller file is mapped with its pages filled in at once and kept for the
/// load: faulting them in again for the tokenizer and for each column's pass cost more than the
/// decoding (medium `financials.csv`, 52 MB: load 90 → 70 ms, for 47 MB more at peak).
final class MappedCSVFile {
    /// The file's bytes.
    let buffer: UnsafeBufferPointer<UInt8>
    /// Whether the reader drops the pages behind each pass (the file has ``residentLimit`` bytes or more).
    let dropsPages: Bool

    /// The size from which a file's pages are dropped behind each pass rather than kept for the load
    /// (tests lower it to 0 to read small files the dropping way: `$residentLimit.withValue(0) { … }`).
    @TaskLocal static var residentLimit = 128 << 20

    private init(buffer: UnsafeBufferPointer<UInt8>, dropsPages: Bool) {
        self.buffer = buffer
        self.dropsPages = dropsPages
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count) }

    /// Maps the regular, non-empty file at `path`; nil when it is something else (a pipe, an empty
    /// file) or cannot be mapped, for the caller to read it instead. A folder is the failure
    /// ``FileSystem/ReadFailure/isDirectory``, and a file that cannot be opened the same failure as a read's.
    static func map(_ path: String) -> Result<MappedCSVFile, FileSystem.ReadFailure>? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return .failure(.cannotOpen(FileSystem.errnoText())) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(.cannotOpen(FileSystem.errnoText())) }
        if (st.st_mode & S_IFMT) == S_IFDIR { return .failure(.isDirectory) }
        let size = Int(st.st_size)
        guard (st.st_mode & S_IFMT) == S_IFREG, size > 0 else { return nil }
        let dropsPages = size >= residentLimit
        var flags = MAP_PRIVATE
        #if os(Linux)
            // Every page will be read: filled in by one call rather than a fault at a time.
            if !dropsPages { flags |= MAP_POPULATE }
        #endif
        guard let raw = mmap(nil, size, PROT_READ, flags, fd, 0), raw != MAP_FAILED else { return nil }
        return .success(
            MappedCSVFile(buffer: UnsafeBufferPointer(start: raw.assumingMemoryBound(to: UInt8.self), count: size), dropsPages: dropsPages))
    }

    /// Drops the whole pages of bytes `start..<end` of the mapping at `base` from the process (not
    /// from the page cache). `base` must be a mapping's start, which is page-aligned.
    static func release(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) {
        let page = pageSize
        let from = (start + page - 1) / page * page, to = end / page * page
        guard to > from else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + from), to - from, MADV_DONTNEED)
    }

    private static let pageSize = max(Int(sysconf(Int32(_SC_PAGESIZE))), 4096)
}
