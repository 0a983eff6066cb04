import FuzzSupport
import RealizeQuery

/// libFuzzer entry point: the input is a pipeline, checked and planned on the sample portfolio.
///
/// Runs `explain` followed by the input, so the binder, the checker, the planner, the optimizer's rules and the
/// plan printer see it, but nothing is executed (except the stages before a `pivot`, whose columns come
/// from the data). Nothing may trap; a rejected statement is a ``QueryError`` with a diagnostic.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlan(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = FuzzCheck.text(FuzzDriver.bytes(data, count))
    var session = FuzzCatalogs.sample
    do {
        guard case .plan = try session.run("explain " + text) else { FuzzCheck.fail("explain did not give a plan") }
    } catch {
        if error.diagnostics.isEmpty { FuzzCheck.fail("a rejected statement without a diagnostic") }
    }
    return 0
}
