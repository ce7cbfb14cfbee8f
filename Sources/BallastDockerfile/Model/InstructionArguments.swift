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
