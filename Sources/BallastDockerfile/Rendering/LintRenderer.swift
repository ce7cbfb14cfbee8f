/// Turns lint findings into one output format.
public protocol LintRenderer: Sendable {
    /// The complete output for `findings`; `rules` are the rules that ran, for formats that describe them.
    func render(_ findings: [LintFinding], rules: [any LintRule]) -> String
}

/// One line per finding: `path:line:col: severity: [ID] message`, the form editors and CI annotate.
public struct TextLintRenderer: LintRenderer {
    public init() {}

    public func render(_ findings: [LintFinding], rules: [any LintRule]) -> String {
        findings.map { $0.formatted + "\n" }.joined()
    }
}
