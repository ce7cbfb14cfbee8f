/// A check over a parsed Dockerfile that reports problems as ``LintFinding``s.
///
/// Each rule has a stable ID of the form `BL` and three digits that never changes meaning once
/// published, so configuration files and `# ballast-ignore BL001` comments keep working. The
/// rule's documentation (`docs/rules/<ID>.md`) repeats its `summary` and `help` with examples.
public protocol LintRule: Sendable {
    /// The stable ID, such as `BL001`.
    var id: String { get }
    /// A short kebab-case name, such as `untagged-base-image`.
    var name: String { get }
    /// The severity of the rule's findings.
    var severity: LintSeverity { get }
    /// One sentence saying what the rule flags.
    var summary: String { get }
    /// What the rule flags, why it matters and how to fix it: the rule's user documentation.
    var help: String { get }

    /// The findings for one Dockerfile.
    func check(_ plan: BuildPlan, context: LintContext) -> [LintFinding]
}

extension LintRule {
    /// A finding of this rule at `position` of the file being checked.
    func finding(
        _ plan: BuildPlan, at position: SourcePosition, _ message: String, fix: LintFix? = nil
    ) -> LintFinding {
        LintFinding(
            path: plan.dockerfile.path, line: position.line, column: position.column, severity: severity, ruleID: id,
            message: message, fix: fix
        )
    }
}
