import Foundation
import RealizeStore
import Testing
import RealizeTestSupport
@testable import RealizeShell

/// Helpers for the export, chart and notebook tests: a captured session, and LibreOffice and Chromium.
enum ExportSupport {
    /// A session over the sample portfolio whose output is captured.
    final class Session {
        var out = ""
        var err = ""
        let folder: URL
        lazy var session: ShellSession = {
            let catalog = (try? Launcher.loadCatalog([]).get().0) ?? Catalog()
            let s = ShellSession(catalog: catalog, format: .csv, output: ShellOutput(out: { self.out += $0 }, err: { self.err += $0 }))
            s.outputFolder = folder.path
            return s
        }()

        init() throws { folder = try RealizeBinary.temporaryFolder() }

        /// Runs `text` as a script (statements, dot commands); returns the last outcome.
        @discardableResult
        func run(_ text: String) -> ShellSession.Outcome {
            BatchRunner(session: session).run(text: text, sourceName: "query")
        }

        func file(_ name: String) -> URL { folder.appendingPathComponent(name) }
    }

}
