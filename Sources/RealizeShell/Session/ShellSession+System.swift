import Foundation

extension ShellSession {
    /// `.print TEXT…`: writes the words, separated by spaces, and a line break.
    func printText(_ args: [String]) {
        output.out(args.joined(separator: " ") + "\n")
    }

    /// `.cd DIR`: changes the working folder (`.load`, `.export`, `.read` and `.output` paths are relative to it).
    ///
    /// - Throws: ``ShellError`` `usage`, `io`.
    func changeDirectory(_ args: [String], usage: String) throws(ShellError) {
        guard args.count == 1 else { throw .usage(usage) }
        let path = Self.expandingTilde(args[0])
        guard FileManager.default.changeCurrentDirectoryPath(path) else {
            throw ShellError("io", "cannot change to `\(args[0])`: no such folder")
        }
    }

    /// `.shell CMD ARG…` (also `.system`): runs a program with those arguments, without a shell (no
    /// globbing, pipes or variables; run `sh -c '…'` for those), and passes on its output.
    ///
    /// - Throws: ``ShellError`` `usage`, `shell` when it cannot start or exits with a non-zero status.
    func runProgram(_ args: [String], usage: String) throws(ShellError) {
        guard let program = args.first else { throw .usage(usage) }
        let process = Process()
        if program.contains("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(args.dropFirst())
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = args
        }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.standardError
        do {
            try process.run()
        } catch {
            throw ShellError("shell", "cannot run `\(program)`: \(error.localizedDescription)")
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        output.out(String(decoding: outData, as: UTF8.self))
        if process.terminationStatus != 0 {
            throw ShellError("shell", "`\(program)` exited with status \(process.terminationStatus)")
        }
    }

    /// `path` with symbolic links and `.`/`..` resolved, when it exists (to recognise a script `.read` again).
    static func canonicalPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
