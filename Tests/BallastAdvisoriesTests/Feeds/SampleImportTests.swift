import BallastAdvisories
import Foundation
import Testing

/// Imports every real sample and checks counts and records computed from the samples themselves.
@Suite("importing the real feed samples")
struct SampleImportTests {
    /// Built once for the suite: every test reads, none writes.
    private static let shared = Result { try FeedSamples.database(with: FeedSamples.all()) }

    let database: AdvisoryDatabase

    init() throws {
        database = try Self.shared.get()
    }

    private func feed(_ name: String) throws -> FeedRecord {
        try #require(try database.feeds().first { $0.name == name })
    }

    @Test("every sample becomes a feed with records and nothing skipped")
    func everySample() throws {
        let feeds = try database.feeds()
        #expect(feeds.count == FeedSamples.all().count)
        for feed in feeds {
            #expect(feed.records > 0, "\(feed.name)")
            #expect(feed.sha256.count == 64)
        }
        for path in FeedSamples.all() where !path.hasPrefix("alpine-secdb/v3.11/") {
            let parsed = try FeedReader.read(FeedFile.load(path: FeedSamples.path(path)), logger: .silent)
            #expect(parsed.content.skipped == 0, "\(path): \(parsed.content.firstSkipReason ?? "")")
        }
    }

