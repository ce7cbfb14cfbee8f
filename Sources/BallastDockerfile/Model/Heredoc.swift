/// A heredoc body following an instruction.
public struct Heredoc: Sendable, Hashable {
    /// The delimiter word, quotes removed.
    public let name: String
    /// The body, each line ending in a newline, leading tabs kept even for `<<-`.
    public let content: String
    /// `true` for `<<-`, whose body and terminator may be indented with tabs.
    public let stripsTabs: Bool
    /// `false` when the delimiter is quoted, so variables in the body are not expanded.
    public let expands: Bool
    /// The body lines, without the delimiter lines.
    public let bodyLines: ClosedRange<Int>?
}
