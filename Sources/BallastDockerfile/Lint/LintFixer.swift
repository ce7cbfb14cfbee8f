/// Applies the safe fixes of lint findings to the Dockerfile's text.
public enum LintFixer {
    /// The text with every fix applied; a fix whose edits overlap an earlier one is left out, and a
    /// second lint run reports what remains.
    ///
    /// - Returns: the new text and the findings whose fixes were applied.
    public static func apply(
        _ findings: [LintFinding], to text: String
    ) throws(DockerfileError) -> (text: String, applied: [LintFinding]) {
        var chosen: [SourceEdit] = []
        var applied: [LintFinding] = []
        for finding in findings {
            guard let fix = finding.fix else { continue }
            let clashes = fix.edits.contains { edit in
                chosen.contains { other in
                    edit != other
                        && (edit.range.overlaps(other.range) || edit.range.lowerBound == other.range.lowerBound)
                }
            }
            guard !clashes else { continue }
            chosen.append(contentsOf: fix.edits)
            applied.append(finding)
        }
        return (try SourceEdit.apply(chosen, to: text), applied)
    }
}
