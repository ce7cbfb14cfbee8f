import Foundation

extension AdvisoryDatabase {
    /// Writes parsed feeds in one transaction: each replaces what a feed of the same name brought
    /// before. When anything fails, nothing of the batch is kept and the database is as it was.
    public func store(_ feeds: [ParsedFeed]) throws {
        try withConnection { connection in
            try connection.transaction("import feeds") {
                for feed in feeds {
                    try remove(feed: feed.record.name, connection)
                    try write(feed, connection)
                }
            }
        }
        logger.debug("stored \(feeds.count) feeds in \(path)")
    }

    /// Reads and writes `files` one after the other inside one transaction, so that only one
    /// parsed feed is held at a time; a file that fails to parse rolls back the whole batch.
    ///
    /// - Parameter qualifyNames: name feeds as files imported by hand are named
    ///   (see ``FeedReader/read(_:qualifyName:logger:)``).
    /// - Returns: the record of each feed written, in order.
    public func store(reading files: [FeedFile], qualifyNames: Bool) throws -> [FeedRecord] {
        let records = try withConnection { connection in
            try connection.transaction("import feeds") {
                try files.map { file in
                    let feed = try FeedReader.read(file, qualifyName: qualifyNames, logger: logger)
                    try remove(feed: feed.record.name, connection)
                    try write(feed, connection)
                    return feed.record
                }
            }
        }
        logger.debug("stored \(records.count) feeds in \(path)")
        return records
    }

    private func remove(feed name: String, _ connection: SQLiteConnection) throws {
        for table in ["vulnerabilities", "aliases", "affected", "kev", "epss", "node_releases"] {
            let statement = try connection.prepare(
                "DELETE FROM \(table) WHERE feed = ?", operation: "remove the previous \(name) data")
            try statement.run([.text(name)])
        }
        try connection.prepare("DELETE FROM feeds WHERE name = ?", operation: "remove feed \(name)").run([.text(name)])
    }

    private func write(_ feed: ParsedFeed, _ connection: SQLiteConnection) throws {
        let name = feed.record.name
        let content = feed.content
        let operation = "write feed \(name)"
        let record = feed.record
        try connection.prepare("INSERT INTO feeds VALUES (?,?,?,?,?,?,?,?)", operation: operation).run([
            .text(name), .text(record.format.rawValue), .text(record.source),
            .real(record.fetchedAt.timeIntervalSince1970), .text(record.sha256), .integer(record.records),
            .integer(record.skipped), .optional(record.firstSkipReason),
        ])

        let vulnerability = try connection.prepare(
            "INSERT OR REPLACE INTO vulnerabilities VALUES (?,?,?,?,?,?,?,?,?)", operation: operation)
        let alias = try connection.prepare("INSERT INTO aliases VALUES (?,?,?)", operation: operation)
        for item in content.vulnerabilities {
            try vulnerability.run([
                .text(item.id), .text(name), .optional(item.summary), .optional(item.published),
                .optional(item.modified), .optional(item.severity), .optional(item.cvssScore),
                .optional(item.cvssVector), .text(item.references.joined(separator: "\n")),
            ])
            for other in item.aliases { try alias.run([.text(other), .text(item.id), .text(name)]) }
        }

        let affected = try connection.prepare(AffectedRow.insert, operation: operation)
        for entry in content.affected { try affected.run(AffectedRow.values(entry)) }

        let kev = try connection.prepare("INSERT OR REPLACE INTO kev VALUES (?,?,?,?,?,?,?,?)", operation: operation)
        for entry in content.kev {
            try kev.run([
                .text(entry.cve), .text(entry.vendor), .text(entry.product), .text(entry.name), .text(entry.dateAdded),
                .text(entry.dueDate), .text(entry.knownRansomwareCampaignUse), .text(name),
            ])
        }

        let epss = try connection.prepare(
            "INSERT OR REPLACE INTO epss (cve, score, percentile, score_date, feed, model_version) VALUES (?,?,?,?,?,?)",
            operation: operation)
        for score in content.epss {
            try epss.run([
                .text(score.cve), .real(score.score), .real(score.percentile), .text(score.scoreDate), .text(name),
                .text(score.modelVersion),
            ])
        }

        let release = try connection.prepare(
            "INSERT OR REPLACE INTO node_releases VALUES (?,?,?,?,?,?,?,?)", operation: operation)
        for line in content.releases {
            try release.run([
                .text(line.line), .integer(line.major), .text(line.start), .optional(line.lts),
                .optional(line.maintenance), .text(line.end), .optional(line.codename), .text(name),
            ])
        }
    }
}
