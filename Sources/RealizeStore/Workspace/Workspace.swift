import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A saved session: a folder with one Arrow IPC file per table (`<name>.arrow`) and `manifest.json`
/// (tables with row counts and which are `let` results, settings, parameters, source files).
///
/// Saving is all or nothing: the files go to a hidden folder beside the target, which then takes
/// the target's place; a failed save leaves an earlier workspace at the path as it was.
public enum Workspace {
    /// The manifest's file name inside a workspace.
    public static let manifestName = "manifest.json"

    /// One table to save.
    public struct Item: Sendable {
        public var name: String
        public var table: Table
        public var isLet: Bool
        public var source: WorkspaceManifest.Source?

        public init(name: String, table: Table, isLet: Bool = false, source: WorkspaceManifest.Source? = nil) {
            self.name = name
            self.table = table
            self.isLet = isLet
            self.source = source
        }
    }

    /// Whether `path` is a folder holding a workspace manifest.
    /// (Another program's `manifest.json` does not make a workspace: `.save` never replaces such a folder.)
    public static func isWorkspace(_ path: String) -> Bool {
        let manifest = FileSystem.join(path, manifestName)
        guard FileSystem.kind(of: path) == .directory, FileSystem.kind(of: manifest) == .file, let mapped = try? MappedFile.map(manifest) else {
            return false
        }
        return (try? WorkspaceManifest.decode(mapped.bytes, path: manifest)) != nil
    }

    /// Saves `items` with the settings and parameters as a workspace at `path`.
    ///
    /// Each table's Arrow file is streamed to disk from the columns (see ``ArrowFileWriter/write(_:to:shouldStop:)``),
    /// so saving needs little memory beyond the tables themselves.
    ///
    /// - Parameters:
    ///   - data: the `--data` paths, for a cache entry.
    ///   - shouldStop: polled while writing; when it says so, the save is abandoned and nothing at `path` changes.
    /// - Returns: the manifest written.
    /// - Throws: ``ArrowError`` naming the path: its folder is missing, it is a file or a folder that is
    ///   not a workspace, or a write failed (then nothing at `path` changed).
    @discardableResult
    public static func save(
        _ items: [Item], settings: [WorkspaceManifest.Setting], parameters: [WorkspaceManifest.Setting], data: [String] = [],
        inputs: [WorkspaceManifest.Source]? = nil, to requested: String, shouldStop: () -> Bool = { false }
    ) throws(ArrowError) -> WorkspaceManifest {
        var path = requested
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        switch FileSystem.kind(of: path) {
        case .file: throw ArrowError(path: requested, "is a file, not a workspace folder")
        case .directory:
            guard isWorkspace(path) || (try? FileManager.default.contentsOfDirectory(atPath: path).isEmpty) == true else {
                throw ArrowError(path: requested, "is a folder that holds no workspace; Realize replaces only a workspace or an empty folder")
            }
        case nil: break
        }
        let parent = FileSystem.directoryName(path)
        guard FileSystem.kind(of: parent) == .directory else { throw ArrowError(path: requested, "cannot be written: the folder `\(parent)` does not exist") }
        let temp = FileSystem.join(parent, ".\(FileSystem.baseName(path)).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard mkdir(temp, 0o777) == 0 else { throw ArrowError(path: requested, "cannot create a folder in `\(parent)`: \(FileSystem.errnoText())") }
        var entries: [WorkspaceManifest.Entry] = []
        do throws(ArrowError) {
            for item in items {
                let file = item.name + ".arrow"
                try ArrowFileWriter.write(item.table, to: FileSystem.join(temp, file), shouldStop: shouldStop)
                entries.append(
                    .init(name: item.name, file: file, rows: item.table.rowCount, columns: item.table.columns.count, isLet: item.isLet, source: item.source))
            }
            var manifest = WorkspaceManifest(saved: timestamp(), tables: entries, settings: settings, parameters: parameters, data: data)
            manifest.inputs = inputs
            do throws(AtomicFileError) {
                try AtomicFile.write(manifest.encoded(), to: FileSystem.join(temp, manifestName), shouldStop: shouldStop)
            } catch {
                throw ArrowError(path: requested, error.message)
            }
            try replace(path, with: temp, requested: requested)
            return manifest
        } catch {
            removeFolder(temp)
            throw error.at(requested)
        }
    }

    /// Puts the folder `temp` at `path`, moving an earlier workspace there aside first and removing it after.
    static func replace(_ path: String, with temp: String, requested: String) throws(ArrowError) {
        var old: String? = nil
        if FileSystem.kind(of: path) != nil {
            let aside = temp + ".old"
            guard rename(path, aside) == 0 else { throw ArrowError(path: requested, "cannot replace the workspace: \(FileSystem.errnoText())") }
            old = aside
        }
        guard rename(temp, path) == 0 else {
            let why = FileSystem.errnoText()
            if let old { rename(old, path) }
            throw ArrowError(path: requested, "cannot put the workspace in place: \(why)")
        }
        if let old { removeFolder(old) }
        syncFolder(FileSystem.directoryName(path))
    }

    /// Removes a folder of plain files (a workspace or its temporary copy).
    static func removeFolder(_ path: String) {
        if case .success(let names) = FileSystem.listDirectory(path) {
            for n in names { unlink(FileSystem.join(path, n)) }
        }
        rmdir(path)
    }

    /// Now, as `2026-11-30T22:40:00Z`.
    static func timestamp() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }
}

/// Flushes a folder's entries to disk (makes a rename durable); best effort.
private func syncFolder(_ path: String) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd >= 0 {
        fsync(fd)
        close(fd)
    }
}
