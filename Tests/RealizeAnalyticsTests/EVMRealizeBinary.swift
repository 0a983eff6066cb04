import Foundation

/// What one run of the built `realize` binary produced.
struct EVMRunResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var timedOut: Bool
}

/// Runs the `realize` executable built beside this test bundle (copied from the shell tests' helper).
enum EVMBinary {
    /// The executable: SwiftPM puts it in the same folder as the test bundle and its resources.
    static var url: URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ].map { $0.appendingPathComponent("realize") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// Runs `realize` with `arguments`, feeding `stdin` through a pipe (never a terminal).
    ///
    /// The process is killed after `timeout` seconds, so a hung shell fails the test instead of hanging CI.
    static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:],
                    currentDirectory: URL? = nil, timeout: TimeInterval = 30) throws -> EVMRunResult {
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
        let collected = EVMCollected()
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
        return EVMRunResult(status: process.terminationStatus, stdout: collected.text(isOut: true),
                         stderr: collected.text(isOut: false), timedOut: timedOut)
    }
}

/// Output gathered from two reader threads.
private final class EVMCollected: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data(), err = Data()
    func set(_ d: Data, isOut: Bool) { lock.withLock { if isOut { out = d } else { err = d } } }
    func text(isOut: Bool) -> String { lock.withLock { String(decoding: isOut ? out : err, as: UTF8.self) } }
}
