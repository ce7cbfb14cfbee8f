/// A `--name=value` flag of an instruction.
public struct InstructionFlag: Sendable, Hashable {
    /// The flag as BuildKit reads it, quotes removed: `--from=build`.
    public let text: String
    /// The name without dashes: `from`.
    public let name: String
    /// The value after `=`, or `nil` for a bare flag such as `--link`.
    public let value: String?
    /// Where the flag is written.
    public let range: SourceRange
}
