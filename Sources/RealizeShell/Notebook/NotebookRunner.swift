import RealizeStore

/// Runs a notebook's blocks in order in one ``ShellSession`` and collects each statement's results
/// under its block.
package struct NotebookRunner {
    /// What one block produced.
    package struct BlockResult {
        package var lines: [String]
        package var firstLine: Int
        package var events: [ShellEvent]
    }

    /// Where and why a run stopped.
    package struct Failure: Error {
        /// The notebook line of the failing statement.
        package var line: Int
        /// What the session reported (a rendered diagnostic or error).
        package var message: String
    }

    package let session: ShellSession
    /// The notebook's path as errors name it.
    package let sourceName: String
    private let captured: Captured

    /// What the session printed during the statement being run.
    final class Captured {
        var out = ""
        var err = ""
    }

    /// A runner over a new session on `catalog` whose output is captured, writing exports into `outputFolder`.
    package init(catalog: Catalog, sourceName: String, outputFolder: String) {
        let captured = Captured()
        let output = ShellOutput(out: { captured.out += $0 }, err: { captured.err += $0 })
        session = ShellSession(catalog: catalog, format: .table, output: output)
        session.outputFolder = outputFolder
        self.sourceName = sourceName
        self.captured = captured
    }

    /// Runs the `blocks` (already substituted) in order; stops at the first failing statement.
    ///
    /// Returns the results of the blocks run (all of them, unless a `.quit` ended the run early).
    package func run(_ blocks: [(lines: [String], firstLine: Int)]) -> Result<[BlockResult], Failure> {
        var results: [BlockResult] = []
        var events: [ShellEvent] = []
        session.observer = { events.append($0) }
        defer { session.observer = nil }
        for block in blocks {
            var accumulator = StatementAccumulator()
            var blockEvents: [ShellEvent] = []
            var statements: [Statement] = []
            for (k, line) in block.lines.enumerated() {
                statements += accumulator.feed(line, lineNumber: block.firstLine + k)
            }
            if let last = accumulator.finish() { statements.append(last) }
            for statement in statements {
                events = []
                captured.out = ""
                captured.err = ""
                let outcome = session.execute(statement, sourceName: sourceName)
                switch outcome {
                case .failure:
                    var message = captured.err
                    // Query diagnostics already point into the notebook (`--> FILE:LINE:COLUMN`); others get the place here.
                    if !message.contains(" --> \(sourceName):") {
                        message = "\(sourceName):\(statement.firstLine): " + message
                    }
                    return .failure(Failure(line: statement.firstLine, message: message))
                case .quit:
                    results.append(BlockResult(lines: block.lines, firstLine: block.firstLine, events: blockEvents + events))
                    return .success(results)
                case .success:
                    if events.isEmpty, !captured.out.isEmpty { events.append(.text(captured.out)) }
                    blockEvents += events
                }
            }
            results.append(BlockResult(lines: block.lines, firstLine: block.firstLine, events: blockEvents))
        }
        return .success(results)
    }
}
