import RealizeStore
/// `{{name}}` parameters: declared in a notebook's front matter, set with `--param name=value`,
/// replaced in its prose and blocks before anything runs.
package struct NotebookParameters: Sendable {
    /// Values by name.
    package private(set) var values: [String: String]
    /// Names in declaration order.
    package private(set) var names: [String]

    /// The notebook's declared defaults overridden by `assignments` (`name=value`).
    /// - Throws: ``NotebookError`` (line 0) for a malformed assignment, an undeclared name, or a
    ///   declared parameter left without a value.
    package init(declared: [(name: String, value: String)], assignments: [String]) throws(NotebookError) {
        values = [:]
        names = []
        for (name, value) in declared {
            if values[name] == nil { names.append(name) }
            values[name] = value
        }
        for a in assignments {
            guard let eq = a.firstIndex(of: "="), NotebookParameters.isName(String(a[..<eq])) else {
                throw NotebookError(line: 0, "`--param \(a)` is not of the form name=value")
            }
            let name = String(a[..<eq]), value = String(a[a.index(after: eq)...])
            guard values[name] != nil else {
                throw NotebookError(
                    line: 0, "unknown parameter `\(name)`",
                    hint: names.isEmpty
                        ? "this notebook declares no parameters (under `params:` in its front matter)"
                        : "this notebook's parameters: " + names.joined(separator: ", "))
            }
            guard !value.contains("\n") && !value.contains("\r") else { throw NotebookError(line: 0, "the value of `\(name)` holds a line break") }
            values[name] = value
        }
        if let missing = names.first(where: { values[$0]!.isEmpty }) {
            throw NotebookError(line: 0, "parameter `\(missing)` has no value", hint: "pass --param \(missing)=…")
        }
    }

    /// Letters, digits and `_`, not starting with a digit.
    static func isName(_ s: String) -> Bool {
        guard let f = s.first, f.isLetter || f == "_" else { return false }
        return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// `line` with every `{{name}}` (spaces inside the braces allowed) replaced by its value.
    /// - Throws: ``NotebookError`` at `lineNumber` naming an unknown parameter.
    package func substitute(_ line: String, lineNumber: Int) throws(NotebookError) -> String {
        guard line.contains("{{") else { return line }
        var out = ""
        var rest = Substring(line)
        while let open = Self.find("{{", in: rest) {
            out += rest[..<open.lowerBound]
            guard let close = Self.find("}}", in: rest[open.upperBound...]) else {
                out += rest[open.lowerBound...]
                return out
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: " ")
            guard let value = values[name] else {
                throw NotebookError(
                    line: lineNumber, "unknown parameter `\(name)`",
                    hint: names.isEmpty
                        ? "declare it under `params:` in the front matter, with a default"
                        : "this notebook's parameters: " + names.joined(separator: ", "))
            }
            out += value
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// The range of the first `needle` (two characters) in `text`.
    private static func find(_ needle: String, in text: Substring) -> Range<Substring.Index>? {
        let pair = Array(needle)
        var i = text.startIndex
        while i < text.endIndex {
            let next = text.index(after: i)
            if text[i] == pair[0], next < text.endIndex, text[next] == pair[1] { return i..<text.index(after: next) }
            i = next
        }
        return nil
    }
}
