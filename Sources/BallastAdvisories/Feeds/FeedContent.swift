/// Everything one feed file holds, parsed and validated, ready to be written in one go.
public struct FeedContent: Sendable {
    public var vulnerabilities: [Vulnerability] = []
    public var affected: [AffectedEntry] = []
    public var kev: [KEVEntry] = []
    public var epss: [EPSSScore] = []
    public var releases: [NodeRelease] = []
    /// Records imported (advisories, catalogue entries, scores, release lines).
    public var records = 0
    /// Records skipped as invalid.
    public var skipped = 0
    /// Why the first skipped record was refused.
    public var firstSkipReason: String?
    /// A feed name the content itself implies (`alpine-v3.20-main`, `wolfi-os`), used for files
    /// imported by hand so that two `main.yaml` of different branches do not replace each other.
    public var impliedName: String?

    public init() {}

    /// Counts a refused record, keeping the first reason.
    mutating func skip(_ reason: String) {
        skipped += 1
        if firstSkipReason == nil { firstSkipReason = reason }
    }

    /// Stamps every value with the feed's name.
    mutating func assign(feed: String) {
        for index in vulnerabilities.indices { vulnerabilities[index].feed = feed }
        for index in affected.indices { affected[index].feed = feed }
    }

    mutating func append(_ other: FeedContent) {
        vulnerabilities += other.vulnerabilities
        affected += other.affected
        kev += other.kev
        epss += other.epss
        releases += other.releases
        records += other.records
        skipped += other.skipped
        firstSkipReason = firstSkipReason ?? other.firstSkipReason
    }
}

/// A record a feed parser refuses; the reason ends up in the import's summary.
struct InvalidRecord: Error {
    let reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
