import Foundation
@_exported import RealizeTestSupport  // every test file here uses RealizeBinary

extension RealizeBinary {
    /// The shell tests' fixtures in the source tree (so that golden files can be re-recorded in place).
    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// The shared data generator, `../shared/gen_portfolio.py` beside the project (wherever it was cloned).
    static var portfolioGenerator: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/gen_portfolio.py").standardized.path
    }
}
