/// One Dockerfile instruction as BuildKit's parser sees it, with the source span of every part.
public struct Instruction: Sendable {
    /// The instruction word as written (`FROM`, `from`, `Run`…).
    public let keyword: String
    /// What the instruction is.
    public let kind: InstructionKind
    /// The `--name=value` flags, in order, with quotes removed.
    public let flags: [InstructionFlag]
    /// The arguments after the flags.
    public let arguments: InstructionArguments
    /// The heredoc bodies that follow the instruction (`RUN <<EOF`), in order.
    public let heredocs: [Heredoc]
    /// The whole instruction: from its first character to the end of its last line or heredoc.
    public let range: SourceRange
    /// Where the instruction word is.
    public let keywordRange: SourceRange
    /// The instruction's text with continuations joined, as BuildKit's parser saw it.
    public let text: String
    /// The `#` comment lines right above the instruction, without the `#`, trimmed.
    public let comments: [String]

    /// The first line of the instruction.
    public let startLine: Int
    /// The last line of the instruction, continuation lines, skipped lines and heredocs included.
    public let endLine: Int

    /// The flag named `name` (without dashes), if present; the last one wins, as in BuildKit.
    public func flag(_ name: String) -> InstructionFlag? {
        flags.last { $0.name == name }
    }

    /// For FROM, the image token as written (before ARG expansion) and its exact span: what `pin` rewrites.
    public var fromImage: Word? {
        kind == .from ? arguments.words.first : nil
    }

    /// Whether the arguments are in exec (JSON) form.
    public var isExecForm: Bool {
        arguments.isExecForm
    }
}
