/// Turns plain shell words into exec form.
enum ExecForm {
    private static let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:=@%+,-")

    /// The words of a command with no quotes, variables, globs or operators; `nil` otherwise.
    static func plainWords(_ script: String) -> [String]? {
        let words = script.split { $0 == " " || $0 == "\t" }.map(String.init)
        guard !words.isEmpty, words.allSatisfy({ $0.allSatisfy(allowed.contains) }) else { return nil }
        return words
    }

    /// `["a", "b"]`.
    static func json(_ words: [String]) -> String {
        "[" + words.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }
}
