// PLACEHOLDER: the CSV helper replaces this file. API contract only.

/// Where and why a CSV file could not be read.
public struct CSVError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }
    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// Options for reading a CSV file.
public struct CSVReadOptions: Sendable {
    /// Column name → type, overriding inference.
    public var typeOverrides: [String: DataType] = [:]
    public init(typeOverrides: [String: DataType] = [:]) { self.typeOverrides = typeOverrides }
}

public enum CSVReader {
    /// Reads a CSV file into a table.
    public static func read(path: String, options: CSVReadOptions = .init()) throws(CSVError) -> Table {
        throw CSVError(file: path, line: 0, column: 0, message: "not implemented")
    }
    /// Reads CSV bytes; `sourceName` is used in errors.
    public static func read(bytes: [UInt8], sourceName: String, options: CSVReadOptions = .init()) throws(CSVError) -> Table {
        throw CSVError(file: sourceName, line: 0, column: 0, message: "not implemented")
    }
}
