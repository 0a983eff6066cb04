import FuzzSupport
import RealizeStore

/// libFuzzer entry point: the input is an Arrow IPC file, or (first byte `{`) a workspace manifest.
///
/// Reading either gives a table that passes its invariant check and survives writing and reading
/// again unchanged in shape, or throws an ``ArrowError`` with a message naming the file; it never
/// traps or reads outside the input. A manifest either decodes or throws with a message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArrow(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, count)
    if bytes.first == UInt8(ascii: "{") {
        do {
            _ = try WorkspaceManifest.decode(bytes, path: "manifest.json")
        } catch {
            if error.message.isEmpty || error.path != "manifest.json" { FuzzCheck.fail("a manifest error without a message or path: \(error)") }
        }
        return 0
    }
    let table: Table
    do {
        table = try ArrowFile.read(MappedFile(copying: bytes, path: "fuzz.arrow")).table()
    } catch {
        if error.message.isEmpty || error.path != "fuzz.arrow" { FuzzCheck.fail("an Arrow error without a message or path: \(error)") }
        return 0
    }
    FuzzCheck.expectNil(table.invariantViolation(), "table read from the input")
    do {
        let again = try ArrowFileWriter.encode(table)
        let back = try again.withUnsafeBytes { raw throws(ArrowError) in try ArrowFile.read(MappedFile(copying: raw, path: "again.arrow")).table() }
        if back.rowCount != table.rowCount || back.columnNames != table.columnNames || back.columns.map(\.type) != table.columns.map(\.type) {
            FuzzCheck.fail("written and read again: \(back.rowCount) rows \(back.columnNames), first read: \(table.rowCount) rows \(table.columnNames)")
        }
    } catch {
        FuzzCheck.fail("a table read from the input does not write and read again: \(error)")
    }
    return 0
}
