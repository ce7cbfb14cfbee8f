import BallastDigest
import Foundation

extension AdvisoryDatabase {
    /// The entries naming `package` in `ecosystem`, for one distribution `scope` (`debian:bookworm`,
    /// `alpine:v3.20`, `wolfi`) or every scope when nil. npm and Node.js core entries have the
    /// empty scope.
    public func affected(ecosystem: AdvisoryEcosystem, scope: String?, package: String) throws -> [AffectedEntry] {
        try affected(ecosystem: ecosystem, scope: scope, packages: [package])[package] ?? []
    }

    /// The entries of many packages in one query: the matcher's batched form.
    ///
    /// - Returns: entries by package name; packages without entries are absent.
    public func affected(ecosystem: AdvisoryEcosystem, scope: String?, packages: [String]) throws -> [String:
        [AffectedEntry]]
    {
        let names = String(decoding: try JSONSerialization.data(withJSONObject: Array(Set(packages))), as: UTF8.self)
        var sql =
            "SELECT \(AffectedRow.columns) FROM affected WHERE ecosystem = ?1 "
            + "AND package IN (SELECT value FROM json_each(?2))"
        if scope != nil { sql += " AND scope = ?3" }
        sql += " ORDER BY package, vulnerability_id, rowid"
        return try withConnection { connection in
            let statement = try connection.prepare(sql, operation: "query affected packages")
            try statement.bind([.text(ecosystem.rawValue), .text(names)] + (scope.map { [.text($0)] } ?? []))
            var result: [String: [AffectedEntry]] = [:]
            while try statement.step() {
                let entry = try AffectedRow.entry(statement)
                result[entry.package, default: []].append(entry)
            }
            return result
        }
    }

    /// Every entry of one advisory, across packages and scopes.
    public func affected(vulnerabilityID: String) throws -> [AffectedEntry] {
        try withConnection { connection in
            let statement = try connection.prepare(
                "SELECT \(AffectedRow.columns) FROM affected WHERE vulnerability_id = ? ORDER BY rowid",
                operation: "query an advisory's packages")
            try statement.bind([.text(vulnerabilityID)])
            var result: [AffectedEntry] = []
            while try statement.step() { result.append(try AffectedRow.entry(statement)) }
            return result
        }
    }

    /// The advisory `id` (or the advisory having `id` as an alias), from the first feed by name
    /// that has it; ``vulnerabilities(id:)`` gives every feed's record.
    public func vulnerability(id: String) throws -> Vulnerability? {
        try vulnerabilities(id: id).first
    }

    /// Every feed's record of advisory `id`, or of the advisories that list `id` as an alias.
    public func vulnerabilities(id: String) throws -> [Vulnerability] {
        try withConnection { connection in
            let statement = try connection.prepare(
                """
                WITH wanted(id, feed) AS (
                    SELECT id, feed FROM vulnerabilities WHERE id = ?1
                    UNION SELECT id, feed FROM aliases WHERE alias = ?1
                )
                SELECT v.id, v.feed, v.summary, v.published, v.modified, v.severity, v.cvss_score, v.cvss_vector, v.refs,
                (SELECT group_concat(alias, char(10)) FROM aliases a WHERE a.id = v.id AND a.feed = v.feed)
                FROM wanted w JOIN vulnerabilities v ON v.id = w.id AND v.feed = w.feed
                ORDER BY v.id = ?1 DESC, v.feed
                """, operation: "query an advisory")
            try statement.bind([.text(id)])
            var result: [Vulnerability] = []
            while try statement.step() {
                result.append(
                    Vulnerability(
                        id: statement.string(0), aliases: AffectedRow.lines(statement.text(9)),
                        summary: statement.text(2), published: statement.text(3), modified: statement.text(4),
                        severity: statement.text(5), cvssScore: statement.double(6), cvssVector: statement.text(7),
                        references: AffectedRow.lines(statement.text(8)), feed: statement.string(1)))
            }
            return result
        }
    }

    /// The KEV catalogue entry of `cve`, if CISA lists it.
    public func kev(cve: String) throws -> KEVEntry? {
        try withConnection { connection in
            let statement = try connection.prepare(
                "SELECT cve, vendor, product, name, date_added, due_date, ransomware FROM kev WHERE cve = ?",
                operation: "query the KEV catalogue")
            try statement.bind([.text(cve)])
            guard try statement.step() else { return nil }
            return KEVEntry(
                cve: statement.string(0), vendor: statement.string(1), product: statement.string(2),
                name: statement.string(3), dateAdded: statement.string(4), dueDate: statement.string(5),
                knownRansomwareCampaignUse: statement.string(6))
        }
    }

    /// The EPSS score of `cve`, if scored.
    public func epss(cve: String) throws -> EPSSScore? {
        try withConnection { connection in
            let statement = try connection.prepare(
                "SELECT cve, score, percentile, score_date, model_version FROM epss WHERE cve = ?",
                operation: "query EPSS scores")
            try statement.bind([.text(cve)])
            guard try statement.step() else { return nil }
            return EPSSScore(
                cve: statement.string(0), score: statement.double(1) ?? 0, percentile: statement.double(2) ?? 0,
                scoreDate: statement.string(3), modelVersion: statement.string(4))
        }
    }

    /// The release line of Node.js `major` (20 → `v20`); nil for unknown lines.
    public func nodeRelease(major: Int) throws -> NodeRelease? {
        try nodeReleases().first { $0.major == major && $0.line == "v\(major)" }
    }

    /// Every release line of the schedule, oldest first.
    public func nodeReleases() throws -> [NodeRelease] {
        try withConnection { connection in
            let statement = try connection.prepare(
                "SELECT line, major, start, lts, maintenance, end_date, codename FROM node_releases ORDER BY major, line",
                operation: "query the Node.js release schedule")
            try statement.bind([])
            var result: [NodeRelease] = []
            while try statement.step() {
                result.append(
                    NodeRelease(
                        line: statement.string(0), major: statement.int(1), start: statement.string(2),
                        lts: statement.text(3), maintenance: statement.text(4), end: statement.string(5),
                        codename: statement.text(6)))
            }
            return result
        }
    }

    /// Every imported feed, by name.
    public func feeds() throws -> [FeedRecord] {
        try withConnection { connection in
            let statement = try connection.prepare(
                "SELECT name, format, source, fetched_at, sha256, records, skipped, skip_reason FROM feeds ORDER BY name",
                operation: "list the feeds")
            try statement.bind([])
            var result: [FeedRecord] = []
            while try statement.step() {
                result.append(
                    FeedRecord(
                        name: statement.string(0), format: FeedFormat(rawValue: statement.string(1)) ?? .osv,
                        source: statement.string(2), fetchedAt: Date(timeIntervalSince1970: statement.double(3) ?? 0),
                        sha256: statement.string(4), records: statement.int(5), skipped: statement.int(6),
                        firstSkipReason: statement.text(7)))
            }
            return result
        }
    }

    /// A stable fingerprint of the contents for reports: `sha256:` over the schema version and each
    /// feed's name, content SHA-256 and record count, in name order. Two databases built from the
    /// same feed bytes have the same digest whenever they were built.
    public func digest() throws -> String {
        var text = "ballast-advisories schema \(try schemaVersion())\n"
        for feed in try feeds() {
            text += "\(feed.name)\t\(feed.sha256)\t\(feed.records)\n"
        }
        return SHA256Hasher.hash(Array(text.utf8)).description
    }
}
