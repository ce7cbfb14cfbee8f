/// A parsed Dockerfile: its parser directives and instructions, plus the text they came from.
///
/// Produced by ``DockerfileParser``; ``stages(buildArguments:)`` adds the build-stage view that
/// lint rules use.
public struct Dockerfile: Sendable {
    /// The path used in messages.
    public let path: String
    /// The file's text, unchanged.
    public let text: String
    /// The parser directives at the top of the file.
    public let directives: ParserDirectives
    /// The instructions in file order.
    public let instructions: [Instruction]
    /// The first and last line holding an instruction.
    public let lines: ClosedRange<Int>

    let source: SourceText

    /// The text of a physical line (1-based), without its line ending.
    public func line(_ number: Int) -> String {
        source.lineText(number)
    }

    /// The number of physical lines.
    public var lineCount: Int { source.lineRanges.count }
}

/// The parser directives (`# syntax=`, `# escape=`, `# check=`) at the top of a Dockerfile.
public struct ParserDirectives: Sendable, Hashable {
    /// The frontend image named by `# syntax=`.
    public var syntax: String?
    /// The escape and line-continuation character: `\` unless `# escape=` says otherwise.
    public var escape: Character = "\\"
    /// The build-check settings of `# check=`.
    public var check: String?

    public init(syntax: String? = nil, escape: Character = "\\", check: String? = nil) {
        self.syntax = syntax
        self.escape = escape
        self.check = check
    }
}
