import Foundation

/// An ODBC connection string (`DSN=pmo;Uid=pmo;Pwd=$PGPASSWORD`) as the user wrote it, with the
/// rules that keep its password secret.
///
/// A value written `$NAME` is read from the environment variable NAME when connecting, so a script
/// or a history file holds the variable's name, never the secret. ``masked`` is the only form that
/// is ever shown: `Pwd=` and `Password=` values become `***` (a `$NAME` reference is kept: it
/// names a variable and holds no secret).
public struct ConnectionString: Sendable, Hashable, CustomStringConvertible {
    /// The text as written, `$NAME` references unexpanded.
    public let text: String

    public init(_ text: String) { self.text = text }

    /// The attribute names whose values are secret.
    static let secretKeys: Set<String> = ["pwd", "password"]

    /// The `key=value` pairs in order (keys as written; `{…}` values keep their braces).
    var pairs: [(key: String, value: String)] {
        var out: [(String, String)] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            guard let eq = rest.firstIndex(of: "=") else {
                out.append((String(rest), ""))
                break
            }
            let key = rest[..<eq]
            var i = rest.index(after: eq)
            if i < rest.endIndex, rest[i] == "{" {
                i = rest[i...].firstIndex(of: "}").map { rest.index(after: $0) } ?? rest.endIndex
            }
            let end = rest[i...].firstIndex(of: ";") ?? rest.endIndex
            out.append((String(key), String(rest[rest.index(after: eq)..<end])))
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : ""
        }
        return out
    }

    /// The string with `Pwd=`/`Password=` values replaced by `***`: what messages, listings,
    /// history and reports show.
    public var masked: String { Self.maskSecrets(in: text) }

    public var description: String { masked }

    /// The string handed to the driver: each value written `$NAME` replaced by that environment
    /// variable's value (left as written when the variable is not set).
    public func resolved(environment: (String) -> String? = ConnectionString.processEnvironment) -> String {
        pairs.map { p in
            let v = p.value.trimmingSpaces()
            guard v.hasPrefix("$"), v.count > 1, let value = environment(String(v.dropFirst())) else { return "\(p.key)=\(p.value)" }
            return "\(p.key)=\(value.contains(";") ? "{\(value)}" : value)"
        }.joined(separator: ";")
    }

    /// The secret values that must never appear in a message: each password, written or expanded.
    public func secrets(environment: (String) -> String? = ConnectionString.processEnvironment) -> [String] {
        var out: [String] = []
        for p in pairs where Self.secretKeys.contains(p.key.trimmingSpaces().lowercased()) {
            let v = p.value.trimmingSpaces()
            if !v.isEmpty { out.append(v) }
            if v.hasPrefix("$"), let e = environment(String(v.dropFirst())), !e.isEmpty { out.append(e) }
        }
        return out
    }

    /// `text` with every secret of this connection string replaced by `***`.
    public func mask(_ message: String) -> String {
        var out = message
        for s in secrets() where s.count >= 1 { out = out.replacingAll(s, with: "***") }
        return out
    }

    /// Reads a variable from the process environment.
    public static func processEnvironment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Masks every `Pwd=…`/`Password=…` value in free text (a history line, a command echo).
    public static func maskSecrets(in line: String) -> String {
        var out = ""
        var rest = Substring(line)
        while let r = rest.firstSecretKey() {
            out += rest[..<r.upperBound]
            var i = r.upperBound
            if i < rest.endIndex, rest[i] == "$" {  // `Pwd=$NAME` names a variable: not a secret, kept
                out += "$"
                rest = rest[rest.index(after: i)...]
                continue
            }
            if i < rest.endIndex, rest[i] == "{" {
                i = rest[i...].firstIndex(of: "}").map { rest.index(after: $0) } ?? rest.endIndex
            } else {
                while i < rest.endIndex, !";'\" \t\n".contains(rest[i]) { i = rest.index(after: i) }
            }
            out += "***"
            rest = rest[i...]
        }
        return out + rest
    }
}

extension Substring {
    /// The range of the first `pwd=` or `password=` (any case) that starts an attribute.
    fileprivate func firstSecretKey() -> Range<Index>? {
        let lower = self.lowercased()
        var best: Range<Index>? = nil
        for key in ["pwd=", "password="] {
            var from = lower.startIndex
            while let r = lower[from...].firstRange(of: key) {
                let start = r.lowerBound
                let okStart = start == lower.startIndex || ";'\" \t:".contains(lower[lower.index(before: start)])
                if okStart {
                    let offset = lower.distance(from: lower.startIndex, to: start)
                    let s = index(startIndex, offsetBy: offset)
                    let e = index(s, offsetBy: key.count)
                    if best == nil || s < best!.lowerBound { best = s..<e }
                    break
                }
                from = r.upperBound
            }
        }
        return best
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    /// Every occurrence of `target` replaced by `replacement`.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
