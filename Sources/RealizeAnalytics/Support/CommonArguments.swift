import RealizeQuery

/// Arguments several commands declare alike, so that they read and complete the same everywhere.
enum CommonArguments {
    /// The roll-up levels of the project hierarchy.
    static let levels = ["project", "program", "portfolio", "total"]

    /// `by project|program|portfolio|total|COLUMN`.
    static func level(help: String = "the roll-up: project, program, portfolio, total, or a column of projects") -> CommandOption {
        CommandOption("by", words: ["by"], kind: .name("COLUMN", suggestions: levels), help: help)
    }

    /// `as of YYYY-MM`.
    static let asOf = CommandOption(
        "as_of", words: ["as", "of"], kind: .period, help: "the status period (default: the latest period in the data)")

    /// `from TABLE`.
    static func from(_ defaultTable: String) -> CommandOption {
        CommandOption("from", words: ["from"], kind: .name("TABLE", suggestions: []), help: "the input table (default: `\(defaultTable)`)")
    }

    /// The level given with `by`, normalised (`programs`, `programme` → `program`), and where it was written.
    static func level(_ call: CommandCall, default level: String) -> (String, SourceRange) {
        guard let (name, range) = call.arguments.name("by") else { return (level, call.nameRange) }
        var n = name.lowercased()
        if ["projects", "programs", "portfolios"].contains(n) { n.removeLast() }
        if n == "programme" { n = "program" }
        return (["project", "program", "portfolio", "total", "all"].contains(n) ? n : name, range)
    }
}
