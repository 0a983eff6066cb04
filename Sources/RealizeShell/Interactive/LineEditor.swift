import CReadline
import Synchronization
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What reading one line at the prompt produced.
package enum LineEvent: Equatable, Sendable {
    /// A line (possibly several, when a multi-line history entry was recalled), without the final newline.
    case line(String)
    /// Ctrl-C: the line was abandoned.
    case interrupted
    /// Ctrl-D on an empty line, or the terminal went away.
    case endOfInput
}

/// State shared with readline's callbacks, which are plain C function pointers and cannot capture.
private struct EditorState: Sendable {
    var completer: Completer? = nil
    var matches: [String] = []
    var matchIndex = 0
    var received: LineEvent? = nil
}

private let editorState = Mutex(EditorState())

/// GNU readline, driven through its callback interface so that Ctrl-C can abandon a line.
///
/// This type and its C callbacks are the one unsafe island of the shell: readline's state is
/// global, so there must be at most one `LineEditor`, used from one thread.
package final class LineEditor {
    private let historyPath: String?
    private let interrupts: InterruptState
    private var lastEntry: String? = nil

    /// Sets readline up and loads the history file.
    ///
    /// - Parameter historyPath: where history is kept; its folder is created. nil keeps no history.
    package init(historyPath: String?, interrupts: InterruptState) {
        self.historyPath = historyPath
        self.interrupts = interrupts
        realize_rl_set_name(strdup("realize"))
        realize_rl_set_catch_signals(0)
        realize_rl_set_attempted_completion(attemptCompletion)
        realize_rl_set_word_break_characters(strdup(" \t\n\"'`<>=;|&{}()[],+*/!%"))
        using_history()
        stifle_history(2000)
        realize_history_set_write_timestamps(1)
        realize_history_set_multiline_entries(1)
        if let historyPath {
            HistoryFile.createParentFolder(of: historyPath)
            _ = read_history(historyPath)
        }
    }

    /// The completer TAB consults, a snapshot of the session and the pending statement.
    package func setCompleter(_ completer: Completer) {
        editorState.withLock { $0.completer = completer }
    }

    /// Shows `prompt` and edits one line until Enter, Ctrl-C or Ctrl-D.
    package func readLine(prompt: String) -> LineEvent {
        editorState.withLock { $0.received = nil }
        prompt.withCString { rl_callback_handler_install($0, lineHandler) }
        while true {
            if interrupts.take() {
                abandonLine()
                return .interrupted
            }
            var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fds, 1, 200)
            if ready < 0 {
                if errno == EINTR { continue }
                rl_callback_handler_remove()
                return .endOfInput
            }
            if ready == 0 { continue }
            rl_callback_read_char()
            if let event = editorState.withLock({ $0.received }) { return event }
        }
    }

    /// Adds a whole statement (one entry even if it spans lines) to the history and saves the file.
    package func addHistory(_ entry: String) {
        guard entry.contains(where: { !$0.isWhitespace }), entry != lastEntry else { return }
        lastEntry = entry
        add_history(entry)
        add_history_time("#\(time(nil))")
        if let historyPath { _ = write_history(historyPath) }
    }

    /// Ctrl-C while editing: drop the line (and any search in progress) and leave the prompt.
    private func abandonLine() {
        rl_free_line_state()
        rl_callback_sigcleanup()
        FileDescriptorWriter.write("\n", to: 1)
        rl_replace_line("", 0)
        rl_callback_handler_remove()
    }
}

/// Readline calls this with each finished line (nil at end of input); it hands the line over.
private func lineHandler(_ line: UnsafeMutablePointer<CChar>?) {
    let event: LineEvent
    if let line {
        event = .line(String(cString: line))
        free(line)
    } else {
        event = .endOfInput
        FileDescriptorWriter.write("\n", to: 1)
    }
    editorState.withLock { $0.received = event }
    rl_callback_handler_remove()
}

/// Readline's completion hook: asks the completer, then lets readline walk the matches.
private func attemptCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    let word = text.map { String(cString: $0) } ?? ""
    let buffer = realize_rl_copy_line_buffer()
    let line = buffer.map { String(cString: $0) } ?? ""
    free(buffer)
    let result = editorState.withLock { state -> Completer.Result in
        state.completer?.complete(word: word, line: line, cursor: Int(end)) ?? .words([])
    }
    switch result {
    case .fileNames:
        realize_rl_set_attempted_completion_over(0)
        return nil
    case .words(let words):
        realize_rl_set_attempted_completion_over(1)
        if words.isEmpty { return nil }
        editorState.withLock {
            $0.matches = words; $0.matchIndex = 0
        }
        return rl_completion_matches(text, generateMatch)
    }
}

/// Readline's match generator: returns each match in turn, `strdup`'d (readline frees them).
private func generateMatch(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    let next: String? = editorState.withLock { s in
        if state == 0 { s.matchIndex = 0 }
        guard s.matchIndex < s.matches.count else { return nil }
        s.matchIndex += 1
        return s.matches[s.matchIndex - 1]
    }
    return next.flatMap { strdup($0) }
}
