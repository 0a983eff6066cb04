import Testing
import RealizeQuery
@testable import RealizeShell

/// `.help functions` is generated from the query layer's catalog.
@Suite struct HelpFunctionsTests {
    @Test func listsEveryFunctionWithItsSignatureAndHelp() throws {
        let text = try #require(HelpText.topic("functions"))
        let lines = text.split(separator: "\n").map(String.init)
        for e in FunctionCatalog.entries {
            let line = lines.first { $0.hasPrefix("  " + e.signature + " ") }
            #expect(line?.hasSuffix(e.help) == true, "no line for \(e.signature)")
        }
        for kind in FunctionCatalog.Kind.allCases { #expect(lines.contains(kind.rawValue + ":")) }
        #expect(HelpText.topic(".functions") == text)
        #expect(HelpText.topics.contains("functions"))
    }
}
