#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Workspace {
    /// A workspace opened: its manifest and its tables, each built from its mapped file on first use.
    public struct Opened: Sendable {
        public var manifest: WorkspaceManifest
        public var tables: [(name: String, table: LazyTable)]
    }

    /// Opens the workspace at `path`: reads the manifest, maps every table file and checks its
    /// metadata (the values are copied when a query first touches the table).
    ///
    /// - Throws: ``ArrowError`` naming the file that is missing, truncated, corrupt or foreign, or
    ///   disagreeing with the manifest.
    /// - Complexity: O(tables + columns); independent of the number of rows.
    public static func open(_ path: String) throws(ArrowError) -> Opened {
        guard FileSystem.kind(of: path) == .directory else {
            throw ArrowError(path: path, FileSystem.kind(of: path) == nil ? "no such workspace folder" : "is a file, not a workspace folder")
        }
        let manifestPath = FileSystem.join(path, manifestName)
        guard FileSystem.kind(of: manifestPath) == .file else {
            throw ArrowError(path: path, "is not a workspace: it holds no \(manifestName)")
        }
        let mapped = try MappedFile.map(manifestPath)
        let manifest = try WorkspaceManifest.decode(mapped.bytes, path: manifestPath)
        var tables: [(name: String, table: LazyTable)] = []
        for entry in manifest.tables {
            let filePath = FileSystem.join(path, entry.file)
            let file = try ArrowFile.open(filePath)
            guard file.rowCount == entry.rows, file.fields.count == entry.columns else {
                throw ArrowError(
                    path: filePath,
                    "holds \(file.rowCount) rows and \(file.fields.count) columns, but the manifest says \(entry.rows) and \(entry.columns)")
            }
            tables.append((entry.name, lazyTable(file, name: entry.name)))
        }
        return Opened(manifest: manifest, tables: tables)
    }

    /// A table built from `file` on first use. Values that turn out bad then (the metadata was checked
    /// already) make the table unreadable: a query that reads it fails, naming the file and what was wrong.
    static func lazyTable(_ file: ArrowFile, name: String) -> LazyTable {
        LazyTable(rowCount: file.rowCount, columnNames: file.columnNames) {
            do throws(ArrowError) {
                return .success(try file.table())
            } catch {
                return .failure(LazyTable.Failure(error.description))
            }
        }
    }
}
