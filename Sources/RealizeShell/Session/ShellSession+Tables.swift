import RealizeQuery

extension ShellSession {
    /// `.drop NAME…`: removes tables from the catalog.
    ///
    /// - Throws: ``ShellError`` `usage`, `unknown-table` (nothing is dropped then).
    func drop(_ args: [String], usage: String) throws(ShellError) {
        guard !args.isEmpty else { throw .usage(usage) }
        for name in args where query.catalog[name] == nil { _ = try table(named: name) }
        for name in args {
            query.catalog.remove(name)
            definedNames.removeAll { $0 == name }
        }
    }

    /// `.rename OLD NEW`: gives a table another name (replacing a table called NEW).
    ///
    /// - Throws: ``ShellError`` `usage`, `unknown-table`, `bad-name`.
    func rename(_ args: [String], usage: String) throws(ShellError) {
        guard args.count == 2 else { throw .usage(usage) }
        let (old, new) = (args[0], args[1])
        guard old != "_", let t = query.catalog[old] else {
            _ = try table(named: old)
            throw ShellError("usage", "the last result `_` has no name to change", hint: "name it with `let \(new) = _`")
        }
        guard let first = new.unicodeScalars.first, first == "_" || first.properties.isAlphabetic, new != "_",
            new.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        else {
            throw ShellError("bad-name", "`\(new)` is not a table name", hint: "a name is letters, digits and _")
        }
        query.catalog.remove(old)
        query.catalog.set(new, t)
        if let i = definedNames.firstIndex(of: old) { definedNames[i] = new }
    }
}
