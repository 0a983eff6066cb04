#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sizes and modification times of data files, to tell whether a cached workspace is still current.
public enum SourceFile {
    /// The file's size and modification time now; nil when it cannot be read.
    public static func status(_ path: String) -> WorkspaceManifest.Source? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        let ns = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        return WorkspaceManifest.Source(path: path, size: Int64(st.st_size), modified: ns)
    }

    /// The CSV files a `--data` path loads, by table name: the file itself, or the `*.csv` of a folder.
    /// Workbooks are left out (they give a table per sheet).
    public static func csvFiles(for path: String) -> [String: String] {
        switch FileSystem.kind(of: path) {
        case .file where path.lowercased().hasSuffix(".csv"): return [PortfolioLoader.tableName(forFile: path): path]
        case .directory:
            guard case .success(let names) = FileSystem.listDirectory(path) else { return [:] }
            var out: [String: String] = [:]
            for n in names where n.lowercased().hasSuffix(".csv") && !n.hasPrefix(".") {
                out[PortfolioLoader.tableName(forFile: n)] = FileSystem.join(path, n)
            }
            return out
        default: return [:]
        }
    }

    /// Every file a `--data` path loads (CSV and workbooks), with size and time, sorted by path.
    public static func inputs(of path: String) -> [WorkspaceManifest.Source] {
        switch FileSystem.kind(of: path) {
        case .file: return status(path).map { [$0] } ?? []
        case .directory:
            guard case .success(let names) = FileSystem.listDirectory(path) else { return [] }
            return names.filter { ($0.lowercased().hasSuffix(".csv") || PortfolioLoader.isWorkbook($0)) && !$0.hasPrefix(".") && !$0.hasPrefix("~$") }
                .sorted().compactMap { status(FileSystem.join(path, $0)) }
        default: return []
        }
    }
}
