import Testing
@testable import RealizeReport

@Test func reportModuleLinks() {
    #expect(String(describing: Report.self) == "Report")
}
