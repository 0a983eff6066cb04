import Testing
@testable import RealizeShell

@Test func placeholder() { #expect(Bool(true)) }
