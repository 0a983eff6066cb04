import RealizeStore

/// A parsed argument value, typed by its ``ArgumentKind``.
public enum ArgumentValue: Sendable {
    case flag
    case word(String)
    case names([(text: String, range: SourceRange)])
    case period(Int32)
    case date(Int32)
    case integer(Int)
    case number(Double)
}

/// The arguments of one command call, checked against its ``CommandSignature``: each value under its key,
/// with where it was written.
public struct CommandArguments: Sendable {
    var values: [String: (value: ArgumentValue, range: SourceRange)] = [:]

    public init() {}

    /// Whether the argument `key` was given.
    public func has(_ key: String) -> Bool { values[key] != nil }

    /// Where argument `key` was written (its words and value).
    public func range(_ key: String) -> SourceRange? { values[key]?.range }

    /// A choice or single name, as written (choices lower-cased).
    public func word(_ key: String) -> String? {
        switch values[key]?.value {
        case .word(let w): return w
        case .names(let n): return n.first?.text
        default: return nil
        }
    }

    /// A single name and where it was written.
    public func name(_ key: String) -> (text: String, range: SourceRange)? {
        if case .names(let n) = values[key]?.value { return n.first }
        if case .word(let w) = values[key]?.value, let r = values[key]?.range { return (w, r) }
        return nil
    }

    /// A list of names.
    public func names(_ key: String) -> [(text: String, range: SourceRange)]? {
        if case .names(let n) = values[key]?.value { return n }
        return nil
    }

    /// A period (`YYYY-MM`) or a date, as days or months as the kind says.
    public func period(_ key: String) -> Int32? {
        if case .period(let p) = values[key]?.value { return p }
        return nil
    }

    /// A date in days since 1970-01-01.
    public func date(_ key: String) -> Int32? {
        if case .date(let d) = values[key]?.value { return d }
        return nil
    }

    public func integer(_ key: String) -> Int? {
        if case .integer(let n) = values[key]?.value { return n }
        return nil
    }

    /// A number or rate.
    public func number(_ key: String) -> Double? {
        if case .number(let x) = values[key]?.value { return x }
        return nil
    }

    mutating func set(_ key: String, _ value: ArgumentValue, range: SourceRange) { values[key] = (value, range) }
}

/// A command as written in a statement: which command, its checked arguments, and where it is.
public struct CommandCall: Sendable {
    public var name: String
    public var arguments: CommandArguments
    /// The command's name.
    public var nameRange: SourceRange
    /// The whole call, name and arguments.
    public var range: SourceRange
    /// The call's text as written, for `explain`.
    public var text: String
}
