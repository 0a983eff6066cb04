/// A path pattern with `*`, `?` and `[…]` in any of its components (no `**`), expanded against the
/// file system in sorted order so that stacking the matches is deterministic.
public struct PathGlob: Sendable, Equatable {
    /// One file the pattern matched, with the text its wildcards stood for.
    public struct Match: Sendable, Equatable {
        /// The path, as the pattern spells its fixed parts.
        public var path: String
        /// For each component with a wildcard, what it matched: the whole name for a folder, the
        /// part matched by the wildcards for the last component (`financials_*.csv` gives `2025-10`).
        public var captures: [String]
    }

    /// The pattern as written.
    public let pattern: String

    public init(_ pattern: String) { self.pattern = pattern }

    /// Whether `text` holds a wildcard (`*`, `?` or `[`), so that it is a pattern rather than a path.
    public static func isPattern(_ text: String) -> Bool { text.contains { $0 == "*" || $0 == "?" || $0 == "[" } }

    /// The files (not folders) matching the pattern, sorted by path; hidden names (a leading `.`)
    /// match only a pattern that spells the dot.
    public func expand() -> [Match] {
        let absolute = pattern.hasPrefix("/")
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !parts.isEmpty else { return [] }
        var frontier: [(path: String, captures: [String])] = [(absolute ? "/" : "", [])]
        for (k, part) in parts.enumerated() {
            let last = k == parts.count - 1
            var next: [(path: String, captures: [String])] = []
            for (dir, captures) in frontier {
                if !Self.isPattern(part) {
                    let path = Self.join(dir, part)
                    if let kind = FileSystem.kind(of: path), (kind == .file) == last { next.append((path, captures)) }
                    continue
                }
                guard case .success(let names) = FileSystem.listDirectory(dir.isEmpty ? "." : dir) else { continue }
                for name in names.sorted() where (part.hasPrefix(".") || !name.hasPrefix(".")) {
                    guard let caught = Self.match(Array(part.unicodeScalars), Array(name.unicodeScalars)) else { continue }
                    let path = Self.join(dir, name)
                    guard let kind = FileSystem.kind(of: path), (kind == .file) == last else { continue }
                    next.append((path, captures + [last ? caught : name]))
                }
            }
            frontier = next
        }
        return frontier.map { Match(path: $0.path, captures: $0.captures) }.sorted { $0.path < $1.path }
    }

    /// The pattern's last component with its wildcards removed (`financials_*.csv` → `financials_.csv`),
    /// which names the table a flat glob gives.
    public var fixedFileName: String {
        let last = pattern.split(separator: "/").last.map(String.init) ?? pattern
        var out = ""
        var inBracket = false
        for c in last {
            if inBracket {
                if c == "]" { inBracket = false }
            } else if c == "[" {
                inBracket = true
            } else if c != "*" && c != "?" {
                out.append(c)
            }
        }
        return out
    }

    /// Whether the last component holds a wildcard.
    public var fileNameIsPattern: Bool { Self.isPattern(pattern.split(separator: "/").last.map(String.init) ?? pattern) }

    private static func join(_ dir: String, _ name: String) -> String {
        dir.isEmpty ? name : dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }

    /// Matches one path component against one pattern component; returns the text the wildcards matched
    /// (joined), or nil when it does not match.
    public static func match(_ pattern: String, _ name: String) -> String? {
        match(Array(pattern.unicodeScalars), Array(name.unicodeScalars))
    }

    static func match(_ p: [Unicode.Scalar], _ s: [Unicode.Scalar]) -> String? {
        var caught: [Unicode.Scalar] = []
        return matchFrom(p, 0, s, 0, &caught) ? String(String.UnicodeScalarView(caught)) : nil
    }

    private static func matchFrom(
        _ p: [Unicode.Scalar], _ i: Int, _ s: [Unicode.Scalar], _ j: Int, _ caught: inout [Unicode.Scalar]
    ) -> Bool {
        if i == p.count { return j == s.count }
        switch p[i] {
        case "*":
            // Shortest first would split `2025-10` oddly for `*_*`; longest-first is the shell's behaviour too.
            var end = s.count
            while end >= j {
                let mark = caught.count
                caught.append(contentsOf: s[j..<end])
                if matchFrom(p, i + 1, s, end, &caught) { return true }
                caught.removeSubrange(mark...)
                end -= 1
            }
            return false
        case "?":
            guard j < s.count else { return false }
            caught.append(s[j])
            if matchFrom(p, i + 1, s, j + 1, &caught) { return true }
            caught.removeLast()
            return false
        case "[":
            guard j < s.count, let close = p[(i + 1)...].firstIndex(of: "]"), close > i + 1 else {
                return j < s.count && p[i] == s[j] && matchFrom(p, i + 1, s, j + 1, &caught)
            }
            var set = Array(p[(i + 1)..<close])
            let negate = set.first == "!" || set.first == "^"
            if negate { set.removeFirst() }
            var hit = false
            var k = 0
            while k < set.count {
                if k + 2 < set.count, set[k + 1] == "-" {
                    if set[k].value <= s[j].value && s[j].value <= set[k + 2].value { hit = true }
                    k += 3
                } else {
                    if set[k] == s[j] { hit = true }
                    k += 1
                }
            }
            guard hit != negate else { return false }
            caught.append(s[j])
            if matchFrom(p, close + 1, s, j + 1, &caught) { return true }
            caught.removeLast()
            return false
        default:
            return j < s.count && p[i] == s[j] && matchFrom(p, i + 1, s, j + 1, &caught)
        }
    }
}
