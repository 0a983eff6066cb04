import Testing
@testable import RealizeQuery

@Test func placeholder() { #expect(Bool(true)) }
