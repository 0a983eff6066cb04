import Testing
@testable import RealizeAnalytics

@Test func registryIsConsistent() {
    #expect(Set(DomainCommands.names).count == DomainCommands.names.count)
}
