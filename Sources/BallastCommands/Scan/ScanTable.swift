import BallastCore
import BallastMatching
import BallastReport

/// The readable form of a scan: findings grouped KEV first, then by severity, and a one-line
/// summary that names the database the verdict came from.
enum ScanTable {
    static func render(_ scan: ScanContext, showSuppressed: Bool, terminal: Terminal) -> String {
        let outcome = scan.outcome
        var text = ""
        if outcome.findings.isEmpty {
            text += "No vulnerabilities found.\n"
        } else {
            var table = TextTable(["SEVERITY", "ID", "PACKAGE", "VERSION", "FIXED IN", "SCOPE", "KEV", "EPSS", "LAYER"])
            for finding in outcome.findings {
                table.add(row(finding, terminal: terminal))
            }
            text += table.render()
        }
        if showSuppressed, !outcome.suppressed.isEmpty {
            text += "\nSuppressed:\n"
            var table = TextTable(["ID", "PACKAGE", "VERSION", "STATUS", "BY"])
            for (finding, statement) in outcome.suppressed {
                table.add([
                    finding.id, finding.component.name, finding.component.version, statement.status, statement.source,
                ])
            }
            text += table.render(indent: "  ")
        }
        let counts = scan.counts
        let severities = ["critical", "high", "medium", "low", "unknown"].compactMap { severity in
            counts.bySeverity[severity].map { "\($0) \(severity)" }
        }
        let detail = severities.isEmpty ? "" : " (" + severities.joined(separator: ", ") + ")"
        let feeds = scan.feeds.map(\.name).sorted().joined(separator: ", ")
        text += "\n\(outcome.findings.count) finding\(outcome.findings.count == 1 ? "" : "s")\(detail), "
        text +=
            "\(counts.kev) known exploited, \(outcome.suppressed.count) suppressed, \(outcome.filteredCount) filtered out; "
        text += "database \(scan.databaseDigest.prefix(19)) (\(feeds.isEmpty ? "no feeds" : feeds))\n"
        return text
    }

    private static func row(_ finding: Finding, terminal: Terminal) -> [String] {
        let severity: String
        switch finding.severity {
        case "critical": severity = terminal.styled("CRITICAL", .red)
        case "high": severity = terminal.styled("HIGH", .red)
        case "medium": severity = terminal.styled("MEDIUM", .yellow)
        default: severity = finding.severity.uppercased()
        }
        let fixed = finding.fixedVersion ?? "(\(finding.status))"
        let epss = finding.epssScore.map { String(format: "%.3f", $0) } ?? "-"
        let layer = finding.component.layer.map { "\($0.index)" } ?? "-"
        return [
            severity, finding.id, finding.component.name, finding.component.version, fixed,
            finding.component.scope.rawValue, finding.kevDateAdded ?? "-", epss, layer,
        ]
    }
}
