/// One unit of shell input: a dot command or a query, with where it came from.
package struct Statement: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// A line starting with `.`, such as `.tables`.
        case dotCommand
        /// Query text for ``RealizeQuery/QuerySession/run(_:cancel:)``.
        case query
    }

    package var kind: Kind
    /// The statement's text (for a query, possibly several lines joined by `\n`).
    package var text: String
    /// The 1-based line of the source on which the statement starts.
    package var firstLine: Int
    /// The 1-based column (in characters) on `firstLine` at which the statement's text starts.
    package var firstColumn: Int
    /// The complete source lines the statement spans, for showing diagnostics in context.
    package var sourceLines: [String]

    package init(kind: Kind, text: String, firstLine: Int, firstColumn: Int = 1, sourceLines: [String]) {
        self.kind = kind
        self.text = text
        self.firstLine = firstLine
        self.firstColumn = firstColumn
        self.sourceLines = sourceLines
    }
}
