import BallastAdvisories
import BallastCore
import Foundation

extension DatabaseCommand {
    /// `db import FILE…`: every file in one transaction, a summary line per feed.
    func importFiles(into path: String, in context: CommandContext) throws {
        let feedFiles = try files.map { try FeedFile.load(path: $0, format: feedFormat) }
        let database = try AdvisoryDatabase.open(path: path, create: true, logger: context.logger)
        let records = try database.store(reading: feedFiles, qualifyNames: true)
        for record in records {
            context.write(Self.summary(record))
        }
    }

    /// `update`: download the selected feeds, then import them in one transaction.
    func update(_ path: String, in context: CommandContext) async throws {
        let mirror = self.mirror ?? context.environment["BALLAST_FEED_MIRROR"]
        let sources = feeds.map { ($0, $0.url(mirror: mirror, override: urls[$0.name])) }
        let downloaded = try await FeedDownloader(logger: context.logger).download(sources)
        let database = try AdvisoryDatabase.open(path: path, create: true, logger: context.logger)
        for record in try database.store(reading: downloaded, qualifyNames: false) {
            context.write(Self.summary(record))
        }
    }

    /// `imported N from SOURCE as FEED`, and the skipped records with the first reason.
    static func summary(_ record: FeedRecord) -> String {
        var line = "\(record.name): imported \(record.records) from \(record.source)"
        if record.skipped > 0 {
            line += ", skipped \(record.skipped) invalid: first reason: \(record.firstSkipReason ?? "unknown")"
        }
        return line + "\n"
    }
}
