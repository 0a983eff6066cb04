/// Depth limits: no input can drive the parser, or anything that walks the trees it builds (binder, optimizer,
/// evaluator), to the end of the stack.
///
/// Two measures are kept. `depth` counts the recursive constructs open around the current token (brackets,
/// `not`, unary minus, calls, `if`, `case`, bracketed pipelines) and guards the parser's own recursion.
/// `height` is the height of the expression tree just built, so that a long left-associative chain
/// (`1 + 1 + … + 1`, `a and b and …`), which the parser reads in a loop but which makes a tree as deep as it
/// is long, is refused too. Either past ``Parser/maximumDepth`` is the error `nested-too-deeply`.
extension Parser {
    /// The deepest expression accepted, in tree levels or nested constructs. Every later stage recurses over
    /// the tree, the binder with the largest frames: 256 levels stay far from an 8 MB stack even in a debug build.
    public static let maximumDepth = 256

    /// Enters a nested construct at the current token; pair with `leave()`.
    /// - Throws: `nested-too-deeply` at the current token past ``maximumDepth``.
    mutating func enter() throws(Failure) {
        if depth + 1 > Parser.maximumDepth { throw tooDeep(at: current.range) }
        depth += 1
    }

    /// Leaves a construct entered with `enter()`.
    mutating func leave() { depth -= 1 }

    /// Records `h` as the height of the expression just built.
    /// - Throws: `nested-too-deeply` at `range` when the tree, with what encloses it, passes ``maximumDepth``.
    mutating func built(height h: Int, at range: SourceRange) throws(Failure) {
        height = h
        if depth + h > Parser.maximumDepth { throw tooDeep(at: range) }
    }

    private mutating func tooDeep(at range: SourceRange) -> Failure {
        fail(
            .nestedTooDeeply, "expression nested too deeply (more than \(Parser.maximumDepth) levels)", at: range,
            hint: "split it into several `derive` stages, or use `in (…)` for a long list of alternatives")
    }
}
