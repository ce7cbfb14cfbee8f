import BallastCore
import BallastDockerfile
import BallastLayers
import Foundation

/// `ballast lint [Dockerfile…]`: Node-aware Dockerfile rules, with safe fixes.
struct LintCommand: Command {
    static let name = "lint"
    static let summary = "Check Dockerfiles against Node-aware rules, and apply the safe fixes."
    static let usage = "lint [options] [DOCKERFILE…]"
    static let discussion = """
        Findings print as path:line:col: severity: [ID] message. Each rule is documented in
        docs/rules/ID.md. Disable a rule for one instruction with '# ballast-ignore ID' on the
        line above it, for a run with --disable ID, or for a project in .ballast.json beside the
        Dockerfile: {"lint": {"disable": ["BL003"]}}. Exits 1 when an error-level finding remains
        (--strict counts warnings too). --print-ast prints BuildKit's parse-tree dump instead.
        """
    static let examples: [(command: String, comment: String)] = [
        ("ballast lint", "the Dockerfile in this folder"),
        ("ballast lint --fix Dockerfile", "apply the safe fixes in place"),
        ("ballast lint --format sarif build/Dockerfile > lint.sarif", "SARIF for code scanning"),
        ("ballast lint --build-arg NODE_VERSION=22 --disable BL003", "expand an ARG, skip the digest rule"),
    ]
    static let options: [OptionSpec] =
        [
            OptionSpec("format", .value(placeholder: "text|json|sarif"), help: "Output format (default text)."),
            OptionSpec("fix", help: "Apply the safe fixes to the files in place, then report what remains."),
            OptionSpec("strict", help: "Treat warnings as errors."),
            OptionSpec("disable", .repeated(placeholder: "ID"), help: "Skip a rule (repeatable)."),
            OptionSpec("build-arg", .repeated(placeholder: "NAME=VALUE"), help: "Value for an ARG (repeatable)."),
            OptionSpec("print-ast", help: "Print the parse tree in BuildKit's test format and exit."),
            OptionSpec("today", .value(placeholder: "YYYY-MM-DD"), help: "Judge end-of-life dates as of this day."),
            OptionSpec(
                "resolve", help: "Look inside each base image (registry or local) for a shell, not just at its name."),
        ] + ImageOptions.specs

    let paths: [String]
    let format: String
    let fix: Bool
    let strict: Bool
    let printAST: Bool
    let disabled: Set<String>
    let buildArguments: [String: String]
    let today: CalendarDate?
    let resolve: Bool
    let imageOptions: ImageOptions

    init(arguments: ParsedArguments) throws(UsageError) {
        paths = arguments.positionals.isEmpty ? ["Dockerfile"] : arguments.positionals
        format = try arguments.choice("format", ["text", "json", "sarif"], default: "text")
        fix = arguments.flag("fix")
        strict = arguments.flag("strict")
        printAST = arguments.flag("print-ast")
        let known = Set(Linter.allRules.map(\.id))
        for id in arguments.values("disable") where !known.contains(id) {
            throw .invalidValue(option: "--disable", value: id, valid: known.sorted())
        }
        disabled = Set(arguments.values("disable"))
        buildArguments = try arguments.assignments("build-arg")
        resolve = arguments.flag("resolve")
        imageOptions = try ImageOptions(arguments)
        if let text = arguments.value("today") {
            guard let date = CalendarDate(text) else {
                throw .invalid("--today takes a date as YYYY-MM-DD, not '\(text)'")
            }
            today = date
        } else {
            today = nil
        }
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let parser = DockerfileParser()
        if printAST {
            for path in paths {
                context.write(ParseTreeRenderer.render(try parser.parse(contentsOf: URL(fileURLWithPath: path))))
            }
            return .success
        }

        var findings: [LintFinding] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            guard FileManager.default.fileExists(atPath: path) else {
                throw DockerfileError.unreadableFile(path: path, reason: "no such file; name the Dockerfile to lint")
            }
            var dockerfile = try parser.parse(contentsOf: url)
            let shellLess = resolve ? try await shellLessBases(of: dockerfile, in: context) : []
            let lintContext = LintContext(
                dockerfileDirectory: url.deletingLastPathComponent(), today: today ?? LintCommand.currentDate(),
                shellLessImages: shellLess, buildArguments: buildArguments)
            let linter = Linter(disabledRules: disabled.union(try LintCommand.configuredDisables(beside: url)))
            var found = try linter.lint(dockerfile, context: lintContext)
            if fix, found.contains(where: { $0.fix != nil }) {
                let original = try String(contentsOf: url, encoding: .utf8)
                let (fixed, applied) = try LintFixer.apply(found, to: original)
                try OutputFile.write(fixed, to: path, in: context)
                context.logger.info("\(path): applied \(applied.count) fix(es)")
                dockerfile = try parser.parse(text: fixed, path: path)
                found = try linter.lint(dockerfile, context: lintContext)
            }
            findings += strict ? found.map { $0.severity == .warning ? $0.with(severity: .error) : $0 } : found
        }

        let rules = Linter.allRules
        switch format {
        case "json": context.write(JSONLintRenderer().render(findings, rules: rules))
        case "sarif": context.write(SARIFLintRenderer(toolVersion: BallastCLI.version).render(findings, rules: rules))
        default: context.write(TextLintRenderer().render(findings, rules: rules))
        }
        let errors = findings.filter { $0.severity == .error }.count
        if errors > 0 {
            context.logger.error("\(errors) error-level finding\(errors == 1 ? "" : "s") in \(paths.count) file(s)")
            return .gateFailed
        }
        return .success
    }

    /// The base images that, read from the registry or disk, have no `/bin/sh`.
    private func shellLessBases(of dockerfile: Dockerfile, in context: CommandContext) async throws -> Set<String> {
        var shellLess: Set<String> = []
        let opener = imageOptions.opener(in: context)
        for stage in try dockerfile.buildPlan(buildArguments: buildArguments).stages {
            guard stage.base.stageIndex == nil, !stage.base.isScratch, let image = stage.base.image else { continue }
            let hasShell = try await opener.withImage(stage.base.expanded) { resolved in
                let filesystem = try await FilesystemReader(image: resolved, logger: context.logger).read()
                return try filesystem.resolvedNode("bin/sh") != nil
            }
            context.logger.info("\(stage.base.expanded): \(hasShell ? "has" : "has no") /bin/sh")
            if !hasShell { shellLess.insert(image.repository) }
        }
        return shellLess
    }

    /// Rules disabled in `.ballast.json` beside the Dockerfile.
    static func configuredDisables(beside dockerfile: URL) throws -> Set<String> {
        let config = dockerfile.deletingLastPathComponent().appendingPathComponent(".ballast.json")
        guard let data = try? Data(contentsOf: config) else { return [] }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw UsageError.invalid("\(config.path) is not a JSON object; fix or remove it")
        }
        let lint = object["lint"] as? [String: Any]
        return Set(lint?["disable"] as? [String] ?? [])
    }

    static func currentDate() -> CalendarDate {
        CalendarDate(Timestamp.day()) ?? CalendarDate(year: 1970, month: 1, day: 1)
    }
}
