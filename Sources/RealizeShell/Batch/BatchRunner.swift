/// Runs statements from a script, `-c` text or standard input, stopping at the first error (or, with
/// `--keep-going`, going on and failing at the end).
package struct BatchRunner {
    package let session: ShellSession

    package init(session: ShellSession) {
        self.session = session
    }

    /// Splits `lines` into statements and runs them in order.
    ///
    /// - Parameter sourceName: how errors name the input (`query`, `<stdin>`, the script's path).
    /// - Returns: `.failure` at the first statement that fails (with `keepGoing`, at the end if any
    ///   failed), `.quit` at `.quit`, else `.success`. Each failure is noted in the session's `failures`.
    package func run<S: Sequence<String>>(lines: S, sourceName: String) -> ShellSession.Outcome {
        var accumulator = StatementAccumulator(lookahead: true)
        var number = 0
        var failed = false
        func run(_ statement: Statement) -> ShellSession.Outcome? {
            if session.echo { session.output.out(statement.text + "\n") }
            let outcome = session.execute(statement, sourceName: sourceName)
            if outcome == .failure {
                failed = true
                session.failures.append("\(sourceName):\(statement.firstLine)")
                return session.keepGoing ? nil : outcome
            }
            return outcome == .quit ? outcome : nil
        }
        for raw in lines {
            number += 1
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            for statement in accumulator.feed(line, lineNumber: number) {
                if let stop = run(statement) { return stop }
            }
        }
        if let last = accumulator.finish(), let stop = run(last) { return stop }
        return failed ? .failure : .success
    }

    /// Runs a whole text (as given to `-c`).
    package func run(text: String, sourceName: String) -> ShellSession.Outcome {
        run(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), sourceName: sourceName)
    }

    /// The lines of standard input, read lazily (so a pipe is processed as it arrives).
    package static var standardInputLines: AnySequence<String> {
        AnySequence { AnyIterator { readLine(strippingNewline: true) } }
    }
}