    @Test("the KEV catalogue: every entry, fields as written")
    func kev() throws {
        let catalogue = try #require(
            try FeedSamples.json("cisa-kev/known_exploited_vulnerabilities.json") as? [String: Any])
        let entries = try #require(catalogue["vulnerabilities"] as? [[String: Any]])
        #expect(try feed("kev:known_exploited_vulnerabilities.json").records == entries.count)
        #expect(entries.count == catalogue["count"] as? Int)
        let first = entries[0]
        let cve = try #require(first["cveID"] as? String)
        let entry = try #require(try database.kev(cve: cve))
        #expect(entry.vendor == first["vendorProject"] as? String)
        #expect(entry.dateAdded == first["dateAdded"] as? String)
        #expect(entry.dueDate == first["dueDate"] as? String)
        #expect(entry.knownRansomwareCampaignUse == first["knownRansomwareCampaignUse"] as? String)
        #expect(try database.kev(cve: "CVE-0000-0000") == nil)
    }

    @Test("EPSS: score, percentile, model version and date of the file")
    func epss() throws {
        let score = try #require(try database.epss(cve: "CVE-1999-0001"))
        #expect(
            score
                == EPSSScore(
                    cve: "CVE-1999-0001", score: 0.00383, percentile: 0.73075, scoreDate: "2025-02-20T00:00:00+0000",
                    modelVersion: "v2023.03.01"))
        #expect(try feed("epss:epss-scores-2025-02-20-excerpt.csv").records == 5)
    }

    @Test("OSV: the lodash advisory's range, aliases and CVSS vector")
    func osvLodash() throws {
        let entries = try database.affected(ecosystem: .npm, scope: nil, package: "lodash")
        let entry = try #require(entries.first { $0.vulnerabilityID == "GHSA-35jh-r3h4-6jhm" })
        #expect(entry.rangeType == "ECOSYSTEM")
        #expect(entry.events == [AffectedEvent(.introduced, "0"), AffectedEvent(.fixed, "4.17.21")])
        #expect(entry.fixedVersion == "4.17.21")
        #expect(entry.scope == "")
        let advisory = try #require(try database.vulnerability(id: "GHSA-35jh-r3h4-6jhm"))
        #expect(advisory.aliases == ["CVE-2021-23337"])
        #expect(advisory.cvssVector == "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H")
        #expect(advisory.severity == "high")
        #expect(advisory.cvssScore == 7.2)
        #expect(try database.vulnerability(id: "CVE-2021-23337")?.id == "GHSA-35jh-r3h4-6jhm")
    }

    @Test("OSV Debian and Alpine records get distribution scopes")
    func osvScopes() throws {
        let nginx = try database.affected(ecosystem: .deb, scope: "debian:wheezy", package: "nginx")
        #expect(nginx.map(\.fixedVersion) == ["1.2.1-2.2+wheezy3"])
        let record = try #require(try FeedSamples.json("osv/alpine/CVE-2022-27449.json") as? [String: Any])
        let affected = try #require(record["affected"] as? [[String: Any]])
        let mariadb = try database.affected(ecosystem: .apk, scope: nil, package: "mariadb")
        #expect(mariadb.filter { $0.vulnerabilityID == "CVE-2022-27449" }.count == affected.count)
        #expect(
            try database.affected(ecosystem: .apk, scope: "alpine:v3.12", package: "mariadb").first?.fixedVersion
                == "10.4.25-r0")
    }

    @Test("Node.js security WG indexes: every advisory, npm ranges kept as written")
    func securityWG() throws {
        let core = try #require(try FeedSamples.json("nodejs-security-wg/core-index.json") as? [String: Any])
        let npm = try #require(try FeedSamples.json("nodejs-security-wg/npm-index.json") as? [String: Any])
        #expect(try feed("nodejs-core:core-index.json").records == core.count)
        #expect(try feed("nodejs-npm:npm-index.json").records == npm.count)

        let node = try database.affected(ecosystem: .nodeCore, scope: nil, package: "node")
        let advisory = try #require(node.first { $0.vulnerabilityID == "NSWG-CORE-171" })
        #expect(advisory.vulnerableRange == "20.x || 22.x || 24.x || 25.x")
        #expect(advisory.patchedRange == "^20.20.2 || ^22.22.2 || ^24.14.1 || ^25.8.2")
        #expect(try database.vulnerability(id: "NSWG-CORE-171")?.aliases == ["CVE-2026-21717"])

        let express = try database.affected(ecosystem: .npm, scope: nil, package: "express")
        let old = try #require(express.first { $0.vulnerabilityID == "NSWG-NPM-8" })
        #expect(old.vulnerableRange == "<3.11 || >= 4 <4.5")
        #expect(old.patchedRange == ">=3.11 <4 || >=4.5")
        #expect(try database.vulnerability(id: "NSWG-NPM-8")?.cvssScore == 5.4)
    }

    @Test("Debian tracker: source package and release scope, status words kept")
    func debianTracker() throws {
        let chromium = try database.affected(ecosystem: .deb, scope: "debian:buster", package: "chromium")
        #expect(!chromium.isEmpty)
        #expect(chromium.contains { $0.status == .open && $0.urgency == "end-of-life" })
        let apparmor = try database.affected(ecosystem: .deb, scope: "debian:bookworm", package: "apparmor")
        let entry = try #require(apparmor.first { $0.vulnerabilityID == "CVE-2014-1424" })
        #expect(entry.status == .notAffected)
        #expect(entry.urgency == "unimportant")
        let prototype = try database.affected(ecosystem: .deb, scope: "debian:stretch", package: "prototypejs")
        let fixed = try #require(prototype.first { $0.vulnerabilityID == "CVE-2008-7220" })
        #expect(fixed.status == .fixed)
        #expect(fixed.events == [AffectedEvent(.introduced, "0"), AffectedEvent(.fixed, "1.6.0.2-1")])
        #expect(fixed.urgency == "high**")
    }

    @Test("Alpine secdb YAML: a secfix becomes a fixed entry of the branch")
    func alpine() throws {
        let ansible = try database.affected(ecosystem: .apk, scope: "alpine:v3.11", package: "ansible")
        let entry = try #require(ansible.first { $0.vulnerabilityID == "CVE-2019-14904" })
        #expect(entry.status == .fixed)
        #expect(entry.fixedVersion == "2.9.3-r0")
        #expect(entry.events == [AffectedEvent(.introduced, "0"), AffectedEvent(.fixed, "2.9.3-r0")])
        let zlib = try database.affected(ecosystem: .apk, scope: "alpine:v3.15", package: "zlib")
        #expect(zlib.map(\.vulnerabilityID).sorted() == ["CVE-2018-25032", "CVE-2022-37434"])
        #expect(try database.affected(ecosystem: .apk, scope: "alpine:v3.15", package: "musl").isEmpty)
    }

    @Test("Alpine v3.11 main: every fixed version of every package")
    func alpineCounts() throws {
        #expect(try feed("alpine-v3.11-main").records == 175)
        #expect(try feed("alpine-v3.11-main").skipped == 3)
        #expect(try feed("alpine-v3.11-community").skipped == 1)
        #expect(try feed("alpine-v3.11-community").records == 85)
        #expect(try feed("alpine-v3.15-main").records == 5)
    }

    @Test("Wolfi JSON secdb: scope wolfi, version 0 means not affected")
    func wolfi() throws {
        let coreutils = try database.affected(ecosystem: .apk, scope: "wolfi", package: "coreutils")
        #expect(coreutils.map(\.status) == [.notAffected])
        #expect(coreutils.first?.vulnerabilityID == "CVE-2016-2781")
        let busybox = try database.affected(ecosystem: .apk, scope: "wolfi", package: "busybox")
        #expect(busybox.map(\.vulnerabilityID).sorted() == ["CVE-2022-28391", "CVE-2022-30065"])
        #expect(try feed("wolfi-os").records == 27)
    }

    @Test(
        "upstream typos in secdb fixed versions are skipped one by one with the reason",
        arguments: [
            ("alpine-secdb/v3.11/main.yaml", 3, "opensmtpd: '6.6.2p1-r0' is not an apk version"),
            ("alpine-secdb/v3.11/community.yaml", 1, "phpmyadmin: '4.8.0.-r1' is not an apk version"),
        ])
    func secdbTypos(path: String, skipped: Int, reason: String) throws {
        let parsed = try FeedReader.read(FeedFile.load(path: FeedSamples.path(path)), logger: .silent)
        #expect(parsed.content.skipped == skipped)
        #expect(parsed.content.firstSkipReason == reason)
    }

    @Test("the Node.js schedule: v20 ended on 2026-04-30")
    func schedule() throws {
        let v20 = try #require(try database.nodeRelease(major: 20))
        #expect(v20.end == "2026-04-30")
        #expect(v20.codename == "Iron")
        let schedule = try #require(try FeedSamples.json("nodejs-release/schedule.json") as? [String: Any])
        #expect(try database.nodeReleases().count == schedule.count)
    }

    @Test("the batched query answers many packages at once")
    func batched() throws {
        let result = try database.affected(
            ecosystem: .npm, scope: nil, packages: ["lodash", "express", "minimist", "no-such-package"])
        #expect(Set(result.keys) == ["lodash", "express", "minimist"])
        #expect(result["lodash"] == (try database.affected(ecosystem: .npm, scope: nil, package: "lodash")))
    }

    @Test("an advisory's entries across packages and scopes")
    func byVulnerability() throws {
        let entries = try database.affected(vulnerabilityID: "GHSA-35jh-r3h4-6jhm")
        #expect(entries.map(\.package) == ["lodash", "lodash-es"])
    }

    @Test("one database answers concurrent tasks")
    func concurrent() async throws {
        let database = self.database
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { try database.affected(ecosystem: .npm, scope: nil, package: "lodash").count }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(counts).count == 1)
    }
}
