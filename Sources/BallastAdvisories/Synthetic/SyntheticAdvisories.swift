import BallastCore
import BallastDigest
import Foundation

/// SYNTHETIC advisory databases for benchmarks: made-up advisories in the shapes of the real
/// samples, never real vulnerability data.
///
/// The generated entries copy the shapes of real records: OSV npm ranges (`introduced 0, fixed V`,
/// several ranges per package, `last_affected`), Debian tracker entries per release (`fixed`,
/// `open` with `<no-dsa>`, `not-affected`, urgencies), Alpine and Wolfi secdb fixes, and Node.js
/// core npm ranges. Package names are `synthetic-npm-000123`, `synthetic-deb-000123` and so on,
/// identifiers `SYNTH-…`, and every feed record is named `synthetic-…` with the source
/// `synthetic: generated for benchmarks, not real advisories`, so a synthetic database can never be
/// mistaken for a real one in `ballast db status`.
public enum SyntheticAdvisories {
    /// The feed source written for every synthetic feed.
    public static let source = "synthetic: generated for benchmarks, not real advisories"

    /// The Debian releases and Alpine branches the synthetic entries are spread over.
    static let debianScopes = ["debian:bullseye", "debian:bookworm", "debian:trixie"]
    static let apkScopes = ["alpine:v3.19", "alpine:v3.20", "alpine:v3.21", "wolfi"]

    /// Creates (or replaces) a synthetic database at `path` with about `affectedEntries` affected
    /// entries, spread over npm (50%), deb (30%) and apk (20%) packages, plus a few Node.js core
    /// advisories. The same `seed` gives the same database.
    @discardableResult
    public static func generate(
        at path: String, affectedEntries: Int = 300_000, packages: Int = 20_000, seed: UInt64 = 1, logger: Logger
    ) throws -> AdvisoryDatabase {
        try? FileManager.default.removeItem(atPath: path)
        let database = try AdvisoryDatabase.open(path: path, create: true, logger: logger)
        var random = SplitMix64(seed: seed)
        let shares: [(AdvisoryEcosystem, Double)] = [(.npm, 0.5), (.deb, 0.3), (.apk, 0.2)]
        var feeds: [ParsedFeed] = []
        for (ecosystem, share) in shares {
            var content = FeedContent()
            let count = Int(Double(affectedEntries) * share)
            var index = 0
            while content.affected.count < count {
                let id = "SYNTH-\(ecosystem.rawValue.uppercased())-\(index)"
                let package = packageName(ecosystem, Int(random.next() % UInt64(max(packages, 1))))
                content.vulnerabilities.append(
                    Vulnerability(id: id, aliases: ["CVE-2099-\(index)"], summary: "synthetic advisory \(index)"))
                content.affected += entries(id: id, ecosystem: ecosystem, package: package, random: &random)
                content.records += 1
                index += 1
            }
            let format: FeedFormat = ecosystem == .deb ? .debianTracker : ecosystem == .apk ? .secdb : .osv
            feeds.append(feed(content, name: "synthetic-\(ecosystem.rawValue)", format: format))
        }
        var core = FeedContent()
        for index in 0..<50 {
            let id = "SYNTH-NODE-\(index)"
            core.vulnerabilities.append(Vulnerability(id: id, summary: "synthetic Node.js advisory \(index)"))
            core.affected.append(
                AffectedEntry(
                    vulnerabilityID: id, ecosystem: .nodeCore, package: "node", rangeType: "npm",
                    vulnerableRange: "20.x || 22.x", patchedRange: "^20.\(index).1 || ^22.\(index).1"))
            core.records += 1
        }
        feeds.append(feed(core, name: "synthetic-node-core", format: .nodejsCore))
        try database.store(feeds)
        logger.debug("generated \(feeds.map(\.content.affected.count).reduce(0, +)) synthetic entries in \(path)")
        return database
    }

