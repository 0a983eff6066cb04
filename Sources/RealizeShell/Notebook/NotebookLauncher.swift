import RealizeReport
import RealizeStore
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `realize run` was asked for.
public struct NotebookOptions: Sendable {
    /// The notebook's path.
    public var notebook: String
    /// `--data` paths; empty means the embedded sample portfolio.
    public var dataPaths: [String]
    /// `--param name=value` assignments, in order.
    public var parameters: [String]
    /// `--out`: the report, `.html` or `.md`; exports and chart files are written beside it.
    public var out: String

    public init(notebook: String, dataPaths: [String] = [], parameters: [String] = [], out: String) {
        self.notebook = notebook
        self.dataPaths = dataPaths
        self.parameters = parameters
        self.out = out
    }
}

/// `realize run NOTEBOOK.md [--data PATH]… [--param name=value]… --out REPORT.html|REPORT.md`.
public enum NotebookLauncher {
    /// Runs the notebook and writes its report; returns the exit status: 0 when the report was
    /// written, 1 when a block failed or a file could not be read or written, 2 for a usage error
    /// (a report that is neither HTML nor Markdown, an unknown or malformed `--param`).
    public static func run(_ options: NotebookOptions) -> Int32 {
        let output = ShellOutput.standard()
        func fail(_ text: String, status: Int32 = 1) -> Int32 {
            output.err(text.hasSuffix("\n") ? text : text + "\n")
            return status
        }
        let outName = options.out.lowercased()
        let html = outName.hasSuffix(".html") || outName.hasSuffix(".htm")
        guard html || outName.hasSuffix(".md") || outName.hasSuffix(".markdown") else {
            return fail("error: the report `\(options.out)` must end in .html or .md", status: 2)
        }
        let text: String
        switch TextFile.read(options.notebook) {
        case .success(let t): text = t
        case .failure(let e): return fail(e.description)
        }
        let notebook: Notebook
        let parameters: NotebookParameters
        do throws(NotebookError) {
            notebook = try Notebook(parsing: text)
            parameters = try NotebookParameters(declared: notebook.parameters, assignments: options.parameters)
        } catch {
            let status: Int32 = error.line == 0 ? 2 : 1
            return fail(describe(error, in: options.notebook), status: status)
        }

        // Substitute parameters everywhere before running anything, so a typo fails fast.
        var parts: [NotebookReport.Part] = []
        var blocks: [(lines: [String], firstLine: Int)] = []
        var title = notebook.title
        do throws(NotebookError) {
            title = try title.map { t throws(NotebookError) in try parameters.substitute(t, lineNumber: 2) }
            for segment in notebook.segments {
                switch segment {
                case .prose(let prose, let first):
                    var lines: [String] = []
                    for (k, line) in prose.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                        lines.append(try parameters.substitute(String(line), lineNumber: first + k))
                    }
                    parts.append(.prose(lines.joined(separator: "\n")))
                case .block(let body, let first):
                    var lines: [String] = []
                    for (k, line) in body.enumerated() { lines.append(try parameters.substitute(line, lineNumber: first + k)) }
                    blocks.append((lines, first))
                    parts.append(.block(.init(lines: lines, firstLine: first, events: [])))
                }
            }
        } catch {
            return fail(describe(error, in: options.notebook))
        }

        let catalog: Catalog
        let dataDescription: String
        switch Launcher.loadCatalog(options.dataPaths) {
        case .success(let loaded): (catalog, dataDescription) = loaded
        case .failure(let e): return fail(e.description)
        }
        let folder = directory(of: ShellSession.expandingTilde(options.out))
        if let problem = makeFolder(folder) { return fail("error: cannot create the report's folder `\(folder)`: \(problem)") }
        let runner = NotebookRunner(catalog: catalog, sourceName: options.notebook, outputFolder: folder)
        // The parameters are `$name` in the blocks too, typed like literals, as `.param set` makes them in the shell.
        for name in parameters.names {
            do throws(ShellError) {
                try runner.session.setParameter(name, parameters.values[name] ?? "")
            } catch {
                return fail(error.description, status: 2)
            }
        }
        let results: [NotebookRunner.BlockResult]
        switch runner.run(blocks) {
        case .success(let r): results = r
        case .failure(let failure):
            return fail(failure.message + "realize run: stopped at \(options.notebook):\(failure.line); no report was written\n")
        }

