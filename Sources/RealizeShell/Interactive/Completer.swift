import RealizeAnalytics
import RealizeQuery
import RealizeReport

/// Decides what TAB offers: dot commands at the start of a line, table names after `.schema`,
/// `.summarize`, `.drop` and `.rename`, file names after `.read`, `.output` and the like, otherwise what the query session suggests (plus table names at the start).
///
/// A value snapshot of the session, so that the readline callback can use it without reaching
/// into the shell.
package struct Completer: Sendable {
    /// What to complete with.
    package enum Result: Equatable, Sendable {
        /// These words (already filtered by the prefix being completed).
        case words([String])
        /// Readline's own file-name completion (for `.load` and `.export`).
        case fileNames
    }

    package var session: QuerySession
    /// Earlier lines of an unfinished statement.
    package var pendingText: String

    package init(session: QuerySession, pendingText: String = "") {
        self.session = session
        self.pendingText = pendingText
    }

    /// Candidates for `word`, which ends at the UTF-8 offset `cursor` of `line`.
    package func complete(word: String, line: String, cursor: Int) -> Result {
        let cursor = min(max(cursor, 0), line.utf8.count)
        let wordStart = max(0, cursor - word.utf8.count)
        let head = String(decoding: line.utf8.prefix(wordStart), as: UTF8.self)
        let headWords = head.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let tableNames = session.catalog.sortedNames

        if pendingText.isEmpty {
            if headWords.isEmpty && word.hasPrefix(".") {
                return .words(filter(DotCommandSpec.all.map { "." + $0.name }, by: word))
            }
            if let command = headWords.first, command.hasPrefix(".") {
                let argument = headWords.count - 1
                switch command.dropFirst() {
                case "schema", "summarize": return .words(argument == 0 ? filter(tableNames + ["_"], by: word) : [])
                case "help": return .words(argument == 0 ? filter(HelpText.topics, by: word) : [])
                case "mode": return .words(argument == 0 ? filter(OutputFormat.allCases.map(\.rawValue), by: word) : [])
                case "timer", "headers": return .words(argument == 0 ? filter(["on", "off"], by: word) : [])
                case "drop": return .words(filter(tableNames, by: word))
                case "rename": return .words(argument == 0 ? filter(tableNames, by: word) : [])
                case "param":
                    if argument == 0 { return .words(filter(["set", "list", "unset", "clear"], by: word)) }
                    let names = session.parameters.keys.sorted()
                    return .words(argument == 1 && headWords.count > 1 && headWords[1] != "list" ? filter(names, by: word) : [])
                case "read", "output", "once", "cd", "shell", "system": return .fileNames
                case "set": return .words(argument == 0 ? filter(session.settings.registry.settingNames, by: word) : [])
                case "measures": return .words(argument == 0 ? filter(FinancialMeasures.all.map(\.name), by: word) : [])
                case "load": return argument == 1 ? .words(filter(["as"], by: word)) : (argument == 0 ? .fileNames : .words([]))
                case "export": return word.hasPrefix("-") ? .words(filter(["--bom", "--no-neutralise"], by: word)) : .fileNames
                default: return .words([])
                }
            }
        }

        // Queries: the session completes from the lexer's tokens (sources, command arguments, verbs, columns).
        let prefix = pendingText.isEmpty ? "" : pendingText + "\n"
        return .words(session.completions(source: prefix + line, cursor: prefix.utf8.count + cursor))
    }

    /// The candidates starting with `prefix`, without duplicates, in their first order.
    private func filter(_ candidates: [String], by prefix: String) -> [String] {
        var seen = Set<String>()
        return candidates.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }
    }
}
