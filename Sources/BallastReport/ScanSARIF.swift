import BallastMatching
import Foundation

/// `ballast scan --format sarif`: SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/)
/// as GitHub code scanning reads it. Each vulnerability is a rule; each finding a result located
/// at the file that is the component's evidence inside the image.
public struct ScanSARIF {
    public let context: ScanContext

    public init(_ context: ScanContext) {
        self.context = context
    }

    public func render() throws -> String {
        var rules: [[String: Any]] = []
        var ruleIndex: [String: Int] = [:]
        var results: [[String: Any]] = []
        for finding in context.outcome.findings {
            if ruleIndex[finding.id] == nil {
                ruleIndex[finding.id] = rules.count
                var rule: [String: Any] = [
                    "id": finding.id,
                    "shortDescription": ["text": finding.summary ?? finding.id],
                    "properties": [
                        "security-severity": securitySeverity(finding), "tags": ["security", "vulnerability"],
                    ],
                ]
                if let url = finding.references.first { rule["helpUri"] = url }
                rules.append(rule)
            }
            let fix = finding.fixedVersion.map { "; fixed in \($0)" } ?? "; no fix yet (\(finding.status))"
            let kev = finding.kevDateAdded.map { "; known exploited since \($0)" } ?? ""
            let text =
                "\(finding.component.name) \(finding.component.version) is affected by \(finding.id)"
                + " (\(finding.severity))\(fix)\(kev)"
            results.append([
                "ruleId": finding.id,
                "ruleIndex": ruleIndex[finding.id]!,
                "level": level(finding),
                "message": ["text": text],
                "locations": [
                    [
                        "physicalLocation": [
                            "artifactLocation": ["uri": finding.component.path ?? finding.component.purl],
                            "region": ["startLine": 1],
                        ],
                        "logicalLocations": [["fullyQualifiedName": finding.component.purl, "kind": "package"]],
                    ]
                ],
                "partialFingerprints": ["ballast/v1": "\(finding.id)|\(finding.component.purl)"],
                "properties": [
                    "scope": finding.component.scope.rawValue, "status": finding.status,
                    "knownExploited": finding.isKnownExploited,
                ],
            ])
        }
        let document: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                [
                    "tool": [
                        "driver": [
                            "name": "ballast", "version": context.sbom.toolVersion,
                            "informationUri": "https://github.com/ballast", "rules": rules,
                        ]
                    ],
                    "results": results,
                    "properties": [
                        "image": context.sbom.imageName, "imageDigest": context.sbom.imageDigest.description,
                        "databaseDigest": context.databaseDigest,
                    ],
                ]
            ],
        ]
        let data = try JSONSerialization.data(
            withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func level(_ finding: Finding) -> String {
        if finding.isKnownExploited { return "error" }
        switch Severity(rawValue: finding.severity) ?? .unknown {
        case .critical, .high: return "error"
        case .medium: return "warning"
        default: return "note"
        }
    }

    /// GitHub ranks results by this CVSS-like number.
    private func securitySeverity(_ finding: Finding) -> String {
        if let score = finding.cvssScore { return String(format: "%.1f", score) }
        switch Severity(rawValue: finding.severity) ?? .unknown {
        case .critical: return "9.5"
        case .high: return "8.0"
        case .medium: return "5.5"
        case .low: return "2.0"
        case .unknown: return "0.0"
        }
    }
}
