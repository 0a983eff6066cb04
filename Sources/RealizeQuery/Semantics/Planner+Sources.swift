import RealizeStore

extension Planner {
    /// What a source reads: the plan input, its columns, and a short name (for prefixing clashing join
    /// columns). A table command runs here, since its columns are known only from its result; a parenthesised
    /// pipeline is planned as a sub-plan (or run here when a `pivot` in it needs its data).
    ///
    /// - Throws: a diagnostic for an unknown table, a command's failure, or an error inside the sub-pipeline.
    mutating func resolve(_ source: Source) throws(Diagnostic) -> (PlanInput, Schema, String) {
        switch source {
        case .table(let name, let range):
            if let t = catalog[name] { return (.table(name), Planner.schema(of: t), name) }
            if name == "_" {
                guard let t = lastResult else {
                    throw Diagnostic(
                        id: .noLastResult, message: "`_` is the last result, but nothing has run yet", range: range,
                        hint: "run a query first, or start from a table: \(catalog.sortedNames.joined(separator: ", "))")
                }
                return (.lastResult, Planner.schema(of: t), "last")
            }
            if let why = catalog.unreadable(name) {
                throw Diagnostic(
                    id: .unreadableTable, message: "table `\(name)` cannot be read: \(why)", range: range,
                    hint: "the workspace's file is damaged; load the table again from its source, or drop it")
            }
            let near = Suggest.nearest(name, in: catalog.names + settings.registry.commandNames)
            throw Diagnostic(
                id: .unknownTable, message: "unknown table `\(name)`", range: range, hint: near.map { "did you mean `\($0)`?" },
                notes: ["tables: " + catalog.sortedNames.joined(separator: ", ")])
        case .command(let call):
            guard let command = settings.registry.commands[call.name.lowercased()] else {
                throw Diagnostic(id: .unknownCommand, message: "unknown command `\(call.name)`", range: call.nameRange)
            }
            let result: Table
            do throws(QueryError) {
                result = try command.run(call, session: session)
            } catch {
                diagnostics += error.diagnostics.dropFirst()
                throw error.primary
            }
            if cancel?.isCancelled == true { throw Diagnostic(id: .cancelled, message: "query cancelled", range: call.range) }
            return (.command(text: call.text, result: result), Planner.schema(of: result), call.name.lowercased())
        case .pipeline(let inner, let range):
            // `(evm by project)`: brackets around a bare source are just grouping.
            if inner.stages.isEmpty { return try resolve(inner.source) }
            let hasPivot = inner.stages.contains { if case .pivot = $0.kind { true } else { false } }
            if hasPivot {
                do throws(QueryError) {
                    let (t, _) = try session.execute(inner, source: self.source, cancel: cancel, explainOnly: false)
                    return (.command(text: "(pipeline with pivot)", result: t), Planner.schema(of: t), "subquery")
                } catch {
                    diagnostics += error.diagnostics.dropFirst()
                    throw error.primary
                }
            }
            var sub = Planner(catalog: catalog, lastResult: lastResult, settings: settings)
            sub.source = self.source
            sub.cancel = cancel
            guard let plan = sub.plan(inner) else {
                diagnostics += sub.diagnostics.dropFirst()
                throw sub.diagnostics.first ?? Diagnostic(id: .badSubquery, message: "the pipeline in brackets does not check", range: range)
            }
            return (.plan(plan), plan.schema, "subquery")
        }
    }

    /// A session over the planner's catalog, last result and settings, for running commands.
    var session: QuerySession {
        var s = QuerySession(catalog: catalog)
        s.lastResult = lastResult
        s.settings = settings
        s.cancellation = cancel
        s.log = warnings
        return s
    }
}
