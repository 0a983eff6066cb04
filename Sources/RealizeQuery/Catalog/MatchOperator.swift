/// A text-matching predicate: `contains`, `starts with`, `ends with` (case-sensitive) and `like`
/// (case-insensitive, `%` any run and `_` one character).
public enum MatchOperator: String, CaseIterable, Sendable {
    case contains
    case starts
    case ends
    case like

    /// One line for help.
    public var help: String {
        switch self {
        case .contains: "text contains the pattern"
        case .starts: "text starts with the pattern"
        case .ends: "text ends with the pattern"
        case .like: "SQL LIKE, case-insensitive: `%` any run, `_` one character"
        }
    }

    /// Whether `s` matches `pattern`.
    func test(_ s: String, _ pattern: String) -> Bool {
        switch self {
        case .contains: s.contains(pattern)
        case .starts: s.hasPrefix(pattern)
        case .ends: s.hasSuffix(pattern)
        case .like: MatchOperator.like(Array(s.lowercased()), Array(pattern.lowercased()))
        }
    }

    /// SQL LIKE: `%` any run, `_` one character.
    static func like(_ s: [Character], _ p: [Character]) -> Bool {
        var si = 0
        var pi = 0
        var star = -1
        var mark = 0
        while si < s.count {
            if pi < p.count && (p[pi] == "_" || p[pi] == s[si]) {
                si += 1
                pi += 1
            } else if pi < p.count && p[pi] == "%" {
                star = pi
                mark = si
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                si = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "%" { pi += 1 }
        return pi == p.count
    }
}
