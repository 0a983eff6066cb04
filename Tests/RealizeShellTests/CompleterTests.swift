import RealizeAnalytics
import RealizeQuery
import RealizeStore
import Testing
@testable import RealizeShell

@Suite struct CompleterTests {
    var completer: Completer {
        var catalog = Catalog()
        catalog.set("projects", Table(columns: [Column(name: "budget", type: .int, values: [.int(1)])]))
        catalog.set("financials", Table(columns: [Column(name: "actual_cost", type: .int, values: [.int(1)])]))
        return Completer(session: QuerySession(catalog: catalog))
    }

    @Test func dotCommandsAtTheStart() {
        #expect(completer.complete(word: ".sch", line: ".sch", cursor: 4) == .words([".schema"]))
        #expect(completer.complete(word: ".", line: ".", cursor: 1) == .words(DotCommandSpec.all.map { "." + $0.name }))
    }

    @Test func tableNamesAfterSchemaAndSummarize() {
        #expect(completer.complete(word: "pro", line: ".schema pro", cursor: 11) == .words(["projects"]))
        #expect(completer.complete(word: "f", line: ".summarize f", cursor: 12) == .words(["financials"]))
    }

    @Test func fileNamesForLoad() {
        #expect(completer.complete(word: "da", line: ".load da", cursor: 8) == .fileNames)
        #expect(completer.complete(word: "a", line: ".load x.csv a", cursor: 13) == .words(["as"]))
    }

    @Test func tableNamesAtStatementStart() {
        guard case .words(let w) = completer.complete(word: "pr", line: "pr", cursor: 2) else { Issue.record("no words"); return }
        #expect(w.contains("projects"))
    }

    /// Needs the query engine's completions: verbs after `|`, columns inside a stage.
    @Test(.tags(.queryEngine)) func delegatesToTheQuerySession() {
        guard case .words(let verbs) = completer.complete(word: "wh", line: "projects | wh", cursor: 13) else { Issue.record("no words"); return }
        #expect(verbs.contains("where"))
        var c = completer
        c.pendingText = "projects |"
        guard case .words(let columns) = c.complete(word: "bud", line: "  where bud", cursor: 11) else { Issue.record("no words"); return }
        #expect(columns == ["budget"])
    }
}

@Suite struct DomainCommandCompletionTests {
    /// A session with the domain commands registered, as the shell makes it.
    static var session: QuerySession {
        var s = QuerySession(catalog: Catalog())
        DomainCommands.install(into: &s)
        return s
    }

    @Test func domainCommandsAreOfferedAtTheStart() {
        let c = Completer(session: Self.session)
        guard case .words(let w) = c.complete(word: "ev", line: "ev", cursor: 2) else { Issue.record("no words"); return }
        #expect(w.contains("evm"))
    }

    @Test func argumentsOfADomainCommandComeFromItsDeclaration() {
        let c = Completer(session: Self.session)
        guard case .words(let w) = c.complete(word: "pro", line: "evm by pro", cursor: 10) else { Issue.record("no words"); return }
        #expect(w.contains("program"))
        #expect(w.contains("project"))
        guard case .words(let q) = c.complete(word: "qu", line: "nps by program qu", cursor: 17) else { Issue.record("no words"); return }
        #expect(q == ["quarterly"])
    }
}

@Suite struct HabitsCompletionTests {
    var completer: Completer {
        var catalog = Catalog()
        catalog.set("projects", Table(columns: [Column(name: "budget", type: .int, values: [.int(1)])]))
        var session = QuerySession(catalog: catalog)
        session.parameters = ["period": .int(1)]
        return Completer(session: session)
    }

    @Test func newCommandsCompleteTheirArguments() {
        #expect(completer.complete(word: "pro", line: ".drop pro", cursor: 9) == .words(["projects"]))
        #expect(completer.complete(word: "pro", line: ".rename pro", cursor: 11) == .words(["projects"]))
        #expect(completer.complete(word: "s", line: ".param s", cursor: 8) == .words(["set"]))
        #expect(completer.complete(word: "pe", line: ".param unset pe", cursor: 15) == .words(["period"]))
        #expect(completer.complete(word: "o", line: ".headers o", cursor: 10) == .words(["on", "off"]))
        #expect(completer.complete(word: "l", line: ".mode l", cursor: 7) == .words(["line"]))
        for command in ["read", "output", "once", "cd"] {
            #expect(completer.complete(word: "x", line: ".\(command) x", cursor: command.count + 3) == .fileNames)
        }
    }

    /// Every dot command is in `.help`, in Tab completion and in the README's table.
    @Test func everyDotCommandIsDiscoverable() throws {
        let readme = try String(
            contentsOfFile: #filePath.split(separator: "/").dropLast(3).joined(separator: "/").prepending("/") + "/README.md", encoding: .utf8)
        let completions = completer.complete(word: ".", line: ".", cursor: 1)
        for spec in DotCommandSpec.all {
            #expect(HelpText.overview.contains(spec.usage), "`.help` lacks .\(spec.name)")
            #expect(completions == .words(DotCommandSpec.all.map { "." + $0.name }))
            #expect(readme.contains("| `.\(spec.name)"), "the README's table lacks .\(spec.name)")
        }
    }
}

extension String {
    fileprivate func prepending(_ prefix: String) -> String { prefix + self }
}
