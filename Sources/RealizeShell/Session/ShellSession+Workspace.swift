import RealizeQuery
import RealizeStore

extension ShellSession {
    /// `.save PATH`: writes every table, `let` result, setting and parameter as a workspace folder.
    func saveWorkspace(_ args: [String], usage: String) throws(ShellError) {
        guard args.count == 1 else { throw .usage(usage) }
        let path = resolveOutputPath(args[0])
        let started = ContinuousClock.now
        if let name = query.catalog.names.first(where: { query.catalog.unreadable($0) != nil }) {
            throw ShellError(
                "workspace", "cannot save the workspace: table `\(name)` cannot be read: \(query.catalog.unreadable(name) ?? "")",
                hint: "load it again from its source, or `.drop \(name)`; nothing was written")
        }
        let token = cancellation
        do throws(ArrowError) {
            try Workspace.save(
                workspaceItems(), settings: workspaceSettings(), parameters: workspaceParameters(), to: path, shouldStop: { token.isCancelled })
        } catch {
            if error.write?.code == .cancelled || token.isCancelled {
                throw ShellError("cancelled", "save cancelled", hint: "nothing was written; an earlier workspace there is unchanged")
            }
            throw ShellError(
                "workspace", "cannot save the workspace: \(error.description)", hint: "nothing was written; an earlier workspace there is unchanged")
        }
        if timer { reportTime("Save", since: started) }
        observer?(.exported(paths: [path]))
        if interactive {
            let n = query.catalog.names.count
            output.out("saved \(n) \(n == 1 ? "table" : "tables") to \(args[0])\n")
        }
    }

    /// `.open PATH`: replaces the session's tables, `let` results, settings and parameters with a workspace's.
    func openWorkspace(_ args: [String], usage: String) throws(ShellError) {
        guard args.count == 1 else { throw .usage(usage) }
        let opened = try Self.openWorkspace(at: Self.expandingTilde(args[0]))
        restore(opened)
        if interactive { output.out(Self.describe(opened, path: args[0]) + "\n") }
    }

    /// Opens the workspace at `path`.
    ///
    /// - Throws: ``ShellError`` `workspace` naming the file that is missing, truncated, corrupt or foreign.
    static func openWorkspace(at path: String) throws(ShellError) -> Workspace.Opened {
        do throws(ArrowError) {
            return try Workspace.open(path)
        } catch {
            throw ShellError("workspace", "cannot open the workspace: \(error.description)", hint: "the session is unchanged")
        }
    }

    /// `workspace: PATH: 2 tables (projects, financials)`.
    static func describe(_ opened: Workspace.Opened, path: String) -> String {
        let n = opened.tables.count
        return "workspace: \(path): \(n) \(n == 1 ? "table" : "tables") (\(opened.tables.map(\.name).joined(separator: ", ")))"
    }

    /// Makes the session the workspace's: its tables (built on first use), lets, settings and parameters.
    /// A setting this version does not know is reported on standard error and skipped.
    package func restore(_ opened: Workspace.Opened) {
        var catalog = Catalog()
        for (name, table) in opened.tables { catalog.setLazy(name, table) }
        query.catalog = catalog
        query.lastResult = nil
        definedNames = opened.manifest.tables.filter(\.isLet).map(\.name)
        sources = [:]
        for t in opened.manifest.tables { if let s = t.source { sources[t.name] = s } }
        for s in opened.manifest.settings {
            do throws(QueryError) {
                try query.set(s.name, to: s.value)
            } catch {
                output.err("warning: workspace setting \(s.name) not restored: \(error.primary.message)\n")
            }
        }
        var parameters: [String: Value] = [:]
        for p in opened.manifest.parameters { parameters[p.name] = Self.parameterValue(p) }
        query.parameters = parameters
    }

    /// A saved parameter's value: text as written, other types read back as literals.
    static func parameterValue(_ p: WorkspaceManifest.Setting) -> Value {
        switch p.type {
        case "text", nil: return .text(p.value)
        case "null": return .null
        default:
            guard let v = try? QuerySettings.parameterValue(p.value), v.type?.rawValue == p.type else { return .text(p.value) }
            return v
        }
    }

    /// Every table of the catalog, marked when `let` made it, with its source file when it came from one.
    func workspaceItems() -> [Workspace.Item] {
        query.catalog.names.compactMap { name in
            query.catalog[name].map { Workspace.Item(name: name, table: $0, isLet: definedNames.contains(name), source: sources[name]) }
        }
    }

    /// The `.set` settings, each with its current value.
    func workspaceSettings() -> [WorkspaceManifest.Setting] {
        query.settings.registry.settingNames.compactMap { name in query.settingValue(name).map { .init(name: name, value: $0) } }
    }

    /// The `.param` parameters, with their types.
    func workspaceParameters() -> [WorkspaceManifest.Setting] {
        query.parameters.keys.sorted().map { name in
            let v = query.parameters[name]!
            return .init(name: name, value: v.description, type: v.type?.rawValue ?? "null")
        }
    }

    /// Remembers the CSV file behind each table that loading `path` gave.
    func recordSources(of path: String, tables names: [String]) {
        let files = SourceFile.csvFiles(for: path)
        for name in names {
            if let file = files[name], let source = SourceFile.status(file) { sources[name] = source } else { sources[name] = nil }
        }
    }
}

extension ShellSession {
    /// `.load FILE.arrow [as NAME]`: reads one Arrow IPC file (from Realize, pyarrow, Polars…) as a table
    /// named after the file.
    func loadArrow(_ path: String, as alias: String?) throws(ShellError) {
        let name = alias ?? PortfolioLoader.tableName(forFile: path)
        let table: Table
        do throws(ArrowError) {
            table = try ArrowFile.open(path).table()
        } catch {
            throw ShellError("arrow", "cannot load: \(error.description)", hint: "nothing was loaded; the tables loaded before are unchanged")
        }
        var catalog = query.catalog
        catalog.set(name, table)
        query.catalog = catalog
        sources[name] = nil
        if interactive { output.out("loaded table \(name) (\(table.rowCount) \(table.rowCount == 1 ? "row" : "rows"))\n") }
    }
}
