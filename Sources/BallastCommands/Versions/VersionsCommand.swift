import BallastCore
import BallastVersions
import Foundation

/// `ballast versions compare|satisfies`: the version semantics the matcher uses, for people
/// checking why a finding matched and for running fresh test sets.
struct VersionsCommand: Command {
    static let name = "versions"
    static let summary = "Compare versions or test ranges exactly as the scanner does (dpkg, apk, npm)."
    static let usage =
        "versions compare A B --ecosystem deb|apk|npm\n       ballast versions satisfies VERSION RANGE --ecosystem deb|apk|npm"
    static let discussion = """
        compare prints <, = or >; satisfies prints true or false. npm ranges follow node-semver
        (^, ~, x-ranges, hyphens, ||); deb and apk take relation lists such as '>= 1.2, << 1.3'.
        With - in place of the operands, both read tab-separated lines from standard input
        (a<TAB>b, or version<TAB>range) and print one answer a line as -1, 0, 1 or true, false.
        """
    static let examples: [(command: String, comment: String)] = [
        ("ballast versions compare 1:2.36-9+deb12u4 2.37-1 --ecosystem deb", "an epoch outranks everything"),
        ("ballast versions satisfies 4.17.20 '<4.17.21' --ecosystem npm", "is this lodash affected?"),
        ("cut -f1,2 pairs.tsv | ballast versions compare - --ecosystem apk", "a whole file of pairs"),
    ]
    static let options: [OptionSpec] = [
        OptionSpec("ecosystem", short: "e", .value(placeholder: "deb|apk|npm"), help: "Whose rules apply (required).")
    ]

    enum Action: String { case compare, satisfies }

    let action: Action
    let operands: [String]
    let ecosystem: Ecosystem

    init(arguments: ParsedArguments) throws(UsageError) {
        var positionals = arguments.positionals
        guard let first = positionals.first, let action = Action(rawValue: first) else {
            throw .missingArgument(command: Self.name, what: "an action, compare or satisfies")
        }
        positionals.removeFirst()
        let expected = positionals == ["-"] ? 1 : 2
        guard positionals.count == expected else {
            throw .missingArgument(
                command: Self.name, what: action == .compare ? "two versions (or -)" : "a VERSION and a RANGE (or -)")
        }
        guard let name = arguments.value("ecosystem") else {
            throw .missingArgument(command: Self.name, what: "--ecosystem deb, apk or npm")
        }
        guard let ecosystem = Ecosystem(rawValue: name) else {
            throw .invalidValue(option: "--ecosystem", value: name, valid: Ecosystem.allCases.map(\.rawValue))
        }
        self.action = action
        self.operands = positionals
        self.ecosystem = ecosystem
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        if operands == ["-"] {
            try answerLines(in: context)
            return .success
        }
        switch action {
        case .compare:
            let order = try VersionComparison.compare(operands[0], operands[1], in: ecosystem)
            context.write(order < 0 ? "<\n" : order > 0 ? ">\n" : "=\n")
        case .satisfies:
            let answer = try VersionComparison.satisfies(version: operands[0], range: operands[1], in: ecosystem)
            context.write("\(answer)\n")
        }
        return .success
    }

    /// Answers each `a<TAB>b` line of standard input; output is written in one piece at the end
    /// so a bad line never leaves a partial answer file behind.
    private func answerLines(in context: CommandContext) throws {
        let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        var output = ""
        var lineNumber = 0
        for line in input.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty { continue }
            let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 2 else {
                throw UsageError.invalid(
                    "standard input line \(lineNumber) has no tab; expected two tab-separated fields")
            }
            do {
                switch action {
                case .compare:
                    output += "\(try VersionComparison.compare(fields[0], fields[1], in: ecosystem))\n"
                case .satisfies where ecosystem == .npm:
                    // As node-semver answers: an unparsable version satisfies nothing.
                    output += "\(try NpmRange(parsing: fields[1]).contains(fields[0]))\n"
                case .satisfies:
                    output +=
                        "\(try VersionComparison.satisfies(version: fields[0], range: fields[1], in: ecosystem))\n"
                }
            } catch let error as any BallastError {
                throw ContextualError("standard input line \(lineNumber)", cause: error)
            }
        }
        context.write(output)
    }
}
