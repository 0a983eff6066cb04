import FuzzSupport
import RealizeStore

#if canImport(Glibc)
    import Glibc
#endif

/// Where each input is written: the reader opens workbooks by path, as `.load` does.
private let workbookPath = "/tmp/realize-fuzz-xlsx-\(getpid()).xlsx"

/// libFuzzer entry point: the input is an .xlsx file (a zip package of XML parts).
///
/// Reading it either gives sheets whose tables pass their invariant check, or throws a ``CSVError`` with a
/// message; it never traps, whatever the zip directory, the XML or the cell values say. The seed corpus holds
/// the test fixtures, also re-packed with stored (uncompressed) entries so that mutations reach the XML.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, count)
    guard let file = fopen(workbookPath, "wb") else { FuzzCheck.fail("cannot write \(workbookPath)") }
    if count > 0, let base = bytes.baseAddress { _ = fwrite(base, 1, count, file) }
    fclose(file)
    do {
        let sheets = try XLSXReader.read(path: workbookPath)
        for sheet in sheets {
            FuzzCheck.expectNil(sheet.table.invariantViolation(), "sheet \(sheet.sheetName)")
        }
    } catch {
        if error.message.isEmpty { FuzzCheck.fail("an XLSX error without a message: \(error.code)") }
    }
    return 0
}
