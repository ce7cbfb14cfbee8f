/// BL001 untagged-base-image: a base image with no tag, or the `latest` tag.
///
/// Without a tag Docker pulls `latest`, which moves whenever the image's owner publishes a new
/// release: the same Dockerfile then builds a different Node.js, Debian or Alpine from one day to
/// the next, and a rebuild cannot reproduce what was tested. Name a version tag such as
/// `node:22.11.0-bookworm-slim`, and pin it by digest. There is no automatic fix, since only a
/// registry knows which version `latest` currently is.
public struct UntaggedBaseImageRule: LintRule {
    public let id = "BL001"
    public let name = "untagged-base-image"
    public let severity = LintSeverity.warning
    public let summary = "Base image has no tag or uses latest."
    public let help =
        "Flags a FROM whose image has no tag (so Docker uses `latest`) or names `latest` explicitly. "
        + "`latest` moves with every upstream release, so builds are not reproducible. "
        + "Use a version tag such as `node:22.11.0-bookworm-slim`, ideally pinned by digest."

    public init() {}

    public func check(_ plan: BuildPlan, context: LintContext) -> [LintFinding] {
        plan.stages.compactMap { stage in
            guard let image = stage.base.image, image.digest == nil || image.tag == "latest" else { return nil }
            let suggestion = image.isOfficialNode ? "node:22.11.0-bookworm-slim" : "\(image.repository):<version>"
            if image.tag == nil {
                return finding(
                    plan, at: stage.base.range.start,
                    "base image '\(stage.base.expanded)' has no tag, so it pulls whatever 'latest' is on build day; "
                        + "name a version such as \(suggestion)"
                )
            }
            guard image.tag?.lowercased() == "latest" else { return nil }
            return finding(
                plan, at: stage.base.range.start,
                "base image '\(stage.base.expanded)' uses 'latest', which changes with every release; "
                    + "name a version such as \(suggestion)"
            )
        }
    }
}
