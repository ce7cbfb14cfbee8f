/// One problem a lint rule found, with where it is and, when the change is unambiguous, a fix.
public struct LintFinding: Sendable, Hashable {
    public let path: String
    public let line: Int
    public let column: Int
    public let severity: LintSeverity
    public let ruleID: String
    public let message: String
    /// Text edits that correct the problem without changing anything else, when one exists.
    public let fix: LintFix?

    public init(
        path: String, line: Int, column: Int, severity: LintSeverity, ruleID: String, message: String,
        fix: LintFix? = nil
    ) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.ruleID = ruleID
        self.message = message
        self.fix = fix
    }

    /// The finding as `path:line:col: severity: [ID] message`.
    public var formatted: String {
        "\(path):\(line):\(column): \(severity.rawValue): [\(ruleID)] \(message)"
    }

    /// The same finding with another severity, for strict mode.
    public func with(severity: LintSeverity) -> LintFinding {
        LintFinding(
            path: path, line: line, column: column, severity: severity, ruleID: ruleID, message: message, fix: fix
        )
    }
}

/// A safe correction of a finding: what it does and the edits to the Dockerfile's text.
public struct LintFix: Sendable, Hashable {
    public let summary: String
    public let edits: [SourceEdit]

    public init(summary: String, edits: [SourceEdit]) {
        self.summary = summary
        self.edits = edits
    }
}
