/// BL002 floating-tag: an official `node` tag that names less than a full release and distribution.
///
/// Tags like `node:22`, `node:22-slim`, `node:lts-alpine` or `node:iron` are moved by the image
/// maintainers to each new patch release, and tags without a Debian or Alpine release
/// (`-slim` rather than `-bookworm-slim`) also move to the next distribution when it ships. Builds
/// therefore change without any change to the Dockerfile. Use the fully specific tag, for
/// example `node:22.11.0-bookworm-slim` instead of `node:22-slim`; `ballast pin` can rewrite it.
public struct FloatingTagRule: LintRule {
    public let id = "BL002"
    public let name = "floating-tag"
    public let severity = LintSeverity.info
    public let summary = "Official node tag floats between releases or distributions."
    public let help =
        "Flags official `node` tags that name only a major or minor version, an alias such as `lts` or "
        + "`iron`, or no distribution release. Such tags move to new releases without any change to the "
        + "Dockerfile. Use the fully specific tag, such as `node:22.11.0-bookworm-slim` for `node:22-slim`."

    public init() {}

    public func check(_ plan: BuildPlan, context: LintContext) -> [LintFinding] {
        plan.stages.compactMap { stage in
            guard let image = stage.base.image, image.isOfficialNode, image.digest == nil,
                let tag = image.tag, tag.lowercased() != "latest"
            else { return nil }
            let parsed = NodeTag(tag)
            guard !(parsed.hasFullVersion && parsed.hasDistributionRelease) else { return nil }

            let moves = movesWith(fullVersion: parsed.hasFullVersion, parsed.hasDistributionRelease)
            let specific = parsed.specific(major: BaseImageFacts.nodeMajor(image))
            return finding(
                plan, at: stage.base.range.start,
                "tag 'node:\(tag)' floats: it moves to new \(moves)"
                    + "; use a specific tag such as node:\(specific)"
            )
        }
    }

    private func movesWith(fullVersion: Bool, _ hasDistribution: Bool) -> String {
        switch (fullVersion, hasDistribution) {
        case (false, false): "Node.js releases and distribution versions"
        case (false, true): "Node.js releases"
        default: "distribution versions"
        }
    }
}
