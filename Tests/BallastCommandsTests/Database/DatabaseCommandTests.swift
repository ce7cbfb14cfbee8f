import BallastTestSupport
import Foundation
import Testing

/// `ballast db …` run as a user runs it: exit codes, messages, and what ends up in the file.
@Suite("ballast db")
struct DatabaseCommandTests {
    static let feeds = FeedMirror.samples

    private func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("advisories.db").path
    }

    private func sample(_ path: String) -> String {
        Self.feeds.appendingPathComponent(path).path
    }

    private func db(_ arguments: [String], database: String) throws -> BallastProcess.Result {
        try BallastProcess.run(["db"] + arguments + ["--db", database], environment: ["no_proxy": "127.0.0.1"])
    }

    /// The status document, without the ages that change from run to run.
    private func fingerprint(_ database: String) throws -> String {
        let result = try db(["status", "--format", "json", "--max-age", "30"], database: database)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test("import prints a line per feed, with skipped records and the first reason")
    func importSummary() throws {
        let database = try scratch()
        let result = try db(
            ["import", sample("alpine-secdb/v3.11/main.yaml"), sample("osv/npm/GHSA-35jh-r3h4-6jhm.json")],
            database: database)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                alpine-v3.11-main: imported 175 from \(sample("alpine-secdb/v3.11/main.yaml")), skipped 3 invalid: \
                first reason: opensmtpd: '6.6.2p1-r0' is not an apk version
                osv:GHSA-35jh-r3h4-6jhm.json: imported 1 from \(sample("osv/npm/GHSA-35jh-r3h4-6jhm.json"))

                """)
    }

    @Test("a batch with a bad second file changes nothing and exits 2")
    func importIsOneTransaction() throws {
        let database = try scratch()
        #expect(try db(["import", sample("osv/npm/GHSA-35jh-r3h4-6jhm.json")], database: database).status == 0)
        let before = try fingerprint(database)

        let bad = URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("bad.csv")
        try Data("cve,epss,percentile\nnot,a,row\n".utf8).write(to: bad)
        let result = try db(
            ["import", sample("cisa-kev/known_exploited_vulnerabilities.json"), bad.path], database: database)
        #expect(result.status == 2)
        #expect(
            result.stderr == "error: \(bad.path) holds no valid epss record (first problem: line 2 is not "
                + "cve,epss,percentile: not,a,row); check that it is a epss feed or pass --format\n")
        #expect(try fingerprint(database) == before)
        #expect(!before.contains("kev"))
    }

    @Test(
        "usage errors exit 64 with the valid values",
        arguments: [
            (
                ["frob"],
                "error: invalid value 'frob' for action; valid values: import, update, status, export, import-db\n"
            ),
            (["import"], "error: ballast db import needs at least one feed FILE; see ballast db import --help\n"),
            (["status", "--format", "xml"], "error: invalid value 'xml' for --format; valid values: text, json\n"),
            (
                ["status", "--max-age", "soon"],
                "error: invalid value 'soon' for --max-age; give a whole number of days, such as 7\n"
            ),
            (["export"], "error: ballast db export needs exactly one database FILE; see ballast db export --help\n"),
        ])
    func usage(arguments: [String], message: String) throws {
        let result = try db(arguments, database: try scratch())
        #expect(result.status == 64)
        #expect(result.stderr == message)
    }

    @Test("status without a database says so and exits 2; a foreign file is named as such")
    func statusErrors() throws {
        let database = try scratch()
        let missing = try db(["status"], database: database)
        #expect(missing.status == 2)
        #expect(
            missing.stderr == "error: no advisory database at \(database) yet; run 'ballast db update' to download "
                + "the feeds or 'ballast db import FILE…' to load feed files\n")
        try Data(String(repeating: "garbage", count: 1000).utf8).write(to: URL(fileURLWithPath: database))
        let foreign = try db(["status"], database: database)
        #expect(foreign.status == 2)
        #expect(
            foreign.stderr == "error: \(database) is not a Ballast advisory database (not an SQLite file); rebuild it "
                + "with 'ballast db update' or 'ballast db import FILE…', or point --db elsewhere\n")
    }

    @Test("status warns about stale feeds on stderr and marks them in JSON")
    func stale() throws {
        let database = try scratch()
        #expect(try db(["import", sample("nodejs-release/schedule.json")], database: database).status == 0)
        let fresh = try db(["status", "--format", "json"], database: database)
        #expect(fresh.stderr == "")
        #expect(fresh.stdout.contains(#""stale" : false"#))
        let old = try db(["status", "--format", "json", "--max-age", "0"], database: database)
        #expect(old.status == 0)
        #expect(old.stdout.contains(#""stale" : true"#))
        #expect(old.stderr.hasPrefix("warning: feed nodejs-schedule:schedule.json was fetched "))
        #expect(old.stderr.hasSuffix("more than 0 days ago; run 'ballast db update' to refresh it\n"))
        let text = try db(["status", "--max-age", "0"], database: database)
        #expect(text.stdout.contains("nodejs-schedule:schedule.json (stale)"))
    }

    @Test("export then import-db reproduces the database; import-db refuses a foreign file")
    func exportImport() throws {
        let database = try scratch()
        #expect(try db(["import", sample("epss/epss-scores-2025-02-20-excerpt.csv")], database: database).status == 0)
        let copy = URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("copy.db").path
        #expect(try db(["export", copy], database: database).status == 0)
        let other = try scratch()
        let imported = try db(["import-db", copy], database: other)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(
            try fingerprint(other).replacingOccurrences(of: other, with: "DB")
                == fingerprint(database).replacingOccurrences(of: database, with: "DB"))

        let refused = try db(["import-db", sample("epss/epss-scores-2025-02-20-excerpt.csv")], database: other)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is not a Ballast advisory database (not an SQLite file)"))
    }

    @Test("update fetches the feeds from a mirror and imports them all")
    func updateFromMirror() throws {
        let mirror = try FeedMirror()
        defer { mirror.stop() }
        let database = try scratch()
        let result = try db(
            ["update", "--mirror", mirror.baseURL] + FeedMirror.feeds.flatMap { ["--feed", $0] }, database: database)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == FeedMirror.feeds.count)
        #expect(lines.contains { $0.hasPrefix("cisa-kev: imported 1404 from \(mirror.baseURL)/cisa-kev/") })
        #expect(lines.contains { $0.hasPrefix("osv-npm: imported 5 from \(mirror.baseURL)/osv/npm/all.zip") })
        #expect(lines.contains { $0.hasPrefix("epss: imported 5 from ") })
        let status = try fingerprint(database)
        for feed in FeedMirror.feeds { #expect(status.contains(#""name" : "\#(feed)""#)) }
    }

    @Test(
        "an update failing half-way (404 or invalid file) leaves the database as it was",
        arguments: ["404", "invalid"])
    func updateFailure(kind: String) throws {
        let mirror = try FeedMirror()
        defer { mirror.stop() }
        let database = try scratch()
        #expect(try db(["import", sample("nodejs-release/schedule.json")], database: database).status == 0)
        let before = try fingerprint(database)

        var feeds = ["nodejs-schedule", "cisa-kev", "wolfi-os"]
        if kind == "404" {
            feeds.append("epss")
            try FileManager.default.removeItem(
                at: mirror.root.appendingPathComponent("epss/epss_scores-current.csv.gz"))
        } else {
            try mirror.write("{\"packages\": [{\"pkg\": {}}]}", at: "wolfi/security.json")
        }
        let result = try BallastProcess.run(
            ["db", "update", "--db", database] + feeds.flatMap { ["--feed", $0] },
            environment: ["BALLAST_FEED_MIRROR": mirror.baseURL, "no_proxy": "127.0.0.1"])
        #expect(result.status == 2)
        if kind == "404" {
            #expect(
                result.stderr
                    == "error: cannot download feed epss from \(mirror.baseURL)/epss/epss_scores-current.csv.gz: "
                    + "HTTP status 404; check the network, --mirror or --url epss=URL; the database was left unchanged\n"
            )
        } else {
            #expect(
                result.stderr
                    == "error: \(mirror.baseURL)/wolfi/security.json holds no valid secdb record (first problem: "
                    + "package 1 has no pkg.name); check that it is a secdb feed or pass --format\n")
        }
        #expect(try fingerprint(database) == before)
    }
}
