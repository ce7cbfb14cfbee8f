import Foundation

/// A feed `ballast db update` downloads: its official location, and its path under a mirror.
///
/// A mirror (`--mirror BASE_URL`, `BALLAST_FEED_MIRROR`) is any HTTP server laid out with each
/// feed at ``mirrorPath`` below the base URL; docs/database.md lists them.
public struct FeedSource: Sendable, Equatable {
    /// The feed name it is stored under.
    public let name: String
    public let format: FeedFormat
    /// Where its publisher serves it.
    public let officialURL: String
    /// Where it lives below a mirror's base URL.
    public let mirrorPath: String

    public init(name: String, format: FeedFormat, officialURL: String, mirrorPath: String) {
        self.name = name
        self.format = format
        self.officialURL = officialURL
        self.mirrorPath = mirrorPath
    }

    /// The URL to fetch: `override` when given, else below `mirror`, else the official location.
    public func url(mirror: String?, override: String?) -> String {
        if let override { return override }
        guard let mirror, !mirror.isEmpty else { return officialURL }
        return (mirror.hasSuffix("/") ? String(mirror.dropLast()) : mirror) + "/" + mirrorPath
    }

    /// The Alpine branches whose secdb is fetched by default.
    public static let alpineBranches = ["v3.19", "v3.20", "v3.21", "v3.22"]

    /// Every feed `ballast db update` fetches by default, in this order.
    public static let official: [FeedSource] =
        [
            FeedSource(
                name: "nodejs-core", format: .nodejsCore,
                officialURL: "https://raw.githubusercontent.com/nodejs/security-wg/main/vuln/core/index.json",
                mirrorPath: "nodejs-security-wg/core-index.json"),
            FeedSource(
                name: "nodejs-npm", format: .nodejsNpm,
                officialURL: "https://raw.githubusercontent.com/nodejs/security-wg/main/vuln/npm/index.json",
                mirrorPath: "nodejs-security-wg/npm-index.json"),
            FeedSource(
                name: "nodejs-schedule", format: .nodejsSchedule,
                officialURL: "https://raw.githubusercontent.com/nodejs/Release/main/schedule.json",
                mirrorPath: "nodejs-release/schedule.json"),
            FeedSource(
                name: "osv-npm", format: .osv,
                officialURL: "https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip",
                mirrorPath: "osv/npm/all.zip"),
            FeedSource(
                name: "debian-tracker", format: .debianTracker,
                officialURL: "https://security-tracker.debian.org/tracker/data/json",
                mirrorPath: "debian-security-tracker/data.json"),
        ]
        + alpineBranches.flatMap { branch in
            ["main", "community"].map { repository in
                FeedSource(
                    name: "alpine-\(branch)-\(repository)", format: .secdb,
                    officialURL: "https://secdb.alpinelinux.org/\(branch)/\(repository).json",
                    mirrorPath: "alpine-secdb/\(branch)/\(repository).json")
            }
        }
        + [
            FeedSource(
                name: "wolfi-os", format: .secdb, officialURL: "https://packages.wolfi.dev/os/security.json",
                mirrorPath: "wolfi/security.json"),
            FeedSource(
                name: "cisa-kev", format: .kev,
                officialURL: "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json",
                mirrorPath: "cisa-kev/known_exploited_vulnerabilities.json"),
            FeedSource(
                name: "epss", format: .epss,
                officialURL: "https://epss.empiricalsecurity.com/epss_scores-current.csv.gz",
                mirrorPath: "epss/epss_scores-current.csv.gz"),
        ]
}
