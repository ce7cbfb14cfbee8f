import BallastAdvisories
import BallastCore
import BallastMatching
import BallastPolicy
import BallastReport
import Foundation

/// `ballast scan IMAGE`: the image's vulnerabilities, from the local advisory database, with a
/// CI gate.
struct ScanCommand: Command {
    static let name = "scan"
    static let summary = "Find an image's vulnerabilities and gate on KEV, severity and EPSS."
    static let usage = "scan [options] IMAGE"
    static let discussion = """
        Matches the image's inventory against the local advisory database (ballast db update or
        ballast db import fill it). Findings are grouped KEV first, then by severity. Gates are
        repeatable and combine: the scan exits 1 when any remaining finding trips one, and the
        last line says which rule failed on how many findings. VEX documents (OpenVEX, CycloneDX)
        and the ignore file (.ballastignore, entries 'ID until YYYY-MM-DD reason') suppress
        findings; expired ignore entries stop suppressing and are reported.
        """
    static let examples: [(command: String, comment: String)] = [
        ("ballast scan node:22-bookworm-slim", "a readable table"),
        ("ballast scan --fail-on kev --fail-on critical oci:./image", "the CI gate most teams start with"),
        (
            "ballast scan --scope app --fail-on high --format sarif -o scan.sarif app.tar",
            "the app's own packages, as SARIF"
        ),
        ("ballast scan --vex vex.json --show-suppressed IMAGE", "with a VEX document, showing what it hides"),
    ]
    static let options: [OptionSpec] =
        [
            OptionSpec(
                "format", .value(placeholder: "table|json|sarif|cyclonedx"), help: "Output format (default table)."),
            OptionSpec("output", short: "o", .value(placeholder: "FILE"), help: "Write the report to FILE."),
            OptionSpec(
                "db", .value(placeholder: "PATH"), help: "The advisory database (default $BALLAST_DB or the cache)."),
            OptionSpec(
                "fail-on", .repeated(placeholder: "kev|critical|high|medium|low"),
                help: "Fail on findings of this kind."),
            OptionSpec(
                "fail-on-epss", .value(placeholder: "0.NN"), help: "Fail on findings with an EPSS score at least this."),
            OptionSpec("ignore-unfixed", help: "Leave out findings with no fixed version."),
            OptionSpec(
                "ignore-status", .repeated(placeholder: "STATUS"),
                help: "Leave out a Debian status: no-dsa, postponed, ignored, unimportant, end-of-life, undetermined."),
            OptionSpec(
                "scope", .repeated(placeholder: "app|tooling|os|runtime|all"),
                help: "Only these components count (default all)."),
            OptionSpec(
                "vex", .repeated(placeholder: "FILE"), help: "An OpenVEX or CycloneDX VEX document (repeatable)."),
            OptionSpec(
                "ignore-file", .value(placeholder: "FILE"),
                help: "Exceptions with expiry (default ./.ballastignore if present)."),
            OptionSpec("show-suppressed", help: "List suppressed findings too."),
            OptionSpec(
                "today", .value(placeholder: "YYYY-MM-DD"), help: "Judge end-of-life and expiry dates as of this day."),
        ] + ImageOptions.specs

    static let statuses = ["no-dsa", "postponed", "ignored", "unimportant", "end-of-life", "undetermined", "open"]
    static let scopes = ["app", "tooling", "os", "runtime", "all"]

    let image: String
    let format: String
    let output: String?
    let databasePath: String?
    let policyTemplate: Policy
    let vexFiles: [String]
    let ignoreFile: String?
    let showSuppressed: Bool
    let imageOptions: ImageOptions

