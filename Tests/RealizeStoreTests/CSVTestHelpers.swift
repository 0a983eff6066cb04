import RealizeStore

/// Reads CSV text, for tests.
func readCSV(_ text: String, overrides: [String: DataType] = [:]) throws(CSVError) -> Table {
    try CSVReader.read(bytes: Array(text.utf8), sourceName: "test.csv", options: CSVReadOptions(typeOverrides: overrides))
}

/// The error reading `text` gives, or nil.
func csvError(_ text: String, overrides: [String: DataType] = [:]) -> CSVError? {
    do {
        _ = try readCSV(text, overrides: overrides)
        return nil
    } catch {
        return error
    }
}

extension Table {
    /// Column `name`'s values, boxed.
    func values(_ name: String) -> [Value] {
        guard let column = column(named: name) else { return [] }
        return (0..<rowCount).map { column.value(at: $0) }
    }

    /// Column `name`'s type.
    func type(_ name: String) -> DataType? { column(named: name)?.type }
}
