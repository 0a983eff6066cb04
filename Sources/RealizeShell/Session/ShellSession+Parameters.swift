import RealizeQuery
import RealizeStore

extension ShellSession {
    /// `.param set NAME VALUE`, `.param list` (or `.param` alone), `.param unset NAME`, `.param clear`.
    ///
    /// VALUE is read like a literal of the language: `2025-12` a period, `2025-12-31` a date, `42` a
    /// number, `'text'` text, `true` a bool (a bare word is text). Queries use it as `$NAME`.
    /// - Parameter rawValue: the line after `.param set NAME`, quotes kept (`'2025-12'` is text).
    /// - Throws: ``ShellError`` `usage`, `bad-parameter`, `unknown-parameter`.
    func param(_ args: [String], rawValue: String, usage: String) throws(ShellError) {
        switch args.first ?? "list" {
        case "list":
            guard args.count <= 1 else { throw .usage(usage) }
            let names = query.parameters.keys.sorted()
            let values = names.map { query.parameters[$0]! }
            print(
                Table(
                    columns: [
                        Column(name: "name", type: .text, values: names.map { .text("$" + $0) }),
                        Column(name: "type", type: .text, values: values.map { .text($0.type?.rawValue ?? "null") }),
                        Column(name: "value", type: .text, values: values.map { .text($0.description) }),
                    ], rowCount: names.count))
        case "set":
            guard args.count >= 3 else { throw .usage(usage) }
            try setParameter(args[1], rawValue)
        case "unset":
            guard args.count == 2 else { throw .usage(usage) }
            let name = args[1].hasPrefix("$") ? String(args[1].dropFirst()) : args[1]
            guard query.parameters.removeValue(forKey: name) != nil else {
                throw ShellError("unknown-parameter", "unknown parameter `$\(name)`")
            }
        case "clear":
            guard args.count == 1 else { throw .usage(usage) }
            query.parameters = [:]
        default:
            throw ShellError("usage", "unknown `.param` action `\(args[0])`", hint: "usage: \(usage)")
        }
    }

    /// The text of `line` after its first `words` blank-separated words, trimmed.
    static func text(after words: Int, in line: String) -> String {
        var rest = Substring(line)
        for _ in 0..<words {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            rest = rest.drop { $0 != " " && $0 != "\t" }
        }
        return rest.trimmingCharacters(in: " \t")
    }

    /// Sets parameter `name` (with or without `$`) from `text`, read like a literal.
    ///
    /// - Throws: ``ShellError`` `bad-parameter` for a bad name or a malformed value.
    package func setParameter(_ name: String, _ text: String) throws(ShellError) {
        let name = name.hasPrefix("$") ? String(name.dropFirst()) : name
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic,
            name.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        else {
            throw ShellError("bad-parameter", "`\(name)` is not a parameter name", hint: "a name is letters, digits and _, e.g. period")
        }
        do throws(Diagnostic) {
            query.parameters[name] = try QuerySettings.parameterValue(text)
        } catch {
            throw ShellError("bad-parameter", "\(name): \(error.message)", hint: error.hint)
        }
    }
}
