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
        let interactive = options.commands.isEmpty && options.script == nil && Terminal.isTerminal(0)
        let started = ContinuousClock.now
        let catalog: Catalog
        let description: String
        // Interactively, Ctrl-C during a long `--data` load stops it (elsewhere SIGINT ends the process as usual).
        let interrupts = InterruptState.shared
        if interactive && !options.dataPaths.isEmpty { interrupts.install() }
        let token = interrupts.token
        let stop: @Sendable () -> Bool = { interactive && token.isCancelled }
        let outcome = loadCatalog(options.dataPaths, shouldStop: stop)
        if interactive && !options.dataPaths.isEmpty { interrupts.uninstall() }
        switch outcome {
        case .success(let loaded): (catalog, description) = loaded
        case .failure(let error):
            output.err(error.description + "\n")
            return 1
        }
        let session = ShellSession(
            catalog: catalog, format: options.format, timer: options.timer, interactive: interactive,
            output: output, cancellation: interactive ? InterruptState.shared.token : .init())
        if interactive {
            let environment = Dictionary(Environment.variables(), uniquingKeysWith: { a, _ in a })
            let shell = InteractiveShell(session: session, historyPath: HistoryFile.path(environment: environment))
            let banner = "Realize \(Shell.version): benefits-realization analytics\n\(description)\nType .help for help, Ctrl-D to leave.\n"
            return shell.run(banner: banner)
        }
        if options.timer { session.reportTime("Load", since: started) }
        let runner = BatchRunner(session: session)
        for command in options.commands {
            switch runner.run(text: command, sourceName: "query") {
            case .success: continue
            case .quit: return 0
            case .failure: return 1
            }
        }
        if let script = options.script {
            switch TextFile.read(script) {
            case .failure(let error):
                output.err(error.description + "\n")
                return 1
            case .success(let text):
                return runner.run(text: text, sourceName: script) == .failure ? 1 : 0
            }
        }
        if options.commands.isEmpty {
            return runner.run(lines: BatchRunner.standardInputLines, sourceName: "<stdin>") == .failure ? 1 : 0
        }
        return 0
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
                for (name, table) in try PortfolioLoader.load(path: path, options: .init(shouldStop: shouldStop)) { catalog.set(name, table) }
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
