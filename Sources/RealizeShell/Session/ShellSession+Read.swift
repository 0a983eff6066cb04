extension ShellSession {
    /// How deep `.read` may nest: a script that reads a script that reads … (a cycle is caught earlier).
    static let maxReadDepth = 16

    /// `.read FILE`: runs the statements of FILE in this session, as `realize FILE` would, with errors
    /// at `FILE:LINE:COLUMN`. Stops at the first failing statement unless `--keep-going` is on.
    ///
    /// - Returns: the outcome of the script (`.failure` once its errors have been reported).
    /// - Throws: ``ShellError`` `usage`, `io` (the file cannot be read), `read-cycle`, `read-depth`.
    func read(_ args: [String], usage: String) throws(ShellError) -> Outcome {
        guard args.count == 1 else { throw .usage(usage) }
        let path = args[0]
        let key = Self.canonicalPath(Self.expandingTilde(path))
        if readStack.contains(key) {
            throw ShellError(
                "read-cycle", "`.read \(path)` would run a script that is already running", hint: "a script cannot read itself, directly or through another")
        }
        guard readStack.count < Self.maxReadDepth else {
            throw ShellError("read-depth", "`.read` nests more than \(Self.maxReadDepth) scripts deep")
        }
        let text: String
        switch TextFile.read(Self.expandingTilde(path)) {
        case .failure(let error): throw error
        case .success(let t): text = t
        }
        readStack.append(key)
        defer { readStack.removeLast() }
        return BatchRunner(session: self).run(text: text, sourceName: path)
    }
}
