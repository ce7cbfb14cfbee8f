/// BL014 end-of-life-node: the base image carries a Node.js release line past its end of life.
///
/// After its end-of-life date a Node.js major gets no more releases, including security fixes,
/// so vulnerabilities found later stay open in every image built on it. The date comes from the
/// Node.js release schedule and is compared with the date the lint runs. Move to a supported LTS
/// line (an even major in active or maintenance LTS).
public struct EndOfLifeNodeRule: LintRule {
    public let id = "BL014"
    public let name = "end-of-life-node"
    public let severity = LintSeverity.error
    public let summary = "Base image carries an end-of-life Node.js release."
    public let help =
        "Flags a FROM whose image carries a Node.js major past its end-of-life date (official node tags, "
        + "including LTS codenames, and distroless nodejsNN images). End-of-life releases get no security fixes. "
        + "Move to a supported LTS release line."

    public init() {}

    public func check(_ plan: BuildPlan, context: LintContext) -> [LintFinding] {
        plan.stages.compactMap { stage in
            guard let image = stage.base.image, let major = BaseImageFacts.nodeMajor(image),
                NodeReleaseSchedule.isEndOfLife(major, on: context.today)
            else { return nil }
            let ended = NodeReleaseSchedule.endOfLife[major].map { " on \($0)" } ?? ""
            let supported = NodeReleaseSchedule.supportedLTS(on: context.today).map(String.init)
            let advice =
                supported.isEmpty
                ? "move to a supported release line"
                : "move to a supported LTS line (\(supported.joined(separator: ", ")))"
            return finding(
                plan, at: stage.base.range.start,
                "Node.js \(major) reached end of life\(ended) and gets no security fixes; \(advice)"
            )
        }
    }
}
