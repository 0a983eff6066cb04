import RealizeStore

/// Writes a result as CSV: exactly what `.export` writes, because it is the same writer.
///
/// There is one CSV writer in the project, ``CSVWriter`` in RealizeStore; this only turns its
/// bytes into text. Values are raw (ISO dates, exact decimals, no thousands separators), a null
/// is an empty field and an empty text `""`.
enum CSVRenderer {
    /// The CSV text of `table`, written with `options` (the writer's defaults unless told).
    static func render(_ table: Table, options: CSVWriteOptions = .init()) -> String {
        CSVWriter.string(of: table, options: options)
    }
}
