import BallastAdvisories
import BallastImage
import BallastMatching
import BallastPolicy

/// Everything a scan report states: the image, the findings after policy, and the database
/// they came from, so a verdict can be reproduced later.
public struct ScanContext: Sendable {
    public let sbom: SBOMContext
    public let outcome: Policy.Outcome
    public let databaseDigest: String
    public let feeds: [FeedRecord]

    public init(sbom: SBOMContext, outcome: Policy.Outcome, databaseDigest: String, feeds: [FeedRecord]) {
        self.sbom = sbom
        self.outcome = outcome
        self.databaseDigest = databaseDigest
        self.feeds = feeds
    }

    /// Counts by severity and KEV, for summaries.
    public var counts: (bySeverity: [String: Int], kev: Int) {
        var bySeverity: [String: Int] = [:]
        for finding in outcome.findings { bySeverity[finding.severity, default: 0] += 1 }
        return (bySeverity, outcome.findings.filter(\.isKnownExploited).count)
    }
}
