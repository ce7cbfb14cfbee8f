/// BL006 dockerignore-missing: `COPY . .` without a `.dockerignore` that leaves out node_modules and .git.
///
/// Copying the whole build context sends everything beside the Dockerfile into the image: the
/// developer's `node_modules` (built for another OS and libc, and overwriting what `npm ci`
/// installed), the `.git` history, local `.env` files. Builds get slower, images larger, and
/// secrets can leak. Add a `.dockerignore` beside the Dockerfile listing at least `node_modules`
/// and `.git`, or copy only what the app needs.
public struct DockerignoreRule: LintRule {
    public let id = "BL006"
    public let name = "dockerignore-missing"
    public let severity = LintSeverity.warning
    public let summary = "COPY of the whole context without a .dockerignore excluding node_modules and .git."
    public let help =
        "Flags `COPY . <dest>` (and `ADD . <dest>`) when there is no `.dockerignore` beside the Dockerfile, "
        + "or when it does not exclude `node_modules` and `.git`. The host's node_modules and git history then "
        + "end up in the image, slowing builds and risking leaks. Add a `.dockerignore` with `node_modules` "
        + "and `.git`."

    public init() {}

    public func check(_ plan: BuildPlan, context: LintContext) -> [LintFinding] {
        let copies = plan.stages.flatMap(\.instructions).filter { instruction in
            guard instruction.kind == .copy || instruction.kind == .add, instruction.flag("from") == nil else {
                return false
            }
            return instruction.arguments.values.dropLast().contains { [".", "./"].contains($0) }
        }
        guard !copies.isEmpty else { return [] }

        guard let data = context.files.contents(of: ".dockerignore") else {
            return copies.map { copy in
                finding(
                    plan, at: copy.position,
                    "\(copy.keyword.uppercased()) copies the whole build context and there is no .dockerignore; "
                        + "add one beside the Dockerfile listing node_modules and .git"
                )
            }
        }
        let ignore = DockerignoreFile(String(decoding: data, as: UTF8.self))
        let missing = ["node_modules", ".git"].filter { !ignore.excludes($0) }
        guard !missing.isEmpty else { return [] }
        return copies.map { copy in
            finding(
                plan, at: copy.position,
                "\(copy.keyword.uppercased()) copies the whole build context but .dockerignore does not exclude "
                    + "\(missing.joined(separator: " or ")); add \(missing.joined(separator: " and ")) to .dockerignore"
            )
        }
    }
}
