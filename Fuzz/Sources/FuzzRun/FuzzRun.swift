import FuzzSupport
import RealizeQuery
import RealizeStore

/// libFuzzer entry point: the input is a script of statements separated by `;`, run in order in one session
/// over a small catalog (so `let` tables and `_` carry from one statement to the next).
///
/// Every table a statement produces must pass its invariant check; a failed statement must be a
/// ``QueryError`` with a diagnostic and leave the session as it was. At most 8 statements run.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRun(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = FuzzCheck.text(FuzzDriver.bytes(data, count))
    var session = FuzzCatalogs.small
    let utf8 = Array(text.utf8)
    var start = 0
    for end in (StatementText.separatorOffsets(in: text) + [utf8.count]).prefix(8) {
        let statement = String(decoding: utf8[start..<end], as: UTF8.self)
        start = min(end + 1, utf8.count)
        if StatementText.isBlank(statement) { continue }
        let names = session.catalog.names
        do {
            switch try session.run(statement) {
            case .table(let t), .defined(_, let t), .chart(_, let t, _):
                FuzzCheck.expectNil(t.invariantViolation(), "result of `\(statement)`")
            case .plan: break
            }
        } catch {
            if error.diagnostics.isEmpty { FuzzCheck.fail("`\(statement)` failed without a diagnostic") }
            if session.catalog.names != names { FuzzCheck.fail("`\(statement)` failed but changed the catalog") }
        }
    }
    return 0
}
