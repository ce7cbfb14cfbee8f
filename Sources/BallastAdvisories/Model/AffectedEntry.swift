import BallastVersions

/// One package of one distribution named by one advisory, with the versions it concerns.
///
/// Every feed is brought to this shape (see docs/database.md for the mapping per feed):
/// - OSV (`affected[]`, https://ossf.github.io/osv-schema/#affected-fields): one entry per
///   `ranges[]` item of type ECOSYSTEM or SEMVER, ``status`` `affected`, ``events`` as written;
///   `versions[]` lists go in ``versions``.
/// - Debian security tracker (https://security-tracker.debian.org/tracker/data/json): one entry
///   per source package, CVE and release; ``status`` from the tracker, ``fixedVersion``,
///   ``urgency``, ``noDSA`` and ``noDSAReason`` as written, and for a fix the events
///   `introduced 0, fixed V`.
/// - Alpine and Wolfi secdb (https://secdb.alpinelinux.org): one entry per package, fixed version
///   and CVE, ``status`` `fixed` with events `introduced 0, fixed V`; a fixed version `0` means the
///   package was never affected and gives ``AffectedStatus/notAffected``.
/// - Node.js security WG (https://github.com/nodejs/security-wg/tree/main/vuln): the npm ranges
///   ``vulnerableRange`` and ``patchedRange`` over the package's (or Node's) versions.
public struct AffectedEntry: Sendable, Equatable, Codable {
    /// The advisory naming the package (``Vulnerability/id``).
    public var vulnerabilityID: String
    public var ecosystem: AdvisoryEcosystem
    /// Which distribution release: `debian:bookworm`, `alpine:v3.20`, `wolfi`, `chainguard`;
    /// empty for npm and Node.js core, which have none.
    public var scope: String
    /// The package name: the Debian *source* package, the apk origin package, the npm package,
    /// or `node` for Node.js core.
    public var package: String
    public var status: AffectedStatus
    /// `ECOSYSTEM` or `SEMVER` for OSV-style events; `npm` when the versions are npm ranges.
    public var rangeType: String?
    /// OSV-style events in the feed's order (introduced, fixed, last_affected, limit).
    public var events: [AffectedEvent]
    /// OSV `versions[]`: versions affected exactly.
    public var versions: [String]
    /// An npm range of affected versions (security WG `vulnerable`, `vulnerable_versions`).
    public var vulnerableRange: String?
    /// An npm range of fixed versions (security WG `patched`, `patched_versions`).
    public var patchedRange: String?
    /// The first fixed version, where the feed names one (tracker `fixed_version`, secdb, OSV `fixed`).
    public var fixedVersion: String?
    /// Debian tracker urgency (`low`, `high**`, `unimportant`, `end-of-life`, `not yet assigned`).
    public var urgency: String?
    /// Debian tracker `nodsa`: why no security advisory is planned (the text form's `<no-dsa>`).
    public var noDSA: String?
    /// Debian tracker `nodsa_reason`: `postponed` or `ignored` (the text form's `<postponed>`, `<ignored>`).
    public var noDSAReason: String?
    /// The name of the feed the entry came from.
    public var feed: String

    public init(
        vulnerabilityID: String, ecosystem: AdvisoryEcosystem, scope: String = "", package: String,
        status: AffectedStatus = .affected, rangeType: String? = nil, events: [AffectedEvent] = [],
        versions: [String] = [], vulnerableRange: String? = nil, patchedRange: String? = nil,
        fixedVersion: String? = nil, urgency: String? = nil, noDSA: String? = nil, noDSAReason: String? = nil,
        feed: String = ""
    ) {
        self.vulnerabilityID = vulnerabilityID
        self.ecosystem = ecosystem
        self.scope = scope
        self.package = package
        self.status = status
        self.rangeType = rangeType
        self.events = events
        self.versions = versions
        self.vulnerableRange = vulnerableRange
        self.patchedRange = patchedRange
        self.fixedVersion = fixedVersion
        self.urgency = urgency
        self.noDSA = noDSA
        self.noDSAReason = noDSAReason
        self.feed = feed
    }

    /// The events as an ``OSVRange`` for BallastVersions to evaluate; nil when there are none.
    public var osvRange: OSVRange? {
        guard let rangeType, rangeType != "npm", !events.isEmpty else { return nil }
        return OSVRange(type: rangeType, events: events.map { OSVRange.Event($0.kind, $0.version) })
    }
}

/// One OSV range event: https://ossf.github.io/osv-schema/#affectedrangesevents-fields.
public struct AffectedEvent: Sendable, Equatable, Codable {
    public var kind: OSVRange.Event.Kind
    public var version: String

    public init(_ kind: OSVRange.Event.Kind, _ version: String) {
        self.kind = kind
        self.version = version
    }
}

extension OSVRange.Event.Kind: Codable {}

/// Whose packages an entry speaks of.
public enum AdvisoryEcosystem: String, Sendable, Codable, CaseIterable {
    /// Debian packages (by source package).
    case deb
    /// Alpine, Wolfi and Chainguard apk packages.
    case apk
    /// npm packages.
    case npm
    /// The Node.js runtime itself.
    case nodeCore = "node-core"

    /// The ecosystem whose version ordering applies.
    public var versionEcosystem: Ecosystem {
        switch self {
        case .deb: .deb
        case .apk: .apk
        case .npm, .nodeCore: .npm
        }
    }
}

/// What an entry says about the package.
public enum AffectedStatus: String, Sendable, Codable, CaseIterable {
    /// Affected within the entry's events, versions or ranges (OSV, security WG).
    case affected
    /// Fixed in ``AffectedEntry/fixedVersion``; earlier versions are affected (tracker `resolved`, secdb).
    case fixed
    /// Debian tracker `open`: affected, no fix yet.
    case open
    /// Debian tracker `undetermined`: not yet known whether the release is affected.
    case undetermined
    /// Never affected (tracker `resolved` with fixed version `0`, secdb fixed version `0`).
    case notAffected = "not-affected"
}
