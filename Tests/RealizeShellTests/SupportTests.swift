import RealizeQuery
import Testing
@testable import RealizeShell

@Suite struct SupportTests {
    @Test func historyPathFollowsTheEnvironment() {
        #expect(HistoryFile.path(environment: ["REALIZE_HISTORY": "/x/h", "HOME": "/home/a"]) == "/x/h")
        #expect(HistoryFile.path(environment: ["XDG_STATE_HOME": "/s", "HOME": "/home/a"]) == "/s/realize/history")
        #expect(HistoryFile.path(environment: ["HOME": "/home/a"]) == "/home/a/.local/state/realize/history")
        #expect(HistoryFile.path(environment: [:]) == nil)
    }

    @Test func suggestions() {
        #expect(Suggest.nearest("hlep", in: ["help", "tables"]) == "help")
        #expect(Suggest.nearest("tabels", in: ["help", "tables"]) == "tables")
        #expect(Suggest.nearest("zzz", in: ["help", "tables"]) == nil)
    }

    @Test func dotCommandWordsAndQuotes() throws {
        let c = try DotCommand(parsing: ".load \"my data/x.csv\" as x")
        #expect(c.name == "load")
        #expect(c.arguments == ["my data/x.csv", "as", "x"])
        #expect(throws: ShellError.self) { try DotCommand(parsing: ".load \"open") }
    }

    @Test func secondsHaveFourDecimals() {
        #expect(ShellSession.seconds(.milliseconds(12.3)) == "0.0123")
        #expect(ShellSession.seconds(.seconds(2)) == "2.0000")
    }

    @Test func everyDotCommandHasHelp() {
        for spec in DotCommandSpec.all { #expect(HelpText.topic(spec.name) != nil) }
        #expect(HelpText.topic("query") != nil)
        #expect(HelpText.topic("where") != nil)
    }
}
