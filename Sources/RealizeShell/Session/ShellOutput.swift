/// Where the shell writes results and messages, and what kind of place that is.
///
/// The standard one writes to file descriptors 1 and 2; tests can capture into strings.
package final class ShellOutput {
    private let writeOut: (String) -> Void
    private let writeErr: (String) -> Void
    /// Whether results go to a terminal (results are then capped to its size).
    package let stdoutIsTerminal: Bool
    /// ANSI colour for results.
    package let stdoutColour: Bool
    /// ANSI colour for diagnostics.
    package let stderrColour: Bool

    package init(
        stdoutIsTerminal: Bool = false, stdoutColour: Bool = false, stderrColour: Bool = false,
        out: @escaping (String) -> Void, err: @escaping (String) -> Void
    ) {
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stdoutColour = stdoutColour
        self.stderrColour = stderrColour
        writeOut = out
        writeErr = err
    }

    /// Standard output and standard error of this process.
    package static func standard() -> ShellOutput {
        ShellOutput(
            stdoutIsTerminal: Terminal.isTerminal(1), stdoutColour: Terminal.allowsColour(1), stderrColour: Terminal.allowsColour(2),
            out: { FileDescriptorWriter.write($0, to: 1) }, err: { FileDescriptorWriter.write($0, to: 2) })
    }

    /// Writes to standard output.
    package func out(_ text: String) { writeOut(text) }
    /// Writes to standard error.
    package func err(_ text: String) { writeErr(text) }
}
