import RealizeODBC
/// The read-eval-print loop on a terminal: readline editing, history, completion and Ctrl-C.
package struct InteractiveShell {
    package let session: ShellSession
    package let editor: LineEditor
    private let interrupts: InterruptState

    package init(session: ShellSession, historyPath: String?, interrupts: InterruptState = .shared) {
        self.session = session
        self.interrupts = interrupts
        self.editor = LineEditor(historyPath: historyPath, interrupts: interrupts)
    }

    /// Runs until `.quit` or Ctrl-D; returns the exit status (0).
    package func run(banner: String) -> Int32 {
        session.output.out(banner)
        interrupts.install()
        defer { interrupts.uninstall() }
        var accumulator = StatementAccumulator()
        var entry: [String] = []
        while true {
            editor.setCompleter(Completer(session: session.query, pendingText: accumulator.pendingText))
            let prompt = accumulator.isPending ? Shell.continuationPrompt : Shell.prompt
            switch editor.readLine(prompt: prompt) {
            case .endOfInput:
                return 0
            case .interrupted:
                accumulator.reset()
                entry = []
            case .line(let text):
                entry.append(text)
                var statements: [Statement] = []
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    let number = accumulator.pendingLineCount + 1
                    statements += accumulator.feed(String(line), lineNumber: number)
                }
                if !accumulator.isPending {
                    // A literal `Pwd=`/`Password=` is kept out of the history (in memory and on disk) as `***`.
                    editor.addHistory(ConnectionString.maskSecrets(in: String(entry.joined(separator: "\n").trimmingTrailingWhitespace())))
                    entry = []
                }
                for statement in statements {
                    let outcome = session.execute(statement, sourceName: "query")
                    _ = interrupts.take()
                    if outcome == .quit { return 0 }
                }
            }
        }
    }
}
