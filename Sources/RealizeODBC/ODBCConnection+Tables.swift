import CODBC
import RealizeStore

extension ODBCConnection {
    /// A base table the connection can see.
    public struct TableName: Sendable, Hashable {
        /// The schema (nil for databases without schemas, such as SQLite).
        public var schema: String?
        public var name: String

        public init(schema: String?, name: String) {
            self.schema = schema
            self.name = name
        }

        /// The quoted SQL name: `"schema"."name"`.
        public var quoted: String {
            let q = { (s: String) in "\"" + s.replacingAll("\"", with: "\"\"") + "\"" }
            return (schema.map { q($0) + "." } ?? "") + q(name)
        }
    }

    /// The system schemas left out of ``tables()``.
    static let systemSchemas: Set<String> = ["information_schema", "pg_catalog", "sys", "INFORMATION_SCHEMA"]

    /// The base tables of the database (SQLTables), system schemas left out, in the driver's order.
    ///
    /// - Throws: ``ODBCError`` `query` when the driver cannot list them.
    public func tables() throws(ODBCError) -> [TableName] {
        let (listing, _) = try fetch { realize_odbc_tables($0) }
        guard listing.columns.count >= 3 else { return [] }
        let schemas = listing.columns[1]
        let names = listing.columns[2]
        return (0..<listing.rowCount).compactMap { r -> TableName? in
            guard case .text(let name) = names.value(at: r) else { return nil }
            let schema: String? = if case .text(let s) = schemas.value(at: r), !s.isEmpty { s } else { nil }
            if let schema, Self.systemSchemas.contains(schema) { return nil }
            return TableName(schema: schema, name: name)
        }
    }
}
