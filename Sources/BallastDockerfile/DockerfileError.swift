import BallastCore

/// Why a Dockerfile could not be parsed or rewritten, with the place in the file and what to do next.
///
/// Positioned messages read `path:line:col: message`, the form editors and CI annotate.
public enum DockerfileError: BallastError, Equatable {
    /// The file holds a NUL byte, so it is not a text file.
    case binaryFile(path: String, line: Int, column: Int)
    /// The file is not valid UTF-8.
    case invalidEncoding(path: String, line: Int, column: Int)
    /// The file has no instructions at all.
    case noInstructions(path: String)
    /// A line starts with a word that is not a Dockerfile instruction.
    case unknownInstruction(path: String, line: Int, column: Int, keyword: String)
    /// An instruction is malformed; `detail` says how.
    case syntax(path: String, line: Int, column: Int, detail: String)
    /// A heredoc has no terminating line.
    case unterminatedHeredoc(path: String, line: Int, column: Int, name: String)
    /// A `FROM` uses an ARG that has no value.
    case unresolvedArgument(path: String, line: Int, column: Int, name: String)
    /// An instruction other than ARG comes before the first FROM.
    case instructionBeforeFrom(path: String, line: Int, column: Int, keyword: String)
    /// Two text edits change the same characters.
    case overlappingEdits(first: Range<Int>, second: Range<Int>)
    /// A text edit points outside the text.
    case editOutOfBounds(range: Range<Int>, length: Int)
    /// A file next to the Dockerfile could not be read.
    case unreadableFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .binaryFile(let path, let line, let column):
            "\(path):\(line):\(column): the file contains a NUL byte, so it is binary, not a Dockerfile; "
                + "check the path"
        case .invalidEncoding(let path, let line, let column):
            "\(path):\(line):\(column): the file is not valid UTF-8; save the Dockerfile as UTF-8 text"
        case .noInstructions(let path):
            "\(path):1:1: the file has no instructions; a Dockerfile needs at least a FROM instruction"
        case .unknownInstruction(let path, let line, let column, let keyword):
            "\(path):\(line):\(column): unknown instruction '\(keyword)'; check the spelling "
                + "(FROM, RUN, COPY, ADD, CMD, ENTRYPOINT, ENV, ARG, LABEL, USER, WORKDIR, …)"
        case .syntax(let path, let line, let column, let detail):
            "\(path):\(line):\(column): \(detail)"
        case .unterminatedHeredoc(let path, let line, let column, let name):
            "\(path):\(line):\(column): heredoc '\(name)' is never terminated; "
                + "end it with a line containing only \(name)"
        case .unresolvedArgument(let path, let line, let column, let name):
            "\(path):\(line):\(column): FROM uses ARG '\(name)', which has no value; declare "
                + "'ARG \(name)=<default>' before the first FROM or pass a build argument for it"
        case .instructionBeforeFrom(let path, let line, let column, let keyword):
            "\(path):\(line):\(column): \(keyword) comes before the first FROM; only ARG may precede FROM"
        case .overlappingEdits(let first, let second):
            "edits at bytes \(first.lowerBound)..<\(first.upperBound) and \(second.lowerBound)..<\(second.upperBound) "
                + "overlap; apply them in separate passes"
        case .editOutOfBounds(let range, let length):
            "edit at bytes \(range.lowerBound)..<\(range.upperBound) lies outside the \(length)-byte text; "
                + "re-parse the file before editing it"
        case .unreadableFile(let path, let reason):
            "\(path): \(reason)"
        }
    }
}
