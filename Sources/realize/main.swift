// The `realize` executable: command-line parsing only; everything else lives in RealizeShell.
import ArgumentParser
import RealizeReport
import RealizeShell
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `realize [--data PATH]… [-c QUERY]… [--format FORMAT] [--timer] [--param name=value]… [--init FILE | --no-init]
/// [--cmd STATEMENT]… [--echo] [--keep-going] [SCRIPT]`.
struct RealizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "realize",
        abstract: "Benefits-realization analytics: a shell with a pipeline query language over your portfolio data.",
        discussion: """
            With no -c and no SCRIPT, realize starts an interactive shell when standard input is a terminal, and otherwise reads statements from standard input. Without --data it uses the embedded sample portfolio (projects, financials, benefits, nps, maturity).

            Examples:
              realize
              realize -c 'projects | where budget > 1000000 | sort -budget | take 5'
              realize --data ./extract --format csv report.rz > report.csv

            `realize run NOTEBOOK.md --out REPORT.html` runs a notebook and writes its report (see `realize run --help`).
            """,
        version: Shell.version
    )

    @Option(
        name: .customLong("data"),
        help: ArgumentHelp("A CSV file, an .xlsx workbook, or a folder of them to load instead of the sample portfolio (repeatable).", valueName: "PATH"))
    var data: [String] = []

    @Option(
        name: [.customShort("c"), .customLong("command")], help: ArgumentHelp("A query or dot command to run, then exit (repeatable).", valueName: "QUERY"))
    var commands: [String] = []

    @Option(help: ArgumentHelp("How results are printed: table, csv, json, markdown, line or html.", valueName: "FORMAT"))
    var format: String = "table"

    @Flag(help: "Print `Load Time: … s` and `Run Time: … s` on standard error.")
    var timer = false

    @Option(name: .customLong("param"), help: ArgumentHelp("Set the parameter $name that queries use (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @Option(
        name: .customLong("init"),
        help: ArgumentHelp("A start-up script to run first, instead of $XDG_CONFIG_HOME/realize/init.rz (also -init).", valueName: "FILE"))
    var initFile: String?

    @Flag(name: .customLong("no-init"), help: "Run no start-up script (also -no-init).")
    var noInit = false

    @Option(
        name: .customLong("cmd"), help: ArgumentHelp("A statement to run before the prompt, -c or the script (repeatable; also -cmd).", valueName: "STATEMENT"))
    var startupCommands: [String] = []

    @Flag(help: "Print each statement before its result (also -echo).")
    var echo = false

    @Flag(help: "Go on after a failing statement; exit 1 at the end, naming every failure.")
    var keepGoing = false

    @Flag(help: "Reuse a workspace cached from the --data files while none changed ($XDG_CACHE_HOME/realize/); refresh it otherwise.")
    var cache = false

    @Argument(help: ArgumentHelp("A script of statements to run, then exit; or a workspace folder (saved with .save) to open.", valueName: "SCRIPT"))
    var script: String?

    func validate() throws {
        guard OutputFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format '\(format)'; use one of: " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    func run() throws {
        var options = LaunchOptions(dataPaths: data, commands: commands, format: OutputFormat(rawValue: format) ?? .table, timer: timer, script: script)
        options.parameters = parameters
        options.initFile = initFile
        options.noInit = noInit
        options.startupCommands = startupCommands
        options.echo = echo
        options.keepGoing = keepGoing
        options.cache = cache
        let status = Launcher.run(options)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `realize run NOTEBOOK.md [--data PATH]… [--param name=value]… --out REPORT.html|REPORT.md`.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "realize run",
        abstract: "Run a notebook (a Markdown file with ```realize blocks) and write its report.",
        discussion: """
            The blocks run in order in one session; each result (table or chart) goes under its block in the report. `{{name}}` in the notebook is replaced by the parameter's value: its default from the front matter (params:), or --param name=value. Files the blocks export (.export, chart … to) are written beside the report. A failing block stops the run with status 1 and the notebook's file and line.

            Example:
              realize run notebooks/monthly-board-pack.md --param period=2025-12 --out board-pack/2025-12.html
            """
    )

    @Argument(help: ArgumentHelp("The notebook to run.", valueName: "NOTEBOOK.md"))
    var notebook: String

    @Option(
        name: .customLong("data"),
        help: ArgumentHelp("A CSV file, an .xlsx workbook, or a folder of them to load instead of the sample portfolio (repeatable).", valueName: "PATH"))
    var data: [String] = []

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a parameter the notebook declares (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @Option(help: ArgumentHelp("The report to write: a .html page (self-contained) or a .md file.", valueName: "REPORT"))
    var out: String

    func run() throws {
        let status = NotebookLauncher.run(NotebookOptions(notebook: notebook, dataPaths: data, parameters: parameters, out: out))
        if status != 0 { throw ExitCode(status) }
    }
}

/// Parses `arguments` as `command` and runs it. Usage errors exit with 2 (ArgumentParser's default is 64).
func launch<C: ParsableCommand>(_ command: C.Type, _ arguments: [String]) -> Never {
    do {
        var parsed = try C.parseAsRoot(arguments)
        try parsed.run()
        exit(0)
    } catch let code as ExitCode {
        exit(code.rawValue)
    } catch {
        let status = C.exitCode(for: error)
        if status == .success {
            print(C.fullMessage(for: error))
            exit(0)
        }
        FileDescriptorWriter.standardError(C.fullMessage(for: error) + "\n")
        exit(status == .validationFailure ? 2 : status.rawValue)
    }
}

func main() -> Never {
    let arguments = Array(CommandLine.arguments.dropFirst())
    // `realize run NOTEBOOK.md …` runs a notebook; a script named `run` is still `realize ./run`.
    if arguments.first == "run" {
        launch(RunCommand.self, Array(arguments.dropFirst()))
    }
    launch(RealizeCommand.self, sqliteSpellings(arguments))
}

/// sqlite3's one-dash spellings (`-init FILE`, `-no-init`, `-cmd STATEMENT`, `-echo`) as the two-dash
/// options they stand for; arguments after `--` are left alone.
func sqliteSpellings(_ arguments: [String]) -> [String] {
    let spellings = ["-init": "--init", "-no-init": "--no-init", "-cmd": "--cmd", "-echo": "--echo"]
    var out: [String] = []
    var ended = false
    for a in arguments {
        if a == "--" { ended = true }
        out.append(ended ? a : spellings[a] ?? a)
    }
    return out
}

main()
