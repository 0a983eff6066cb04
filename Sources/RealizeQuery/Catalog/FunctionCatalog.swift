/// Every function of the language in one place: scalar functions, aggregates and window functions.
///
/// The binder resolves a name here once; the bound expression then carries the entry itself, never its name.
/// Help and completion read ``entries``.
public enum FunctionCatalog {
    /// What a name resolves to.
    public enum Resolved: Sendable, Equatable {
        case scalar(ScalarFunction)
        case aggregate(AggregateFunction)
        case window(WindowFunction)
    }

    /// A function for help and completion: its name, its call as text, and one line of help.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var kind: Kind
        public var signature: String
        public var help: String
    }

    /// The three families of functions, in the order help lists them.
    public enum Kind: String, Sendable, CaseIterable {
        case scalar = "Scalar functions"
        case aggregate = "Aggregates (in `agg` and `by … agg`)"
        case window = "Window functions (in `window … derive`)"
    }

    /// The function a name (as written, case-insensitive) resolves to, or nil.
    public static func resolve(_ name: String) -> Resolved? {
        let key = name.lowercased()
        if let a = AggregateFunction(rawValue: key) { return .aggregate(a) }
        if let a = AggregateFunction.allCases.first(where: { $0.aliases.contains(key) }) { return .aggregate(a) }
        if let w = WindowFunction(rawValue: key) { return .window(w) }
        if let s = ScalarFunction(rawValue: key) { return .scalar(s) }
        return nil
    }

    /// Every function, scalar functions first, then aggregates (with their aliases), then window functions.
    public static let entries: [Entry] =
        ScalarFunction.allCases.map { Entry(name: $0.name, kind: .scalar, signature: $0.signature, help: $0.help) }
        + AggregateFunction.allCases.flatMap { a in
            [Entry(name: a.name, kind: .aggregate, signature: a.signature, help: a.help)]
                + a.aliases.map {
                    Entry(name: $0, kind: .aggregate, signature: "\($0)(x)", help: "same as `\(a.name)`")
                }
        }
        + WindowFunction.allCases.map { Entry(name: $0.name, kind: .window, signature: $0.signature, help: $0.help) }

    /// Every function name, for completion and did-you-mean.
    public static var allNames: [String] { entries.map(\.name) }
}
