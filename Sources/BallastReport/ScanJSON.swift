import BallastAdvisories
import BallastCore
import BallastMatching
import BallastPolicy
import Foundation

/// `ballast scan --format json`, described in `docs/scan-json.md`.
public struct ScanJSON: Encodable {
    public var schemaVersion = 1
    public var tool: BallastJSON.Tool
    public var image: BallastJSON.Image
    public var database: Database
    public var summary: Summary
    public var findings: [Finding]
    public var suppressed: [SuppressedFinding]
    public var expiredIgnores: [Suppression]
    public var gate: Gate

    public struct Database: Encodable {
        public var digest: String
        public var feeds: [Feed]
    }

    public struct Feed: Encodable {
        public var name: String
        public var url: String
        public var fetchedAt: String
        public var sha256: String
        public var records: Int
    }

    public struct Summary: Encodable {
        public var total: Int
        public var bySeverity: [String: Int]
        public var knownExploited: Int
        public var suppressed: Int
        public var filtered: Int
    }

    public struct SuppressedFinding: Encodable {
        public var finding: Finding
        public var by: Suppression
    }

    public struct Gate: Encodable {
        public var passed: Bool
        public var failed: [FailedGate]
    }

    public struct FailedGate: Encodable {
        public var rule: String
        public var findings: Int
    }

    public init(_ context: ScanContext) {
        let base = BallastJSON(context.sbom)
        tool = base.tool
        image = base.image
        database = Database(
            digest: context.databaseDigest,
            feeds: context.feeds.map {
                Feed(
                    name: $0.name, url: $0.source, fetchedAt: Timestamp.instant($0.fetchedAt), sha256: $0.sha256,
                    records: $0.records)
            })
        let counts = context.counts
        summary = Summary(
            total: context.outcome.findings.count, bySeverity: counts.bySeverity, knownExploited: counts.kev,
            suppressed: context.outcome.suppressed.count, filtered: context.outcome.filteredCount)
        findings = context.outcome.findings
        suppressed = context.outcome.suppressed.map { SuppressedFinding(finding: $0.finding, by: $0.by) }
        expiredIgnores = context.outcome.expired
        gate = Gate(
            passed: context.outcome.passed,
            failed: context.outcome.failedGates.map { FailedGate(rule: $0.gate.description, findings: $0.count) })
    }
}
