/// A problem with a dot command or with loading and exporting: a stable code and a message.
package struct ShellError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable identifier, asserted on by tests (`unknown-command`, `usage`, `unknown-table`, …).
    package var code: String
    package var message: String
    /// A suggestion such as "did you mean `.schema`?".
    package var hint: String?

    /// Whether `message` is already a complete rendering (such as a CSV error's `file:line:column: error: …`).
    package var isPreformatted = false

    package init(_ code: String, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    /// Wraps an error that renders itself, printed as it is.
    package init(preformatted code: String, _ text: String) {
        self.init(code, text)
        isPreformatted = true
    }

    package var description: String {
        if isPreformatted { return message }
        return "error: \(message)" + (hint.map { "\nhint: \($0)" } ?? "")
    }

    /// A usage error for a dot command.
    package static func usage(_ usage: String) -> ShellError {
        ShellError("usage", "usage: \(usage)")
    }
}
