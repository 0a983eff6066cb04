import Foundation
@_exported import RealizeTestSupport  // every test file here uses RealizeBinary

extension RealizeBinary {
    /// The shell tests' fixtures in the source tree (so that golden files can be re-recorded in place).
    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    }
}
