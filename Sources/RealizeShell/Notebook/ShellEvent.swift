import RealizeStore

/// What a statement produced, as a ``ShellSession`` tells its observer (a notebook run collects
/// these to put each result under its block).
package enum ShellEvent {
    /// A query's or domain command's result.
    case table(Table)
    /// `let NAME = …` defined a table.
    case defined(name: String, table: Table)
    /// A `| chart …` stage: its SVG, and the file it was written to with `to PATH`.
    case chart(title: String, svg: String, file: String?, table: Table)
    /// `.export` wrote these files.
    case exported(paths: [String])
    /// Text a statement printed (a plan, a dot command's listing).
    case text(String)
}
