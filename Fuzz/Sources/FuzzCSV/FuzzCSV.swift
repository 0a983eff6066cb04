import FuzzSupport
import RealizeStore

/// libFuzzer entry point: the input is a CSV file.
///
/// Reading it either gives a table that passes its invariant check, or throws a ``CSVError`` with a
/// message and a position inside the file; it never traps. A table that reads is read again with every
/// column forced to text, which must also succeed with the same shape.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(FuzzDriver.bytes(data, count))
    let table: Table
    do {
        table = try CSVReader.read(bytes: bytes, sourceName: "fuzz.csv")
    } catch {
        if error.message.isEmpty { FuzzCheck.fail("a CSV error without a message: \(error.code)") }
        if error.line < 0 || error.column < 0 { FuzzCheck.fail("a CSV error at a negative position: \(error)") }
        return 0
    }
    FuzzCheck.expectNil(table.invariantViolation(), "table read from the input")
    var options = CSVReadOptions()
    for name in table.columnNames { options.typeOverrides[name] = .text }
    do {
        let text = try CSVReader.read(bytes: bytes, sourceName: "fuzz.csv", options: options)
        FuzzCheck.expectNil(text.invariantViolation(), "table read as text")
        if text.rowCount != table.rowCount || text.columnNames != table.columnNames {
            FuzzCheck.fail("read as text: \(text.rowCount) rows \(text.columnNames), inferred: \(table.rowCount) rows \(table.columnNames)")
        }
    } catch {
        FuzzCheck.fail("reads with inferred types but not as text: \(error)")
    }
    return 0
}
