/// Facts about the Realize shell as a whole.
public enum Shell {
    /// The version `realize --version` prints.
    public static let version = "0.1.0"
    /// The primary prompt.
    static let prompt = "realize> "
    /// The prompt shown while a statement is unfinished (an open pipe or bracket).
    static let continuationPrompt = "   ...> "
}
