// PLACEHOLDER: the sample-portfolio helper replaces this file. API contract only.
import RealizeStore

/// The default sample portfolio, compiled into the binary.
public enum SamplePortfolio {
    /// The embedded tables (projects, financials, benefits, nps, maturity), parsed.
    public static func tables() -> [(name: String, table: Table)] { [] }
}
