/// Runs lint rules over a Dockerfile, honouring disabled rules and `# ballast-ignore` comments.
///
/// A comment `# ballast-ignore BL001 BL007` (IDs separated by spaces or commas, or `all`) on the
/// comment lines right above an instruction silences those rules for findings on that instruction.
public struct Linter: Sendable {
    public let rules: [any LintRule]
    /// Rule IDs turned off by configuration.
    public let disabledRules: Set<String>

    public init(rules: [any LintRule] = Linter.allRules, disabledRules: Set<String> = []) {
        self.rules = rules
        self.disabledRules = disabledRules
    }

    /// Every rule Ballast ships, in ID order.
    public static let allRules: [any LintRule] = [
        UntaggedBaseImageRule(), FloatingTagRule(), UnpinnedDigestRule(), ToolchainFinalStageRule(),
        DevDependenciesRule(), DockerignoreRule(), RootUserRule(), ShellFormWithoutShellRule(),
        PackageManagerEntrypointRule(), AlpineNativeModulesRule(), AptGetInstallRule(), AddURLRule(),
        SecretNameRule(), EndOfLifeNodeRule(),
    ]

    /// The rule with `id`, if Ballast has one.
    public static func rule(_ id: String) -> (any LintRule)? {
        allRules.first { $0.id == id }
    }

    /// Lints a parsed Dockerfile; findings are sorted by line, column and rule ID.
    ///
    /// - Throws: ``DockerfileError`` when the stages cannot be resolved (an ARG without a value in FROM).
    public func lint(_ dockerfile: Dockerfile, context: LintContext) throws(DockerfileError) -> [LintFinding] {
        let plan = try dockerfile.buildPlan(buildArguments: context.buildArguments)
        let ignored = IgnoreComments(dockerfile)
        let findings = rules.filter { !disabledRules.contains($0.id) }
            .flatMap { $0.check(plan, context: context) }
            .filter { !ignored.silences($0) }
        return findings.sorted {
            ($0.line, $0.column, $0.ruleID, $0.message) < ($1.line, $1.column, $1.ruleID, $1.message)
        }
    }
}
