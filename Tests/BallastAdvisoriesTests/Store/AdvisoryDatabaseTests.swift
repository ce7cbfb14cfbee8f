import Foundation
import Testing

@testable import BallastAdvisories

struct AdvisoryDatabaseTests {
    private func scratch(_ name: String = "advisories.db") throws -> String {
        try FeedSamples.temporaryFolder().appendingPathComponent(name).path
    }

    private func read(_ sample: String) throws -> ParsedFeed {
        try FeedReader.read(FeedFile.load(path: FeedSamples.path(sample)), qualifyName: true, logger: .silent)
    }

    @Test("a missing file is 'no database yet', naming the commands that make one")
    func missing() throws {
        let path = try scratch()
        #expect(throws: AdvisoriesError.noDatabase(path: path)) {
            try AdvisoryDatabase.open(path: path, logger: .silent)
        }
        #expect(
            AdvisoriesError.noDatabase(path: "/x/a.db").description
                == "no advisory database at /x/a.db yet; run 'ballast db update' to download the feeds "
                + "or 'ballast db import FILE…' to load feed files")
    }

    @Test(
        "a corrupt or foreign file is refused with the fix",
        arguments: [
            ("text", "not an SQLite file"),
            ("foreign", "an SQLite file of another application"),
            ("empty", "an empty SQLite file without Ballast's tables"),
        ])
    func foreign(kind: String, reason: String) throws {
        let path = try scratch()
        switch kind {
        case "text":
            try Data(String(repeating: "not a database\n", count: 200).utf8).write(to: URL(fileURLWithPath: path))
        case "foreign":
            try SQLiteConnection(path: path, create: true).execute("CREATE TABLE t (x)", operation: "create")
        default: try Data().write(to: URL(fileURLWithPath: path))
        }
        #expect(throws: AdvisoriesError.notADatabase(path: path, reason: reason)) {
            try AdvisoryDatabase.open(path: path, logger: .silent)
        }
        #expect(
            AdvisoriesError.notADatabase(path: "/x/a.db", reason: reason).description
                == "/x/a.db is not a Ballast advisory database (\(reason)); rebuild it with 'ballast db update' "
                + "or 'ballast db import FILE…', or point --db elsewhere")
    }

    @Test("a file of a newer schema is refused rather than misread")
    func newer() throws {
        let path = try scratch()
        _ = try AdvisoryDatabase.open(path: path, create: true, logger: .silent)
        try SQLiteConnection(path: path, create: false).execute("PRAGMA user_version = 99", operation: "bump")
        #expect(throws: AdvisoriesError.newerSchema(path: path, found: 99, supported: AdvisorySchema.current)) {
            try AdvisoryDatabase.open(path: path, logger: .silent)
        }
    }

    @Test("opening a version 1 file migrates it and keeps its data")
    func migratesFromVersion1() throws {
        let path = try scratch()
        let old = try SQLiteConnection(path: path, create: true)
        try AdvisorySchema.migrate(old, from: 0, to: 1)
        try old.execute(
            """
            INSERT INTO epss VALUES ('CVE-2020-1', 0.5, 0.9, '2025-02-20', 'epss');
            INSERT INTO affected (vulnerability_id, ecosystem, scope, package, status, feed)
            VALUES ('CVE-2020-1', 'npm', '', 'left-pad', 'affected', 'osv');
            """, operation: "fill")
        #expect(try old.integer("PRAGMA user_version", operation: "read") == 1)

        let database = try AdvisoryDatabase.open(path: path, logger: .silent)
        #expect(try database.schemaVersion() == AdvisorySchema.current)
        #expect(try database.epss(cve: "CVE-2020-1")?.modelVersion == "")
        #expect(try database.epss(cve: "CVE-2020-1")?.percentile == 0.9)
        #expect(try database.affected(ecosystem: .npm, scope: nil, package: "left-pad").count == 1)
        #expect(try database.nodeReleases().isEmpty)
    }

    @Test("a failed batch leaves the previous import untouched")
    func transactions() throws {
        let database = try AdvisoryDatabase.open(path: try scratch(), create: true, logger: .silent)
        try database.store([try read("osv/npm/GHSA-35jh-r3h4-6jhm.json")])
        let before = try database.affected(ecosystem: .npm, scope: nil, package: "lodash")
        let feedsBefore = try database.feeds()

        let folder = try FeedSamples.temporaryFolder()
        let bad = folder.appendingPathComponent("bad.json")
        try Data(#"{"id": "GHSA-bad", "modified": "2024-01-01T00:00:00Z", "affected": [{"package": {}}]}"#.utf8)
            .write(to: bad)
        let files = try [
            FeedFile.load(path: FeedSamples.path("nodejs-security-wg/npm-index.json")),
            FeedFile.load(path: FeedSamples.path("cisa-kev/known_exploited_vulnerabilities.json")),
            FeedFile.load(path: bad.path),
        ]
        #expect(
            throws: AdvisoriesError.noValidRecords(
                path: bad.path, format: "osv",
                firstReason: "GHSA-bad has an affected entry without package name and ecosystem")
        ) {
            try database.store(reading: files, qualifyNames: true)
        }
        #expect(try database.affected(ecosystem: .npm, scope: nil, package: "lodash") == before)
        #expect(try database.feeds() == feedsBefore)
        #expect(try database.kev(cve: "CVE-2025-48384") == nil)
        #expect(try database.affected(ecosystem: .npm, scope: nil, package: "bassmaster").isEmpty)
    }

    @Test("importing a feed again replaces what it brought before")
    func replacesFeed() throws {
        let database = try AdvisoryDatabase.open(path: try scratch(), create: true, logger: .silent)
        let feed = try read("osv/npm/GHSA-35jh-r3h4-6jhm.json")
        try database.store([feed])
        try database.store([feed])
        #expect(try database.affected(ecosystem: .npm, scope: nil, package: "lodash").count == 1)
        #expect(try database.feeds().count == 1)
    }

    @Test("export then replace gives an equal database")
    func exportRoundTrip() throws {
        let database = try FeedSamples.database(with: [
            "osv/npm/GHSA-35jh-r3h4-6jhm.json", "nodejs-release/schedule.json",
            "epss/epss-scores-2025-02-20-excerpt.csv",
        ])
        let export = try scratch("export.db")
        try database.export(to: export)
        let target = try scratch()
        try AdvisoryDatabase.replace(path: target, with: export, logger: .silent)
        let copy = try AdvisoryDatabase.open(path: target, logger: .silent)
        #expect(try copy.feeds() == database.feeds())
        #expect(try copy.digest() == database.digest())
        #expect(try copy.nodeReleases() == database.nodeReleases())
        #expect(
            try copy.affected(ecosystem: .npm, scope: nil, package: "lodash")
                == database.affected(ecosystem: .npm, scope: nil, package: "lodash"))
    }

    @Test("replace refuses a file that is no advisory database and keeps the current one")
    func replaceRefusesForeign() throws {
        let target = try scratch()
        _ = try AdvisoryDatabase.open(path: target, create: true, logger: .silent)
        let bogus = try scratch("bogus.db")
        try Data(String(repeating: "x", count: 4096).utf8).write(to: URL(fileURLWithPath: bogus))
        #expect(throws: AdvisoriesError.notADatabase(path: bogus, reason: "not an SQLite file")) {
            try AdvisoryDatabase.replace(path: target, with: bogus, logger: .silent)
        }
        #expect(try AdvisoryDatabase.open(path: target, logger: .silent).schemaVersion() == AdvisorySchema.current)
    }

    @Test("the digest depends on the feeds' content, not on when they were imported")
    func digest() throws {
        let files = ["osv/npm/GHSA-35jh-r3h4-6jhm.json"]
        let first = try FeedSamples.database(with: files)
        let second = try FeedSamples.database(with: files)
        #expect(try first.digest() == second.digest())
        #expect(try first.digest().hasPrefix("sha256:"))
        let other = try FeedSamples.database(with: ["osv/npm/GHSA-xvch-5gv4-984h.json"])
        #expect(try first.digest() != other.digest())
    }

    @Test("the default path follows BALLAST_DB, then XDG_CACHE_HOME, then HOME")
    func defaultPath() {
        #expect(AdvisoryDatabase.defaultPath(environment: ["BALLAST_DB": "/a.db", "HOME": "/h"]) == "/a.db")
        #expect(
            AdvisoryDatabase.defaultPath(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"])
                == "/c/ballast/advisories.db")
        #expect(AdvisoryDatabase.defaultPath(environment: ["HOME": "/h"]) == "/h/.cache/ballast/advisories.db")
    }
}
