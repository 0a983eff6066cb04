/// The one declaration of a table-valued command's arguments (`evm by program as of 2025-06`).
///
/// Parsing, checking, diagnostics with did-you-mean, `.help NAME` and Tab completion are all derived from it,
/// the way swift-argument-parser derives them from a command's properties.
public struct CommandSignature: Sendable {
    /// The word that names the command.
    public var name: String
    /// One line for `.help`.
    public var summary: String
    /// An argument written first, without a keyword (`trend METRIC`, `appraise TABLE …`).
    public var positional: Positional?
    /// Keyword arguments and flags, in any order, each at most once.
    public var options: [CommandOption]
    /// A complete example, shown by `.help NAME`.
    public var example: String

    public init(name: String, summary: String, positional: Positional? = nil, options: [CommandOption], example: String) {
        self.name = name
        self.summary = summary
        self.positional = positional
        self.options = options
        self.example = example
    }

    /// A positional argument.
    public struct Positional: Sendable {
        /// The key its value is found under.
        public var key: String
        /// How the usage line shows it: `METRIC`, `TABLE`.
        public var placeholder: String
        public var kind: ArgumentKind
        /// Whether it may be left out; an optional positional is taken only when the next word is no option's.
        public var optional: Bool
        public var help: String

        public init(key: String, placeholder: String, kind: ArgumentKind, optional: Bool = false, help: String) {
            self.key = key
            self.placeholder = placeholder
            self.kind = kind
            self.optional = optional
            self.help = help
        }
    }

    /// The option introduced by `word` (or, for a bare choice such as `quarterly`, accepting it).
    func option(startingWith word: String) -> CommandOption? {
        let w = word.lowercased()
        return options.first { o in
            if let first = o.words.first { return first == w || o.aliases.contains(w) }
            if case .choice(let values) = o.kind { return values.contains(w) || o.aliases.contains(w) }
            return false
        }
    }

    /// Every word that can start an option, for did-you-mean and completion.
    var optionWords: [String] {
        options.flatMap { o -> [String] in
            if let first = o.words.first { return [first] }
            if case .choice(let values) = o.kind { return values }
            return []
        }
    }
}

/// One keyword argument or flag of a command.
public struct CommandOption: Sendable {
    /// The key its value is found under in ``CommandArguments``.
    public var key: String
    /// The words that introduce it (`["by"]`, `["as", "of"]`, `["adjusted"]`); empty for a bare choice
    /// (`monthly|quarterly|yearly`), whose word is its value.
    public var words: [String]
    /// Other spellings of the first word (`series` for `detail`).
    public var aliases: [String]
    public var kind: ArgumentKind
    /// One line for `.help NAME`.
    public var help: String

    public init(_ key: String, words: [String], aliases: [String] = [], kind: ArgumentKind, help: String) {
        self.key = key
        self.words = words
        self.aliases = aliases
        self.kind = kind
        self.help = help
    }

    /// A flag: its words alone (`adjusted`).
    public static func flag(_ word: String, aliases: [String] = [], help: String) -> CommandOption {
        CommandOption(word, words: [word], aliases: aliases, kind: .flag, help: help)
    }
}

/// What an argument's value is.
public enum ArgumentKind: Sendable {
    /// No value: the words alone.
    case flag
    /// One word of a closed set (`eac cpi|plan|cpi_spi`); an unknown word is an error with did-you-mean.
    case choice([String])
    /// A name: a column, table, unit or level (an identifier, a keyword or a quoted string); `suggestions` are
    /// offered by completion and named in help, others are accepted and checked by the command.
    case name(String, suggestions: [String])
    /// Names separated by commas.
    case names(String, suggestions: [String])
    /// A month, `YYYY-MM`.
    case period
    /// A date `YYYY-MM-DD`, or a month `YYYY-MM` read as its last day.
    case date
    /// A whole number of at least `minimum`.
    case integer(minimum: Int)
    /// A plain number.
    case number
    /// A rate: `8%`, or `0.08` (a plain number above 1 is read as a percentage: `rate 8`).
    case rate

    /// How help and usage show the value.
    var placeholder: String {
        switch self {
        case .flag: return ""
        case .choice(let values): return values.joined(separator: "|")
        case .name(let what, let suggestions), .names(let what, let suggestions):
            return suggestions.isEmpty ? what : (suggestions + [what]).joined(separator: "|")
        case .period: return "YYYY-MM"
        case .date: return "YYYY-MM-DD"
        case .integer: return "N"
        case .number: return "X"
        case .rate: return "R%"
        }
    }

    /// The words completion offers for the value.
    var completions: [String] {
        switch self {
        case .choice(let values): return values
        case .name(_, let suggestions), .names(_, let suggestions): return suggestions
        default: return []
        }
    }
}