    init(arguments: ParsedArguments) throws(UsageError) {
        image = try arguments.single("an IMAGE", command: Self.name)
        format = try arguments.choice("format", ["table", "json", "sarif", "cyclonedx"], default: "table")
        output = arguments.value("output")
        databasePath = arguments.value("db")
        let today = arguments.value("today") ?? Timestamp.day()
        guard today.count == 10, today.split(separator: "-").count == 3 else {
            throw .invalid("--today takes a date as YYYY-MM-DD, not '\(today)'")
        }
        var policy = Policy(today: today)
        for name in arguments.values("fail-on") {
            guard let gate = Policy.Gate(name: name) else {
                throw .invalidValue(option: "--fail-on", value: name, valid: Policy.Gate.names)
            }
            policy.gates.append(gate)
        }
        if let text = arguments.value("fail-on-epss") {
            guard let threshold = Double(text), (0...1).contains(threshold) else {
                throw .invalid("--fail-on-epss takes a probability from 0 to 1, such as 0.5, not '\(text)'")
            }
            policy.gates.append(.epss(threshold))
        }
        policy.ignoreUnfixed = arguments.flag("ignore-unfixed")
        for status in arguments.values("ignore-status") where !ScanCommand.statuses.contains(status) {
            throw .invalidValue(option: "--ignore-status", value: status, valid: ScanCommand.statuses)
        }
        policy.ignoredStatuses = Set(arguments.values("ignore-status"))
        for scope in arguments.values("scope") where !ScanCommand.scopes.contains(scope) {
            throw .invalidValue(option: "--scope", value: scope, valid: ScanCommand.scopes)
        }
        let scopes = Set(arguments.values("scope"))
        policy.scopes = scopes.contains("all") ? [] : scopes
        policyTemplate = policy
        vexFiles = arguments.values("vex")
        ignoreFile = arguments.value("ignore-file")
        showSuppressed = arguments.flag("show-suppressed")
        imageOptions = try ImageOptions(arguments)
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        // Policy inputs and the database are checked before the image is read.
        var policy = policyTemplate
        for file in vexFiles {
            policy.suppressions += try VEXDocument.suppressions(path: file)
        }
        let ignorePath =
            ignoreFile ?? (FileManager.default.fileExists(atPath: ".ballastignore") ? ".ballastignore" : nil)
        if let ignorePath {
            policy.suppressions += try IgnoreFile.entries(path: ignorePath).map(\.suppression)
        }
        let path = databasePath ?? AdvisoryDatabase.defaultPath(environment: context.environment)
        let database = try AdvisoryDatabase.open(path: path, logger: context.logger)

        let analysis = try await ImageAnalysis.load(image, options: imageOptions, in: context)
        let findings = try Matcher(database: database, today: policy.today, logger: context.logger)
            .findings(for: analysis.inventory)
        var digests: Set<String> = [analysis.image.configDigest.description]
        if let digest = analysis.image.manifestDigest { digests.insert(digest.description) }
        if let digest = analysis.image.indexDigest { digests.insert(digest.description) }
        let outcome = policy.apply(to: findings, imageDigests: digests)
        for expired in outcome.expired {
            context.logger.warning(
                "\(expired.source): the exception for \(expired.vulnerability) expired on \(expired.expires ?? "?") and no longer suppresses it"
            )
        }

        let sbom = SBOMContext(
            image: analysis.image, inventory: analysis.inventory, toolVersion: BallastCLI.version,
            environment: context.environment)
        let scan = ScanContext(
            sbom: sbom, outcome: outcome, databaseDigest: try database.digest(), feeds: try database.feeds())
        let report: String
        switch format {
        case "json": report = try JSONOutput.encode(ScanJSON(scan))
        case "sarif": report = try ScanSARIF(scan).render()
        case "cyclonedx": report = try JSONOutput.encode(CycloneDXDocument(scan))
        default: report = ScanTable.render(scan, showSuppressed: showSuppressed, terminal: context.terminal)
        }
        try OutputFile.write(report, to: output, in: context)

        guard outcome.passed else {
            let rules = outcome.failedGates.map { "\($0.gate) matched \($0.count) finding\($0.count == 1 ? "" : "s")" }
            context.logger.error("gate failed: " + rules.joined(separator: "; "))
            return .gateFailed
        }
        return .success
    }

}
