#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Launcher {
    /// Sets the `--param` parameters, runs the start-up script and the `--cmd` statements.
    ///
    /// The start-up script is `--init FILE`, else (for the interactive shell only, so that scripts stay
    /// reproducible) `$XDG_CONFIG_HOME/realize/init.rz` (`~/.config/realize/init.rz`) when it exists;
    /// `--no-init` skips both.
    /// - Returns: an exit status to stop with (a bad parameter, a failing start-up statement in batch
    ///   mode), or nil to go on.
    static func startUp(_ session: ShellSession, _ options: LaunchOptions, environment: [String: String], interactive: Bool) -> Int32? {
        for setting in options.parameters {
            guard let eq = setting.firstIndex(of: "=") else {
                session.output.err("error: --param wants name=value, got `\(setting)`\n")
                return 2
            }
            do throws(ShellError) {
                try session.setParameter(String(setting[..<eq]), String(setting[setting.index(after: eq)...]))
            } catch {
                session.output.err(error.description + "\n")
                return 2
            }
        }
        let runner = BatchRunner(session: session)
        if !options.noInit, let path = options.initFile ?? (interactive ? defaultInitFile(environment) : nil) {
            let text: String
            switch TextFile.read(path) {
            case .failure(let error):
                session.output.err(error.description + "\n")
                if !interactive { return 1 }
                text = ""
            case .success(let t): text = t
            }
            let outcome = runner.run(text: text, sourceName: path)
            if outcome == .quit { return 0 }
            if outcome == .failure && !interactive && !options.keepGoing { return 1 }
        }
        for command in options.startupCommands {
            let outcome = runner.run(text: command, sourceName: "query")
            if outcome == .quit { return 0 }
            if outcome == .failure && !interactive && !options.keepGoing { return 1 }
        }
        return nil
    }

    /// `$XDG_CONFIG_HOME/realize/init.rz` (or `$HOME/.config/realize/init.rz`), if that file exists.
    static func defaultInitFile(_ environment: [String: String]) -> String? {
        let base: String
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            base = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.config"
        } else {
            return nil
        }
        let path = base + "/realize/init.rz"
        return access(path, R_OK) == 0 ? path : nil
    }

    /// The exit status at the end of a batch run: 1 after failures kept going past (`--keep-going`),
    /// which are named once more, together; else 0.
    static func finish(_ session: ShellSession) -> Int32 {
        guard !session.failures.isEmpty else { return 0 }
        let n = session.failures.count
        session.output.err("error: \(n) \(n == 1 ? "statement" : "statements") failed: \(session.failures.joined(separator: ", "))\n")
        return 1
    }
}
