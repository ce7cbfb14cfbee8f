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

/// The instructions a Dockerfile may use.
public enum InstructionKind: String, Sendable, CaseIterable {
    case add, arg, cmd, copy, entrypoint, env, expose, from, healthcheck, label, maintainer, onbuild, run
    case shell, stopsignal, user, volume, workdir

    /// The instruction for a keyword in any case, or `nil` for an unknown word.
    public init?(keyword: String) {
        self.init(rawValue: keyword.lowercased())
    }
}

/// A `--name=value` flag of an instruction.
public struct InstructionFlag: Sendable, Hashable {
    /// The flag as BuildKit reads it, quotes removed: `--from=build`.
    public let text: String
    /// The name without dashes: `from`.
    public let name: String
    /// The value after `=`, or `nil` for a bare flag such as `--link`.
    public let value: String?
    public let range: SourceRange
}

/// A word, string or JSON element of an instruction: its value after parsing and where it is.
public struct Word: Sendable, Hashable {
    public let value: String
    public let range: SourceRange
}

/// One `key=value` (or old-style `KEY value`) pair of `ENV` or `LABEL`.
public struct KeyValuePair: Sendable, Hashable {
    public let key: Word
    /// The value with quotes and escapes kept, as BuildKit's parser leaves it.
    public let value: Word
    /// `true` for `key=value`, `false` for the old `KEY value` form.
    public let hasEquals: Bool
}

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

/// The arguments of an instruction, split the way BuildKit splits them for that instruction.
public indirect enum InstructionArguments: Sendable {
    /// No arguments.
    case none
    /// Whitespace-separated words (FROM, ARG, COPY, EXPOSE, VOLUME…).
    case words([Word])
    /// One string: the shell form of RUN, CMD, ENTRYPOINT and SHELL, or the value of USER, WORKDIR….
    case text(Word)
    /// The exec (JSON array) form.
    case exec([Word])
    /// ENV and LABEL pairs.
    case pairs([KeyValuePair])
    /// HEALTHCHECK: its type (`CMD`, `NONE`) then the command.
    case healthcheck(type: Word, command: InstructionArguments)
    /// ONBUILD: the instruction it wraps.
    case nested(Instruction)

    /// Whether the arguments (or a health check's command) are in exec (JSON) form.
    public var isExecForm: Bool {
        switch self {
        case .exec: true
        case .healthcheck(_, let command): command.isExecForm
        default: false
        }
    }

    /// The argument values in order, flattening pairs and health checks.
    public var values: [String] {
        switch self {
        case .none: []
        case .words(let words), .exec(let words): words.map(\.value)
        case .text(let word): [word.value]
        case .pairs(let pairs): pairs.flatMap { [$0.key.value, $0.value.value] }
        case .healthcheck(let type, let command): [type.value] + command.values
        case .nested(let instruction): [instruction.keyword] + instruction.arguments.values
        }
    }

    /// The argument words in order, with their positions.
    public var words: [Word] {
        switch self {
        case .none, .nested: []
        case .words(let words), .exec(let words): words
        case .text(let word): [word]
        case .pairs(let pairs): pairs.flatMap { [$0.key, $0.value] }
        case .healthcheck(let type, let command): [type] + command.words
        }
    }
}
