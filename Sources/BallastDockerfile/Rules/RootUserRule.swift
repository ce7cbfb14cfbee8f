/// BL007 root-user: the final stage runs as root.
///
/// Containers run as root unless the image or the Dockerfile says otherwise. A compromised Node.js
/// process running as root can modify the image's files and has a much easier path out of the
/// container. The official node images already create an unprivileged user `node` (uid 1000), and
/// distroless and Chainguard images provide `nonroot` (uid 65532); switch to it with `USER`
/// before CMD, after files are copied with `--chown` where the app must write to them.
public struct RootUserRule: LintRule {
    public let id = "BL007"
    public let name = "root-user"
    public let severity = LintSeverity.warning
    public let summary = "Final stage runs as root."
    public let help =
        "Flags a final stage with no `USER` instruction (in it or in the stages it builds on), or whose last "
        + "`USER` is `root` or `0`. A process running as root makes any compromise worse. Add `USER node` for "
        + "the official node images, or `USER nonroot` (65532) for distroless images."

    public init() {}

    public func check(_ plan: BuildPlan, context: LintContext) -> [LintFinding] {
        let image = plan.rootImage(of: plan.finalStage)
        let known = image.flatMap(BaseImageFacts.defaultUser)
        let suggestion =
            known.map { "'USER \($0.user)' (an unprivileged user that \(image?.repository ?? "the base") provides)" }
            ?? "'USER <name>' with an unprivileged user created in the image"

        let lastUser = plan.finalStageLineage.lazy.compactMap { stage in
            stage.instructions.last { $0.kind == .user }
        }.first
        guard let lastUser else {
            guard known?.alreadyNonRoot != true, !plan.finalStage.base.isScratch || image != nil else { return [] }
            let at = plan.finalStage.from.position
            return [finding(plan, at: at, "the final stage has no USER, so it runs as root; add \(suggestion)")]
        }
        let user = lastUser.arguments.values.first ?? ""
        let name = String(user.split(separator: ":").first ?? "")
        guard name == "root" || name == "0" else { return [] }
        return [
            finding(
                plan, at: lastUser.position,
                "the final stage switches to USER \(user), so it runs as root; use \(suggestion) instead"
            )
        ]
    }
}
