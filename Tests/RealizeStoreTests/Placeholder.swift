import Testing
@testable import RealizeStore

@Test func placeholder() { #expect(Bool(true)) }
