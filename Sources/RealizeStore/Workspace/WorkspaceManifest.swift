import Foundation

/// `manifest.json` of a workspace: what the folder holds and how to restore the session.
public struct WorkspaceManifest: Codable, Sendable, Equatable {
    /// A file a table was loaded from, as it was when the workspace was saved.
    public struct Source: Codable, Sendable, Equatable {
        public var path: String
        public var size: Int64
        /// Modification time, in nanoseconds since 1970.
        public var modified: Int64

        public init(path: String, size: Int64, modified: Int64) {
            self.path = path
            self.size = size
            self.modified = modified
        }
    }

    /// One table: its file in the folder, shape, whether `let` made it, and its source file.
    public struct Entry: Codable, Sendable, Equatable {
        public var name: String
        public var file: String
        public var rows: Int
        public var columns: Int
        public var isLet: Bool
        public var source: Source?

        public init(name: String, file: String, rows: Int, columns: Int, isLet: Bool, source: Source? = nil) {
            self.name = name
            self.file = file
            self.rows = rows
            self.columns = columns
            self.isLet = isLet
            self.source = source
        }
    }

    /// A named value, for settings (`.set`) and parameters (`.param`, with their type).
    public struct Setting: Codable, Sendable, Equatable {
        public var name: String
        public var value: String
        public var type: String?

        public init(name: String, value: String, type: String? = nil) {
            self.name = name
            self.value = value
            self.type = type
        }
    }

    /// Always `realize-workspace`.
    public var format = "realize-workspace"
    /// The format's version; a newer one is refused.
    public var version = 1
    /// When it was saved, `2026-11-30T22:40:00Z`.
    public var saved: String
    public var tables: [Entry]
    public var settings: [Setting]
    public var parameters: [Setting]
    /// The `--data` paths a cached workspace was loaded from (absolute); empty otherwise.
    public var data: [String]
    /// Every file the `--data` paths held when a cached workspace was saved, to tell whether it is current.
    public var inputs: [Source]?

    public static let currentVersion = 1

    public init(saved: String, tables: [Entry], settings: [Setting] = [], parameters: [Setting] = [], data: [String] = []) {
        self.saved = saved
        self.tables = tables
        self.settings = settings
        self.parameters = parameters
        self.data = data
    }

    /// The manifest as indented JSON.
    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(self)) ?? Data()) + [10]
    }

    /// Reads a manifest.
    ///
    /// - Throws: ``ArrowError`` when it is not JSON of this shape, or of a newer version.
    public static func decode(_ bytes: UnsafeRawBufferPointer, path: String) throws(ArrowError) -> WorkspaceManifest {
        let manifest: WorkspaceManifest
        do {
            manifest = try JSONDecoder().decode(WorkspaceManifest.self, from: Data(bytes))
        } catch {
            throw ArrowError(path: path, "is not a workspace manifest: \(Self.reason(error))")
        }
        guard manifest.format == "realize-workspace" else { throw ArrowError(path: path, "is not a workspace manifest (format `\(manifest.format)`)") }
        guard manifest.version <= currentVersion else {
            throw ArrowError(path: path, "was written by a newer Realize (workspace version \(manifest.version); this one reads \(currentVersion))")
        }
        for t in manifest.tables {
            guard !t.file.contains("/"), t.file != "..", t.file.hasSuffix(".arrow") else {
                throw ArrowError(path: path, "names the table file `\(t.file)`, which is not an .arrow file inside the workspace")
            }
        }
        return manifest
    }

    private static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "the key `\(key.stringValue)` is missing"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            "wrong value at `\(c.codingPath.map(\.stringValue).joined(separator: "."))`"
        case DecodingError.dataCorrupted: "it is not valid JSON"
        default: "it cannot be read"
        }
    }
}
