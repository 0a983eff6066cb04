// The `realize` executable: command-line parsing only; everything else lives in RealizeShell.
import ArgumentParser
import RealizeShell
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `realize [--data PATH]… [-c QUERY]… [--format FORMAT] [--timer] [SCRIPT]`.
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
            """,
        version: Shell.version
    )

    @Option(name: .customLong("data"), help: ArgumentHelp("A CSV file or a folder of CSV files to load instead of the sample portfolio (repeatable).", valueName: "PATH"))
    var data: [String] = []

    @Option(name: [.customShort("c"), .customLong("command")], help: ArgumentHelp("A query or dot command to run, then exit (repeatable).", valueName: "QUERY"))
    var commands: [String] = []

    @Option(help: ArgumentHelp("How results are printed: table, csv, json or markdown.", valueName: "FORMAT"))
    var format: String = "table"

    @Flag(help: "Print `Load Time: … s` and `Run Time: … s` on standard error.")
    var timer = false

    @Argument(help: ArgumentHelp("A script of statements to run, then exit.", valueName: "SCRIPT"))
    var script: String?

    func validate() throws {
        guard OutputFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format '\(format)'; use one of: " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    func run() throws {
        let options = LaunchOptions(dataPaths: data, commands: commands, format: OutputFormat(rawValue: format) ?? .table, timer: timer, script: script)
        let status = Launcher.run(options)
        if status != 0 { throw ExitCode(status) }
    }
}

/// Usage errors exit with 2 (ArgumentParser's default is 64).
func main() -> Never {
    let arguments = Array(CommandLine.arguments.dropFirst())
    // Reserved: `realize run NOTEBOOK.md` will be a subcommand; route it here when it exists.
    if arguments.first == "run" {
        FileDescriptorWriter.standardError("error: `realize run NOTEBOOK` is not available yet\n")
        exit(2)
    }
    do {
        var command = try RealizeCommand.parseAsRoot(arguments)
        try command.run()
        exit(0)
    } catch let code as ExitCode {
        exit(code.rawValue)
    } catch {
        let status = RealizeCommand.exitCode(for: error)
        if status == .success {
            print(RealizeCommand.fullMessage(for: error))
            exit(0)
        }
        FileDescriptorWriter.standardError(RealizeCommand.fullMessage(for: error) + "\n")
        exit(status == .validationFailure ? 2 : status.rawValue)
    }
}

main()
