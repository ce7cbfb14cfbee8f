import Foundation

/// What the database remembers about one imported feed.
public struct FeedRecord: Sendable, Equatable, Codable {
    /// The feed's name: `nodejs-npm`, `debian-tracker`, `alpine-v3.20-main`, or for a file imported
    /// by hand, its format and file name (`osv:GHSA-35jh-r3h4-6jhm.json`). Importing a feed of the
    /// same name again replaces what it brought before.
    public var name: String
    public var format: FeedFormat
    /// Where it came from: a URL for `ballast db update`, a file path for `ballast db import`.
    public var source: String
    /// When it was fetched or imported.
    public var fetchedAt: Date
    /// SHA-256 of the bytes as fetched (hex).
    public var sha256: String
    /// How many records were imported from it.
    public var records: Int
    /// How many records were skipped as invalid.
    public var skipped: Int
    /// Why the first skipped record was refused.
    public var firstSkipReason: String?

    public init(
        name: String, format: FeedFormat, source: String, fetchedAt: Date, sha256: String, records: Int,
        skipped: Int, firstSkipReason: String? = nil
    ) {
        self.name = name
        self.format = format
        self.source = source
        self.fetchedAt = fetchedAt
        self.sha256 = sha256
        self.records = records
        self.skipped = skipped
        self.firstSkipReason = firstSkipReason
    }
}