    /// The synthetic package name number `index` of `ecosystem`.
    public static func packageName(_ ecosystem: AdvisoryEcosystem, _ index: Int) -> String {
        "synthetic-\(ecosystem.rawValue)-" + String(repeating: "0", count: max(0, 6 - String(index).count)) + "\(index)"
    }

    /// Asks for the entries of `count` packages of `ecosystem` in one batched query, as the matcher
    /// does for one image: names drawn from the generator's range (so most exist, some do not).
    ///
    /// - Returns: how many entries came back.
    public static func queryBatch(
        _ database: AdvisoryDatabase, ecosystem: AdvisoryEcosystem = .npm, scope: String? = nil, count: Int = 1_000,
        packages: Int = 20_000, seed: UInt64 = 2
    ) throws -> Int {
        var random = SplitMix64(seed: seed)
        let names = (0..<count).map { _ in packageName(ecosystem, Int(random.next() % UInt64(packages + packages / 10)))
        }
        return try database.affected(ecosystem: ecosystem, scope: scope, packages: names).values.map(\.count).reduce(
            0, +)
    }

    private static func feed(_ content: FeedContent, name: String, format: FeedFormat) -> ParsedFeed {
        var content = content
        content.assign(feed: name)
        let digest = SHA256Hasher.hash(Array("\(name)\(content.affected.count)".utf8)).hex
        let record = FeedRecord(
            name: name, format: format, source: source, fetchedAt: Date(),
            sha256: digest, records: content.records, skipped: 0)
        return ParsedFeed(record: record, content: content)
    }

    private static func entries(
        id: String, ecosystem: AdvisoryEcosystem, package: String, random: inout SplitMix64
    ) -> [AffectedEntry] {
        let major = Int(random.next() % 20)
        let minor = Int(random.next() % 30)
        switch ecosystem {
        case .npm, .nodeCore:
            // Like GHSA records: one to three ranges of one package.
            return (0..<Int(1 + random.next() % 3)).map { line in
                let fixed = "\(major + line).\(minor).\(random.next() % 10)"
                return AffectedEntry(
                    vulnerabilityID: id, ecosystem: .npm, package: package, rangeType: "SEMVER",
                    events: [
                        AffectedEvent(.introduced, line == 0 ? "0" : "\(major + line).0.0"),
                        AffectedEvent(.fixed, fixed),
                    ],
                    fixedVersion: fixed)
            }
        case .deb:
            // Like the tracker: one entry per release, mostly fixed, some open without a DSA.
            return debianScopes.map { scope in
                let roll = random.next() % 10
                let fixed = "\(major).\(minor)-\(1 + random.next() % 5)+deb12u\(random.next() % 9)"
                return AffectedEntry(
                    vulnerabilityID: id, ecosystem: .deb, scope: scope, package: package,
                    status: roll < 6 ? .fixed : roll < 9 ? .open : .notAffected,
                    rangeType: roll < 6 ? "ECOSYSTEM" : nil,
                    events: roll < 6 ? [AffectedEvent(.introduced, "0"), AffectedEvent(.fixed, fixed)] : [],
                    fixedVersion: roll < 6 ? fixed : nil, urgency: ["low", "medium", "unimportant"][Int(roll % 3)],
                    noDSA: roll >= 6 && roll < 9 ? "Minor issue" : nil)
            }
        case .apk:
            // Like secdb: a fix in one branch.
            let fixed = "\(major).\(minor).\(random.next() % 10)-r\(random.next() % 4)"
            return [
                AffectedEntry(
                    vulnerabilityID: id, ecosystem: .apk, scope: apkScopes[Int(random.next() % 4)], package: package,
                    status: .fixed, rangeType: "ECOSYSTEM",
                    events: [AffectedEvent(.introduced, "0"), AffectedEvent(.fixed, fixed)], fixedVersion: fixed)
            ]
        }
    }
}

/// A small deterministic generator (SplitMix64), so benchmarks build the same data every run.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
