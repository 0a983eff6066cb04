/// The function names and help lines by family, read from ``FunctionCatalog`` (kept for the callers that
/// predate the catalog).
public enum Functions {
    /// Aggregate name → help line.
    public static var aggregates: [String: String] { lines(.aggregate) }
    /// Window function name → help line.
    public static var windows: [String: String] { lines(.window) }
    /// Scalar function name → help line.
    public static var scalars: [String: String] { lines(.scalar) }
    /// Every function name, for completion.
    public static var allNames: [String] { FunctionCatalog.allNames }

    private static func lines(_ kind: FunctionCatalog.Kind) -> [String: String] {
        Dictionary(
            FunctionCatalog.entries.filter { $0.kind == kind }.map { ($0.name, $0.help) }, uniquingKeysWith: { a, _ in a })
    }
}
