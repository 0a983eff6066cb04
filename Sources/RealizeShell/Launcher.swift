import RealizeReport
import RealizeSamples
import RealizeODBC
import RealizeStore
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the command line asked for.
public struct LaunchOptions: Sendable {
    /// `--data` paths (files or folders); empty means the embedded sample portfolio.
    public var dataPaths: [String] = []
    /// `-c` texts, run in order.
    public var commands: [String] = []
    public var format: OutputFormat = .table
    public var timer = false
    /// A script file to run after the `-c` texts.
    public var script: String? = nil
    /// `--param name=value` settings of `$name` parameters.
    public var parameters: [String] = []
    /// `--init FILE`: a start-up script to run instead of `$XDG_CONFIG_HOME/realize/init.rz`.
    public var initFile: String? = nil
    /// `--no-init`: run no start-up script.
    public var noInit = false
    /// `--cmd STATEMENT` texts, run before the prompt (or before `-c` and the script).
    public var startupCommands: [String] = []
    /// `--echo`: print each statement before its result.
    public var echo = false
    /// `--keep-going`: go on after a failing statement, and exit 1 at the end naming every failure.
    public var keepGoing = false
    /// `--cache`: reuse a workspace saved from the `--data` files while none of them changed.
    public var cache = false

    public init(dataPaths: [String] = [], commands: [String] = [], format: OutputFormat = .table, timer: Bool = false, script: String? = nil) {
        self.dataPaths = dataPaths
        self.commands = commands
        self.format = format
        self.timer = timer
        self.script = script
    }
}

/// Starts the shell the way the options say: one-shot, script, standard input or interactive.
public enum Launcher {
    /// Loads the data, runs what was asked for, and returns the exit status (0 ok, 1 error).
    public static func run(_ options: LaunchOptions) -> Int32 {
        let output = ShellOutput.standard()
        var options = options
        // `realize PATH` with a folder opens it as a workspace.
        var workspacePath: String? = nil
        if let s = options.script, ShellSession.isDirectory(s) == true {
            workspacePath = s
            options.script = nil
        }
        let environment = Dictionary(Environment.variables(), uniquingKeysWith: { a, _ in a })
        let interactive = options.commands.isEmpty && options.script == nil && Terminal.isTerminal(0)
        let started = ContinuousClock.now
        let catalog: Catalog
        let description: String
        // Interactively, Ctrl-C during a long `--data` load stops it (elsewhere SIGINT ends the process as usual).
        let interrupts = InterruptState.shared
        if interactive && !options.dataPaths.isEmpty { interrupts.install() }
        let token = interrupts.token
        let stop: @Sendable () -> Bool = { interactive && token.isCancelled }
        var opened: Workspace.Opened? = nil
        let cacheEntry = options.cache ? Self.cacheEntry(for: options.dataPaths, environment: environment) : nil
        if let workspacePath {
            guard options.dataPaths.isEmpty else {
                output.err("error: a workspace (\(workspacePath)) and --data both give the tables; use one of them\n")
                return 2
            }
            do throws(ShellError) {
                opened = try ShellSession.openWorkspace(at: workspacePath)
            } catch {
                output.err(error.description + "\n")
                return 1
            }
            (catalog, description) = (Catalog(), ShellSession.describe(opened!, path: workspacePath))
        } else if let cacheEntry, let hit = Self.cached(cacheEntry) {
            opened = hit.opened
            (catalog, description) = (Catalog(), hit.description)
            output.err(description + "\n")
        } else {
            let outcome = loadCatalog(options.dataPaths, shouldStop: stop)
            switch outcome {
            case .success(let loaded): (catalog, description) = loaded
            case .failure(let error):
                if interactive && !options.dataPaths.isEmpty { interrupts.uninstall() }
                output.err(error.description + "\n")
                return 1
            }
        }
        if interactive && !options.dataPaths.isEmpty { interrupts.uninstall() }
        let session = ShellSession(
            catalog: catalog, format: options.format, timer: options.timer, interactive: interactive,
            output: output, cancellation: interactive ? InterruptState.shared.token : .init())
        session.echo = options.echo
        session.keepGoing = options.keepGoing
        if let opened {
            session.restore(opened)
        } else {
            for path in options.dataPaths where !path.hasPrefix(DatabaseSource.dataPrefix) { session.recordSources(of: path, tables: catalog.names) }
            if let cacheEntry { refreshCache(cacheEntry, session: session, description: description) }
        }
        if let status = startUp(session, options, environment: environment, interactive: interactive) { return status }
        if interactive {
            let shell = InteractiveShell(session: session, historyPath: HistoryFile.path(environment: environment))
            let banner = "Realize \(Shell.version): benefits-realization analytics\n\(description)\nType .help for help, Ctrl-D to leave.\n"
            return shell.run(banner: banner)
        }
        if options.timer { session.reportTime("Load", since: started) }
        let runner = BatchRunner(session: session)
        for command in options.commands {
            switch runner.run(text: command, sourceName: "query") {
            case .success: continue
            case .quit: return finish(session)
            case .failure: if !options.keepGoing { return 1 }
            }
        }
        if let script = options.script {
            switch TextFile.read(script) {
            case .failure(let error):
                output.err(error.description + "\n")
                return 1
            case .success(let text):
                if runner.run(text: text, sourceName: script) == .failure && !options.keepGoing { return 1 }
            }
        } else if options.commands.isEmpty {
            if runner.run(lines: BatchRunner.standardInputLines, sourceName: "<stdin>") == .failure && !options.keepGoing { return 1 }
        }
        return finish(session)
    }

