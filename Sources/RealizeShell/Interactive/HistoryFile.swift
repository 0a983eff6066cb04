#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the interactive shell keeps its history.
package enum HistoryFile {
    /// `$REALIZE_HISTORY`, else `$XDG_STATE_HOME/realize/history`, else `~/.local/state/realize/history`;
    /// nil when none can be worked out (no `HOME`).
    package static func path(environment: [String: String]) -> String? {
        if let p = environment["REALIZE_HISTORY"], !p.isEmpty { return p }
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/realize/history" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/state/realize/history" }
        return nil
    }

    /// Creates the folders above `path` (like `mkdir -p`); returns whether the folder exists afterwards.
    @discardableResult
    package static func createParentFolder(of path: String) -> Bool {
        guard let slash = path.lastIndex(of: "/") else { return true }
        let folder = String(path[..<slash])
        if folder.isEmpty { return true }
        var prefixes: [String] = []
        for i in folder.indices where folder[i] == "/" && i != folder.startIndex { prefixes.append(String(folder[..<i])) }
        prefixes.append(folder)
        for p in prefixes where mkdir(p, 0o755) != 0 && errno != EEXIST { return false }
        return true
    }
}