        // Results go under their blocks; blocks after a `.quit` are left out.
        var index = 0
        var filled: [NotebookReport.Part] = []
        for part in parts {
            if case .block = part {
                guard index < results.count else { break }
                filled.append(.block(results[index]))
                index += 1
            } else {
                filled.append(part)
            }
        }
        // A notebook without a title in its front matter takes its first level-1 heading.
        if title == nil, case .prose(let first)? = filled.first, let (heading, rest) = firstHeading(first) {
            title = heading
            filled[0] = .prose(rest)
        }
        var meta = ["Notebook: \(options.notebook)", dataDescription.prefix(1).uppercased() + dataDescription.dropFirst()]
        if !parameters.names.isEmpty {
            meta.append("Parameters: " + parameters.names.map { "\($0) = \(parameters.values[$0]!)" }.joined(separator: ", "))
        }
        let report = NotebookReport(title: title ?? NotebookReport.stem(options.notebook), meta: meta, parts: filled)
        let outPath = ShellSession.expandingTilde(options.out)
        do throws(AtomicFileError) {
            if html {
                try AtomicFile.write(Array(report.html(reportFolder: folder).utf8), to: outPath)
            } else {
                let (markdown, charts) = report.markdown(reportPath: outPath, reportFolder: folder)
                for chart in charts { try AtomicFile.write(Array(chart.svg.utf8), to: chart.path) }
                try AtomicFile.write(Array(markdown.utf8), to: outPath)
            }
        } catch {
            return fail("error: cannot write the report: \(error.description)")
        }
        let exported = results.flatMap {
            $0.events.flatMap { event -> [String] in
                switch event {
                case .exported(let paths): paths
                case .chart(_, _, let file?, _): [file]
                default: []
                }
            }
        }
        var summary = "wrote \(options.out) (\(results.count) \(results.count == 1 ? "block" : "blocks"))"
        if !exported.isEmpty { summary += "; files: " + exported.map { NotebookReport.relative($0, to: folder) }.joined(separator: ", ") }
        output.out(summary + "\n")
        return 0
    }

    /// `notebook.md:12: error: …` (no line for errors about the command line).
    static func describe(_ error: NotebookError, in path: String) -> String {
        let place = error.line > 0 ? "\(path):\(error.line): " : ""
        return place + "error: \(error.message)" + (error.hint.map { "\nhint: \($0)" } ?? "")
    }

    /// Creates `folder` and its parents when missing; returns why it could not, or nil.
    static func makeFolder(_ folder: String) -> String? {
        if ShellSession.isDirectory(folder) == true { return nil }
        var path = folder.hasPrefix("/") ? "/" : ""
        for part in folder.split(separator: "/") {
            path += part + "/"
            if ShellSession.isDirectory(path) == true { continue }
            if mkdir(path, 0o777) != 0 && errno != EEXIST { return String(cString: strerror(errno)) }
        }
        return ShellSession.isDirectory(folder) == true ? nil : "it is not a folder"
    }

    /// The folder of `path` (`.` for a bare file name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The first line `# Heading` of `prose` and the prose without it.
    static func firstHeading(_ prose: String) -> (String, String)? {
        var lines = prose.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let k = lines.firstIndex(where: { !$0.trimmingCharacters(in: " \t").isEmpty }), lines[k].hasPrefix("# ") else { return nil }
        let heading = lines[k].dropFirst(2).trimmingCharacters(in: " #")
        lines.remove(at: k)
        return (heading, lines.joined(separator: "\n"))
    }
}
