import BallastAdvisories
import BallastCore
import Foundation

extension DatabaseCommand {
    /// One feed as `db status --format json` prints it.
    struct FeedStatus: Encodable {
        let name: String
        let format: String
        let source: String
        let fetchedAt: String
        let sha256: String
        let records: Int
        let skipped: Int
        let stale: Bool
    }

    /// The whole `db status --format json` document.
    struct DatabaseStatus: Encodable {
        let database: String
        let schemaVersion: Int
        let digest: String
        let maxAgeDays: Int
        let feeds: [FeedStatus]
    }

    /// `status`: the feeds with their age; a warning on standard error for each stale one.
    func status(_ path: String, in context: CommandContext) throws {
        let database = try AdvisoryDatabase.open(path: path, logger: context.logger)
        let now = Date()
        let feeds = try database.feeds().map { feed in
            FeedStatus(
                name: feed.name, format: feed.format.rawValue, source: feed.source,
                fetchedAt: Timestamp.instant(feed.fetchedAt), sha256: feed.sha256, records: feed.records,
                skipped: feed.skipped, stale: now.timeIntervalSince(feed.fetchedAt) > Double(maxAge) * 86_400)
        }
        for feed in feeds where feed.stale {
            context.logger.warning(
                "feed \(feed.name) was fetched \(feed.fetchedAt), more than \(maxAge) days ago; "
                    + "run 'ballast db update' to refresh it")
        }
        if feeds.isEmpty {
            context.logger.warning("\(path) holds no feeds yet; run 'ballast db update' or 'ballast db import FILE…'")
        }

        let document = DatabaseStatus(
            database: path, schemaVersion: try database.schemaVersion(), digest: try database.digest(),
            maxAgeDays: maxAge, feeds: feeds)
        if json {
            context.write(try JSONOutput.encode(document))
            return
        }
        var table = TextTable(
            ["FEED", "FORMAT", "FETCHED", "SHA256", "RECORDS", "SKIPPED", "SOURCE"],
            alignments: [.left, .left, .left, .left, .right, .right, .left])
        for feed in feeds {
            table.add([
                feed.name + (feed.stale ? " (stale)" : ""), feed.format, feed.fetchedAt, String(feed.sha256.prefix(12)),
                "\(feed.records)", "\(feed.skipped)", feed.source,
            ])
        }
        context.write("database: \(path)\nschema: \(document.schemaVersion)\ndigest: \(document.digest)\n\n")
        context.write(table.render())
    }
}
