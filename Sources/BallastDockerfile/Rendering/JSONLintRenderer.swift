import Foundation

/// Findings as a JSON array with sorted keys, so two runs can be diffed.
///
/// Each element has `path`, `line`, `column`, `severity`, `ruleID`, `message` and, when there is
/// a fix, `fix` with `summary` and `edits` (`start`/`end` UTF-8 offsets and `replacement`).
public struct JSONLintRenderer: LintRenderer {
    public init() {}

    struct Edit: Encodable {
        let start: Int
        let end: Int
        let replacement: String
    }

    struct Fix: Encodable {
        let summary: String
        let edits: [Edit]
    }

    struct Finding: Encodable {
        let path: String
        let line: Int
        let column: Int
        let severity: String
        let ruleID: String
        let message: String
        let fix: Fix?
    }

    public func render(_ findings: [LintFinding], rules: [any LintRule]) -> String {
        let items = findings.map { finding in
            Finding(
                path: finding.path, line: finding.line, column: finding.column, severity: finding.severity.rawValue,
                ruleID: finding.ruleID, message: finding.message,
                fix: finding.fix.map { fix in
                    Fix(
                        summary: fix.summary,
                        edits: fix.edits.map {
                            Edit(start: $0.range.lowerBound, end: $0.range.upperBound, replacement: $0.replacement)
                        }
                    )
                }
            )
        }
        return Self.encode(items)
    }

    /// Pretty, key-sorted JSON ending with a newline.
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