    /// The embedded sample portfolio, or the tables of the `--data` paths; and a line describing them.
    /// - Parameter shouldStop: asked every few thousand rows; true stops the load with "load cancelled".
    static func loadCatalog(_ paths: [String], shouldStop: @escaping @Sendable () -> Bool = { false }) -> Result<(Catalog, String), ShellError> {
        var catalog = Catalog()
        if paths.isEmpty {
            let tables = SamplePortfolio.tables()
            for (name, table) in tables { catalog.set(name, table) }
            return .success(
                (catalog, "sample portfolio: \(tables.count) \(tables.count == 1 ? "table" : "tables") (\(tables.map(\.name).joined(separator: ", ")))"))
        }
        for path in paths {
            if path.hasPrefix(DatabaseSource.dataPrefix) {
                do throws(ShellError) {
                    for (name, table) in try DatabaseSource.loadAll(String(path.dropFirst(DatabaseSource.dataPrefix.count)), shouldStop: shouldStop) {
                        catalog.set(name, table)
                    }
                } catch { return .failure(error) }
                continue
            }
            do throws(CSVError) {
                let loaded = try PortfolioLoader.load(path: path, options: .init(shouldStop: shouldStop)) { note in
                    ShellOutput.standard().err(note + "\n")
                }
                for (name, table) in loaded { catalog.set(name, table) }
            } catch {
                if error.code == .cancelled { return .failure(ShellError("cancelled", "load cancelled")) }
                return .failure(ShellError(preformatted: "csv", error.fullDescription))
            }
        }
        let n = catalog.names.count
        let shown = paths.map(ConnectionString.maskSecrets(in:)).joined(separator: ", ")  // never a password
        return .success((catalog, "data: \(shown): \(n) \(n == 1 ? "table" : "tables") (\(catalog.names.joined(separator: ", ")))"))
    }
}

/// The process environment.
enum Environment {
    /// `NAME=value` pairs of `environ`.
    static func variables() -> [(String, String)] {
        var result: [(String, String)] = []
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") { result.append((String(s[..<eq]), String(s[s.index(after: eq)...]))) }
            p += 1
        }
        return result
    }
}
