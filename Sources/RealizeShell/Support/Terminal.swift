import CReadline
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Questions about the terminal the shell runs in.
package enum Terminal {
    /// Whether `fd` is a terminal.
    package static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// The size of the terminal on `fd` (via `TIOCGWINSZ`), or nil when it is not a terminal.
    package static func size(of fd: Int32 = 1) -> (rows: Int, columns: Int)? {
        var rows: Int32 = 0, cols: Int32 = 0
        guard realize_terminal_size(fd, &rows, &cols) == 0 else { return nil }
        return (Int(rows), Int(cols))
    }

    /// Whether ANSI colour may be written to `fd`: a terminal, `NO_COLOR` unset, `TERM` not `dumb`.
    package static func allowsColour(_ fd: Int32) -> Bool {
        guard isTerminal(fd) else { return false }
        if let v = getenv("NO_COLOR"), v.pointee != 0 { return false }
        if let t = getenv("TERM"), String(cString: t) == "dumb" { return false }
        return true
    }
}
