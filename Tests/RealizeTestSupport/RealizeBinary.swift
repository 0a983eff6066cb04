import Foundation
import Synchronization

/// What one run of the built `realize` binary produced.
public struct RunResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var timedOut: Bool
}

/// Runs the `realize` executable built beside the test bundle (every test target's end-to-end tests use this).
public enum RealizeBinary {
    /// The executable: SwiftPM puts it in the same folder as the test bundle and its resources.
    public static var url: URL {
        let candidates = [
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ].map { $0.appendingPathComponent("realize") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// Runs `realize` with `arguments`, feeding `stdin` through a pipe (never a terminal).
    ///
    /// The process is killed after `timeout` seconds, so a hung shell fails the test instead of hanging CI.
    public static func run(
        _ arguments: [String], stdin: String = "", environment: [String: String] = [:],
        currentDirectory: URL? = nil, timeout: TimeInterval = 30
    ) throws -> RunResult {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        let collected = Collected()
        let readers = DispatchGroup()
        for (pipe, isOut) in [(output, true), (errors, false)] {
            readers.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, isOut: isOut)
                readers.leave()
            }
        }
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try? input.fileHandleForWriting.close()
        var timedOut = false
        if done.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            kill(process.processIdentifier, SIGKILL)
            done.wait()
        }
        _ = readers.wait(timeout: .now() + 5)
        return RunResult(
            status: process.terminationStatus, stdout: collected.text(isOut: true),
            stderr: collected.text(isOut: false), timedOut: timedOut)
    }

    /// A fresh temporary folder, removed with everything in it when the test process exits (a test that fails
    /// half-way still leaves nothing behind in the system's temporary folder).
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("realize-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        TemporaryFolders.shared.add(url)
        return url
    }
}

/// The folders ``RealizeBinary/temporaryFolder()`` made, removed by an `atexit` handler installed with the first.
private final class TemporaryFolders: Sendable {
    static let shared = TemporaryFolders()
    private let folders = Mutex<[URL]>([])

    private init() {
        atexit { TemporaryFolders.shared.removeAll() }
    }

    func add(_ url: URL) { folders.withLock { $0.append(url) } }

    func removeAll() {
        for url in folders.withLock({ $0 }) { try? FileManager.default.removeItem(at: url) }
    }
}

/// Output gathered from two reader threads.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data(), err = Data()
    func set(_ d: Data, isOut: Bool) { lock.withLock { if isOut { out = d } else { err = d } } }
    func text(isOut: Bool) -> String { lock.withLock { String(decoding: isOut ? out : err, as: UTF8.self) } }
}
