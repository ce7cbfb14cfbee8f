import BallastCore
import BallastDigest
import BallastDockerfile
import BallastImage
import Foundation

/// `ballast pin [Dockerfile…]`: rewrites each base image to an exact version tag and digest.
struct PinCommand: Command {
    static let name = "pin"
    static let summary = "Pin every FROM to its most specific version tag and its digest, in place."
    static let usage = "pin [options] [DOCKERFILE…]"
    static let discussion = """
        For each FROM naming a registry image (not scratch, not a stage; ARGs expanded), the tag
        is resolved, the repository's tags are searched for the most specific version tag with
        the same digest, and the image token is rewritten: FROM node:22-slim AS run becomes
        FROM node:22.20.0-bookworm-slim@sha256:… AS run. Comments, spacing, case, continuations
        and stage names are kept. Files are written whole or not at all.
        --check changes nothing and exits 1 when a base is unpinned or its digest no longer
        matches its tag.
        """
    static let examples: [(command: String, comment: String)] = [
        ("ballast pin", "pin the Dockerfile in this folder"),
        ("ballast pin --digest-only Dockerfile", "keep the tags, add digests"),
        ("ballast pin --check --diff services/*/Dockerfile", "in CI: fail on anything unpinned, show the fix"),
    ]
    static let options: [OptionSpec] =
        [
            OptionSpec("digest-only", help: "Keep each tag as written and add its digest."),
            OptionSpec("check", help: "Change nothing; exit 1 if anything is unpinned or stale."),
            OptionSpec("diff", help: "Print the change as a unified diff."),
            OptionSpec("build-arg", .repeated(placeholder: "NAME=VALUE"), help: "Value for an ARG (repeatable)."),
        ] + ImageOptions.specs.filter { $0.name != "no-cache" }

    let paths: [String]
    let digestOnly: Bool
    let check: Bool
    let diff: Bool
    let buildArguments: [String: String]
    let imageOptions: ImageOptions

    init(arguments: ParsedArguments) throws(UsageError) {
        paths = arguments.positionals.isEmpty ? ["Dockerfile"] : arguments.positionals
        digestOnly = arguments.flag("digest-only")
        check = arguments.flag("check")
        diff = arguments.flag("diff")
        buildArguments = try arguments.assignments("build-arg")
        imageOptions = try ImageOptions(arguments)
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let pinner = BasePinner(
            registry: imageOptions.opener(in: context).options.registry, digestOnly: digestOnly, logger: context.logger,
            cacheDirectory: BlobCache.defaultRoot(environment: context.environment).deletingLastPathComponent()
                .appendingPathComponent("tags"))
        var problems = 0
        for path in paths {
            guard let original = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw DockerfileError.unreadableFile(
                    path: path, reason: "no such file or not UTF-8; name the Dockerfile to pin")
            }
            let dockerfile = try DockerfileParser().parse(text: original, path: path)
            let plan = try dockerfile.buildPlan(buildArguments: buildArguments)
            let result = try await pinner.pin(plan, path: path)
            for note in result.notes {
                context.logger.warning(note)
            }
            if check {
                problems += result.problems.count
                for problem in result.problems {
                    context.logger.error(problem)
                }
            }
            let updated = try SourceEdit.apply(result.edits, to: original)
            if diff, updated != original {
                context.write(UnifiedDiff.render(path: path, old: original, new: updated))
            }
            if !check, updated != original {
                try OutputFile.write(updated, to: path, in: context)
                context.logger.info("\(path): pinned \(result.edits.count) base image(s)")
            }
        }
        if check, problems > 0 {
            context.logger.error("\(problems) base image(s) unpinned or stale; run ballast pin to fix")
            return .gateFailed
        }
        return .success
    }
}
