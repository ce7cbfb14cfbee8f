/// BL003 unpinned-digest: a base image referenced by tag alone, without `@sha256:` digest.
///
/// A tag is a name the publisher can point at new content at any time, even a fully specific
/// one when an image is rebuilt for security fixes. Only a digest names exact bytes, so only a
/// digest-pinned FROM builds the same image tomorrow and can be verified. Append the digest
/// (`node:22.11.0-bookworm-slim@sha256:…`), keeping the tag for readers; `ballast pin` does this
/// and a bot such as Renovate can keep the pin current.
public struct UnpinnedDigestRule: LintRule {
    public let id = "BL003"
    public let name = "unpinned-digest"
    public let severity = LintSeverity.info
    public let summary = "Base image is not pinned by digest."
    public let help =
        "Flags a FROM whose image has no `@sha256:` digest. Tags can be moved to different content; only "
        + "a digest names exact bytes, so only a digest pin makes builds reproducible and verifiable. "
        + "Append the digest to the tag, for example `node:22.11.0-bookworm-slim@sha256:<digest>`."

    public init() {}

    public func check(_ plan: BuildPlan, context: LintContext) -> [LintFinding] {
        plan.stages.compactMap { stage in
            guard let image = stage.base.image, image.digest == nil else { return nil }
            return finding(
                plan, at: stage.base.range.start,
                "base image '\(stage.base.expanded)' is not pinned by digest, so its content can change under "
                    + "the same tag; append @sha256:<digest> (ballast pin does this)"
            )
        }
    }
}
