import RealizeStore
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Launcher {
    /// Where `--cache` keeps the workspace of some `--data` paths, and what they are.
    struct CacheEntry {
        /// The workspace folder, `$XDG_CACHE_HOME/realize/<name>-<hash>.realize`.
        var path: String
        /// The `--data` paths, absolute.
        var data: [String]
        /// Every file they hold now, with size and modification time.
        var inputs: [WorkspaceManifest.Source]
    }

    /// The cache entry for `paths`, keyed by their absolute paths; nil when there is nothing to cache
    /// (no `--data`, a database, no cache folder).
    static func cacheEntry(for paths: [String], environment: [String: String]) -> CacheEntry? {
        guard !paths.isEmpty, !paths.contains(where: { $0.hasPrefix(DatabaseSource.dataPrefix) }) else { return nil }
        let base: String
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            base = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.cache"
        } else {
            return nil
        }
        let absolute = paths.map { p in
            realpath(p, nil).map { r in
                defer { free(r) }; return String(cString: r)
            } ?? p
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in absolute.joined(separator: "\n").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let stem = PortfolioLoader.tableName(forFile: absolute[0].split(separator: "/").last.map(String.init) ?? "data")
        let hex = String(hash, radix: 16)
        return CacheEntry(
            path: base + "/realize/\(stem)-\(String(repeating: "0", count: 16 - hex.count) + hex).realize", data: absolute,
            inputs: absolute.flatMap(SourceFile.inputs(of:)))
    }

    /// The cached workspace when it is there and its files are unchanged, with the line that says so.
    static func cached(_ entry: CacheEntry) -> (opened: Workspace.Opened, description: String)? {
        guard Workspace.isWorkspace(entry.path), let opened = try? Workspace.open(entry.path) else { return nil }
        guard opened.manifest.data == entry.data, opened.manifest.inputs == entry.inputs, !entry.inputs.isEmpty else { return nil }
        let n = opened.tables.count
        let saved = opened.manifest.saved.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "").prefix(16)
        let names = entry.data.joined(separator: ", ")
        return (opened, "data: \(names): \(n) \(n == 1 ? "table" : "tables") (from cache, saved \(saved) UTC)")
    }

    /// Saves the freshly loaded tables as the cache entry, saying so on standard error (a failure is a warning).
    static func refreshCache(_ entry: CacheEntry, session: ShellSession, description: String) {
        let folder = String(entry.path[..<(entry.path.lastIndex(of: "/") ?? entry.path.startIndex)])
        mkdir(String(folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)]), 0o777)
        mkdir(folder, 0o700)
        do throws(ArrowError) {
            try Workspace.save(session.workspaceItems(), settings: [], parameters: [], data: entry.data, inputs: entry.inputs, to: entry.path)
            session.output.err(description + " (cached in \(entry.path))\n")
        } catch {
            session.output.err("warning: cannot write the cache: \(error.description)\n")
        }
    }
}
