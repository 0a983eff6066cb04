import RealizeAnalytics
import RealizeQuery
import RealizeReport

/// Decides what TAB offers: dot commands at the start of a line, table names after `.schema`
/// and `.summarize`, otherwise what the query session suggests (plus table names at the start).
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
                case "timer": return .words(argument == 0 ? filter(["on", "off"], by: word) : [])
                case "set": return .words(argument == 0 ? filter(["fiscal_year_start", "today"] + AnalyticsSettings.all.map(\.name), by: word) : [])
                case "measures": return .words(argument == 0 ? filter(FinancialMeasures.all.map(\.name), by: word) : [])
                case "load": return argument == 1 ? .words(filter(["as"], by: word)) : (argument == 0 ? .fileNames : .words([]))
                case "export": return word.hasPrefix("-") ? .words(filter(["--bom", "--no-neutralise"], by: word)) : .fileNames
                default: return .words([])
                }
            }
        }

        let prefix = pendingText.isEmpty ? "" : pendingText + "\n"
        let source = prefix + line
        var words = session.completions(source: source, cursor: prefix.utf8.count + cursor)
        let atStatementStart = (prefix + head).allSatisfy(\.isWhitespace)
        if atStatementStart { words += tableNames + DomainCommands.names + ["let"] }
        // Inside a domain command's arguments (before any `|`): the words of its usage line.
        let statementWords = (prefix + head).split(whereSeparator: { $0.isWhitespace }).map(String.init)
        if let first = statementWords.first, !(prefix + head).contains("|"),
            let command = DomainCommands.all.first(where: { $0.name == first.lowercased() })
        {
            words = Self.usageWords(command.usage)
        }
        return .words(filter(words, by: word))
    }

    /// The lower-case words of a command's usage line (`evm [by project|program] [as of YYYY-MM]` → by, project,
    /// program, as, of), offered while its arguments are typed.
    static func usageWords(_ usage: String) -> [String] {
        let line = usage.split(separator: "\n").first.map(String.init) ?? usage
        let words = line.split(whereSeparator: { !($0.isLetter || $0 == "_") }).map(String.init)
        return Array(words.dropFirst().filter { $0 == $0.lowercased() && $0.count > 1 })
    }

    /// The candidates starting with `prefix`, without duplicates, in their first order.
    private func filter(_ candidates: [String], by prefix: String) -> [String] {
        var seen = Set<String>()
        return candidates.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }
    }
}
