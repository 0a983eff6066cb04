#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin wrappers over the POSIX file calls the CSV layer needs (RealizeStore avoids Foundation).
enum FileSystem {
    /// The text of the current `errno`.
    static func errnoText(_ code: Int32 = errno) -> String {
        guard let s = strerror(code) else { return "error \(code)" }
        return String(cString: s)
    }

    /// What is at `path`: nil if nothing (or it cannot be examined).
    static func kind(of path: String) -> Kind? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return (st.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    enum Kind { case file, directory }

    /// The permission bits of the file at `path`, if it exists.
    static func mode(of path: String) -> mode_t? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return st.st_mode & 0o7777
    }

    /// Reads a whole file. Returns the bytes, or the reason it could not.
    static func readFile(_ path: String) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return .failure(.cannotOpen(errnoText())) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(.cannotOpen(errnoText())) }
        if (st.st_mode & S_IFMT) == S_IFDIR { return .failure(.isDirectory) }
        let size = Int(st.st_size)
        var failure: ReadFailure? = nil
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buf, initialized in
            var done = 0
            while done < size {
                let n = posixRead(fd, buf.baseAddress! + done, size - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = .cannotRead(errnoText()); break
                }
                if n == 0 { break }  // the file shrank while we read it
                done += n
            }
            initialized = done
        }
        if let failure { return .failure(failure) }
        // A file that grew since fstat (or a pipe-like file reporting size 0): read the rest.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress!, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return .failure(.cannotRead(errnoText())) }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return .success(bytes)
    }

    enum ReadFailure: Error {
        case cannotOpen(String)
        case cannotRead(String)
        case isDirectory
    }

    /// The names in a folder (without `.` and `..`), or the reason they cannot be listed.
    static func listDirectory(_ path: String) -> Result<[String], ReadFailure> {
        guard let dir = opendir(path) else { return .failure(.cannotOpen(errnoText())) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names)
    }

    /// The last path component.
    static func baseName(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        if let slash = p.lastIndex(of: "/"), p.count > 1 { return String(p[p.index(after: slash)...]) }
        return String(p)
    }

    /// The folder part of a path (`.` when there is none).
    static func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// `a/b` joined, without doubling the slash.
    static func join(_ dir: String, _ name: String) -> String {
        dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }
}

/// POSIX `write`, under a name that no `write` method shadows.
@inline(__always)
func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    write(fd, p, n)
}

@inline(__always)
private func posixRead(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int {
    read(fd, p, n)
}
