/// The default maturity vocabulary: P3M3's seven perspectives and five levels.
///
/// Dimensions are whatever the data names; P3M3's perspectives are listed first, in this order, when present
/// (matched case-insensitively, `Benefits` or `Benefits Management` alike), and any other dimension follows in
/// the order it first appears.
public enum MaturityModel {
    /// The seven P3M3 perspectives.
    public static let perspectives = [
        "Management Control", "Benefits Management", "Financial Management", "Stakeholder Engagement",
        "Risk Management", "Organisational Governance", "Resource Management",
    ]

    /// The five P3M3 levels, 1 to 5.
    public static let levels = ["awareness", "repeatable", "defined", "managed", "optimised"]

    /// The level reached by a score (the whole part: 2.9 has reached level 2, not 3), with its name: `2 repeatable`.
    public static func levelName(hundredths score: Int64) -> String {
        let level = Int(min(5, max(1, score / 100)))
        return "\(level) \(levels[level - 1])"
    }

    /// The level reached by a score given as a level (2.95 has reached level 2), with its name.
    public static func levelName(level score: Double) -> String {
        // A mean of hundredths is a fraction with a small denominator: nudge past binary rounding (2.9999… is 3).
        levelName(hundredths: Int64((score * 100 + 1e-6).rounded(.down)))
    }

    /// Position of a dimension in P3M3's order, or nil for another vocabulary.
    static func rank(_ dimension: String) -> Int? {
        let words = dimension.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).joined(separator: " ")
        return aliases[words]
    }

    /// Names of the perspectives as extracts spell them.
    private static let aliases: [String: Int] = [
        "management control": 0, "control": 0,
        "benefits management": 1, "benefit management": 1, "benefits": 1,
        "financial management": 2, "financial": 2, "finance": 2,
        "stakeholder engagement": 3, "stakeholder management": 3, "stakeholders": 3, "stakeholder": 3,
        "risk management": 4, "risk": 4,
        "organisational governance": 5, "organizational governance": 5, "governance": 5,
        "resource management": 6, "resources": 6, "resource": 6,
    ]
}
