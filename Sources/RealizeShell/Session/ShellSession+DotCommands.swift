import RealizeAnalytics
import RealizeQuery
import RealizeReport
import RealizeStore

extension ShellSession {
    /// Runs one dot-command line.
    ///
    /// - Throws: ``ShellError`` for an unknown command, wrong usage, or a failed load or export.
    func runDotCommand(_ line: String) throws(ShellError) -> Outcome {
        let command = try DotCommand(parsing: line)
        let args = command.arguments
        guard let spec = DotCommandSpec.named(command.name) else {
            let names = DotCommandSpec.all.map(\.name)
            let hint = Suggest.nearest(command.name, in: names).map { "did you mean `.\($0)`?" } ?? "`.help` lists the commands"
            throw ShellError("unknown-command", "unknown command `.\(command.name)`", hint: hint)
        }
        switch spec.name {
        case "quit", "exit":
            return .quit
        case "help":
            try help(args)
        case "tables":
            guard args.isEmpty else { throw .usage(spec.usage) }
            tables()
        case "schema":
            guard args.count == 1 else { throw .usage(spec.usage) }
            show(schema(of: try table(named: args[0])))
        case "summarize":
            guard args.count == 1 else { throw .usage(spec.usage) }
            show(TableSummary.summarize(try table(named: args[0])))
        case "load":
            if try loadFromDatabase(args, usage: spec.usage) { break }
            try load(args, usage: spec.usage)
        case "sniff":
            try sniff(args, usage: spec.usage)
        case "connect":
            try connect(args, usage: spec.usage)
        case "export":
            try export(args, usage: spec.usage)
        case "save":
            try saveWorkspace(args, usage: spec.usage)
        case "open":
            try openWorkspace(args, usage: spec.usage)
        case "mode":
            guard args.count == 1 else { throw .usage(spec.usage) }
            guard let f = OutputFormat(rawValue: args[0].lowercased()) else {
                throw ShellError("usage", "unknown mode `\(args[0])`", hint: "modes: " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))
            }
            format = f
        case "timer":
            guard args.count == 1, let on = Self.parseSwitch(args[0]) else { throw .usage(spec.usage) }
            timer = on
        case "set":
            try set(args, usage: spec.usage)
        case "measures":
            try measures(args, usage: spec.usage)
        case "read":
            return try read(args, usage: spec.usage)
        case "output":
            try redirectOutput(args, once: false, usage: spec.usage)
        case "once":
            try redirectOutput(args, once: true, usage: spec.usage)
        case "maxrows":
            try setCap(args, rows: true, usage: spec.usage)
        case "maxwidth":
            try setCap(args, rows: false, usage: spec.usage)
        case "nullvalue":
            setNullText(args)
        case "headers":
            try setHeaders(args, usage: spec.usage)
        case "param":
            try param(args, rawValue: Self.text(after: 3, in: line), usage: spec.usage)
        case "drop":
            try drop(args, usage: spec.usage)
        case "rename":
            try rename(args, usage: spec.usage)
        case "print":
            printText(args)
        case "cd":
            try changeDirectory(args, usage: spec.usage)
        case "shell", "system":
            try runProgram(args, usage: spec.usage)
        default:
            throw ShellError("unknown-command", "unknown command `.\(command.name)`")
        }
        return .success
    }

    private func help(_ args: [String]) throws(ShellError) {
        guard let topic = args.first else {
            output.out(HelpText.overview)
            return
        }
        guard let text = HelpText.topic(topic) else {
            let hint =
                Suggest.nearest(topic, in: HelpText.topics).map { "did you mean `\($0)`?" } ?? "topics: "
                + HelpText.topics.joined(separator: ", ")
            throw ShellError("unknown-topic", "no help on `\(topic)`", hint: hint)
        }
        output.out(text)
    }

    /// Prints a table the shell made (`.schema`, `.summarize`) and makes it the last result `_`, so it
    /// can be piped (`_ | where nulls > 0`), exported and charted.
    private func show(_ table: Table) {
        query.lastResult = table
        print(table)
    }

    /// The table called `name` (`_` is the last result).
    ///
    /// - Throws: ``ShellError`` `unknown-table`, with a suggestion.
    func table(named name: String) throws(ShellError) -> Table {
        if name == "_" {
            guard let t = query.lastResult else { throw ShellError("no-result", "there is no last result yet") }
            return t
        }
        if let t = query.catalog[name] { return t }
        let hint =
            Suggest.nearest(name, in: query.catalog.names).map { "did you mean `\($0)`?" }
            ?? (query.catalog.names.isEmpty ? "no tables are loaded" : "tables: " + query.catalog.sortedNames.joined(separator: ", "))
        throw ShellError("unknown-table", "unknown table `\(name)`", hint: hint)
    }

    private func tables() {
        let names = query.catalog.sortedNames
        let tables = names.map { query.catalog[shape: $0]! }  // a workspace's tables are not built for this
        print(
            Table(
                columns: [
                    Column(name: "name", type: .text, values: names.map { .text($0) }),
                    Column(name: "rows", type: .int, values: tables.map { .int(Int64($0.rowCount)) }),
                    Column(name: "columns", type: .int, values: tables.map { .int(Int64($0.columnNames.count)) }),
                ], rowCount: names.count))
    }

    /// One row per column of `table`: column, type, nulls.
    func schema(of table: Table) -> Table {
        Table(
            columns: [
                Column(name: "column", type: .text, values: table.columns.map { .text($0.name) }),
                Column(name: "type", type: .text, values: table.columns.map { .text($0.type.rawValue) }),
                Column(name: "nulls", type: .int, values: table.columns.map { .int(Int64($0.nullCount)) }),
            ], rowCount: table.columns.count)
    }

    private func set(_ args: [String], usage: String) throws(ShellError) {
        if args.isEmpty {
            for name in query.settings.registry.settingNames { output.out("\(name) \(query.settingValue(name) ?? "")\n") }
            return
        }
        guard args.count == 2 else { throw .usage(usage) }
        do throws(QueryError) {
            try query.set(args[0], to: args[1])
        } catch {
            let d = error.primary
            throw ShellError(d.id == .badSetting ? "usage" : d.id.rawValue, d.message, hint: d.hint)
        }
    }

    /// `on`/`off` (also `true`/`false`, `1`/`0`, `yes`/`no`).
    static func parseSwitch(_ s: String) -> Bool? {
        switch s.lowercased() {
        case "on", "true", "1", "yes": true
        case "off", "false", "0", "no": false
        default: nil
        }
    }
}
