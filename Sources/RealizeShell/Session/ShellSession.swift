import RealizeAnalytics
import RealizeODBC
import RealizeQuery
import RealizeReport
import RealizeStore
#if canImport(Glibc)
    import Glibc
#endif

/// The statement engine shared by batch and interactive use: a query session, the output format,
/// the timer, and the rules for running one statement and reporting what happened.
package final class ShellSession {
    /// What running one statement led to.
    package enum Outcome: Equatable {
        case success
        /// An error was reported on standard error.
        case failure
        /// `.quit` or `.exit`.
        case quit
    }

    /// The catalog, the last result (`_`) and the settings.
    package var query: QuerySession
    /// How results are printed (`.mode`, `--format`).
    package var format: OutputFormat
    /// Whether run and load times are printed (`.timer`, `--timer`).
    package var timer: Bool
    /// Whether this is the interactive shell (results are capped to the terminal).
    package let interactive: Bool
    /// The cancellation token passed to every query; Ctrl-C raises it.
    package let cancellation: CancellationToken
    package let output: ShellOutput
    /// Told of each statement's result (tables, charts, exports); notebooks collect them for the report.
    package var observer: ((ShellEvent) -> Void)? = nil
    /// The folder that relative `.export` and `chart … to` paths are written into (a notebook's report
    /// folder); nil means the working folder.
    package var outputFolder: String? = nil
    /// The names defined with `let` in this session, in order (`.export PATH --named` writes them all).
    package var definedNames: [String] = []
    /// `.maxrows`, `.maxwidth`, `.nullvalue` and `.headers`.
    package var display = DisplaySettings()
    /// Where results go instead of standard output (`.output FILE`, `.once FILE`).
    package var redirect: OutputRedirect? = nil
    /// The scripts being run by `.read`, outermost first (to stop cycles and runaway nesting).
    package var readStack: [String] = []
    /// Print each statement before its result (`--echo`).
    package var echo = false
    /// Go on after a failing statement in a script, failing at the end (`--keep-going`).
    package var keepGoing = false
    /// Where each failed statement of a script started (`script.rz:3`), for the `--keep-going` summary.
    package var failures: [String] = []
    /// The CSV file each table was loaded from, as it was then (saved in workspaces).
    package var sources: [String: WorkspaceManifest.Source] = [:]
    /// The ODBC connections opened with `.connect`, by name.
    package var connections: [String: ODBCConnection] = [:]

    package init(
        catalog: Catalog, format: OutputFormat = .table, timer: Bool = false, interactive: Bool = false,
        output: ShellOutput, cancellation: CancellationToken = CancellationToken()
    ) {
        self.query = QuerySession(catalog: catalog)
        DomainCommands.install(into: &self.query)
        self.format = format
        self.timer = timer
        self.interactive = interactive
        self.output = output
        self.cancellation = cancellation
    }

    /// Runs one statement, printing its result or its error.
    ///
    /// - Parameter sourceName: `query`, `<stdin>` or a script path, for error positions.
    @discardableResult
    package func execute(_ statement: Statement, sourceName: String) -> Outcome {
        switch statement.kind {
        case .dotCommand:
            cancellation.reset()  // a Ctrl-C at the prompt must not cancel the next `.export` or `.load`
            do throws(ShellError) {
                return try runDotCommand(statement.text)
            } catch {
                output.err(error.description + "\n")
                return .failure
            }
        case .query:
            return runQuery(statement, sourceName: sourceName)
        }
    }

    private func runQuery(_ statement: Statement, sourceName: String) -> Outcome {
        cancellation.reset()
        let clock = ContinuousClock()
        let started = clock.now
        let outcome: StatementOutcome
        do throws(QueryError) {
            outcome = try query.run(statement.text, cancel: cancellation)
        } catch {
            if timer { reportTime("Run", since: started) }
            if cancellation.isCancelled {
                output.err("cancelled\n")
                return .failure
            }
            let renderer = DiagnosticRenderer(sourceName: sourceName, colour: output.stderrColour)
            output.err(renderer.render(error, statement: statement))
            return .failure
        }
        let elapsed = clock.now - started
        for w in query.warnings { output.err("warning: \(w)\n") }
        switch outcome {
        case .table(let table):
            observer?(.table(table))
            print(table)
        case .defined(let name, let table):
            if !definedNames.contains(name) { definedNames.append(name) }
            observer?(.defined(name: name, table: table))
            // The confirmation is for people: csv and json output stay pure data.
            if format == .table { output.out("defined \(name) (\(table.rowCount) \(table.rowCount == 1 ? "row" : "rows"))\n") }
        case .chart(let chart, let table, let defined):
            if let name = defined, !definedNames.contains(name) { definedNames.append(name) }
            return drawChart(chart, table, statement: statement, sourceName: sourceName)
        case .plan(let text):
            observer?(.text(text + "\n"))
            output.out(text + "\n")
        }
        if timer { output.err("Run Time: \(Self.seconds(elapsed)) s\n") }
        return .success
    }

    /// Prints a table in the current format, capped to the terminal when results go to one (or as
    /// `.maxrows` and `.maxwidth` say), or sends it to the `.output`/`.once` file.
    package func print(_ table: Table) {
        if redirect != nil {
            writeRedirected(table)
            return
        }
        var options = RenderOptions(format: format, colour: output.stdoutColour)
        options.nullText = display.nullText
        options.headers = display.headers
        if output.stdoutIsTerminal, let size = Terminal.size(of: 1) {
            options.maxWidth = size.columns
            options.maxRows = max(5, size.rows - 10)
        }
        if let rows = display.maxRows { options.maxRows = rows == 0 ? nil : rows }
        if let width = display.maxWidth { options.maxWidth = width == 0 ? nil : width }
        var text = ResultRenderer.render(table, options: options)
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        output.out(text)
    }

    /// Prints `<what> Time: X.XXXX s` to standard error.
    package func reportTime(_ what: String, since start: ContinuousClock.Instant) {
        output.err("\(what) Time: \(Self.seconds(ContinuousClock.now - start)) s\n")
    }

    /// Seconds with four decimals: `0.0123`.
    package static func seconds(_ d: Duration) -> String {
        let (s, atto) = d.components
        let tenThousandths = (Double(s) + Double(atto) / 1e18) * 10_000
        let n = Int64(tenThousandths.rounded())
        let frac = String(n % 10_000)
        return "\(n / 10_000)." + String(repeating: "0", count: 4 - frac.count) + frac
    }
}
