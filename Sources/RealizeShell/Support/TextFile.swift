#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole file as UTF-8 text.
package enum TextFile {
    /// The file's text, or the reason it could not be read (from `errno`).
    package static func read(_ path: String) -> Result<String, ShellError> {
        guard let file = fopen(path, "rb") else {
            return .failure(ShellError("io", "cannot read `\(path)`: \(String(cString: strerror(errno)))"))
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count {
                if ferror(file) != 0 {
                    return .failure(ShellError("io", "cannot read `\(path)`: \(String(cString: strerror(errno)))"))
                }
                break
            }
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return .success(String(decoding: bytes, as: UTF8.self))
    }
}
