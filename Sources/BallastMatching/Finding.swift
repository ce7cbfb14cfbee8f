import BallastInventory

/// One vulnerability that applies to one component of an image.
public struct Finding: Codable, Hashable, Sendable {
    /// The advisory's identifier; a CVE when the advisory has one.
    public var id: String
    /// Every other identifier of the same vulnerability (GHSA, DSA, NSWG…), sorted.
    public var aliases: [String]
    public var summary: String?
    public var component: ComponentReference
    /// The name and version actually compared: Debian's source package, Alpine's origin.
    public var matchedPackage: String
    public var matchedVersion: String
    /// The first version without the vulnerability, when one is known.
    public var fixedVersion: String?
    /// `fixed` (a fix exists), `open` (no fix yet), or one of Debian's verdicts: `no-dsa`,
    /// `postponed`, `ignored`, `unimportant`, `end-of-life`, `undetermined`.
    public var status: String
    /// Why Debian decided so, when it said.
    public var statusReason: String?
    /// `critical`, `high`, `medium`, `low` or `unknown`.
    public var severity: String
    /// Where ``severity`` came from: `vendor`, `cvss`, `debian-urgency` or `none`.
    public var severitySource: String
    /// The vendor's own word, as the feed gives it.
    public var vendorSeverity: String?
    public var cvssScore: Double?
    public var cvssVector: String?
    /// Debian's urgency (`low`, `medium`, `high`, `unimportant`…).
    public var urgency: String?
    /// The date CISA added the vulnerability to the Known Exploited Vulnerabilities catalogue.
    public var kevDateAdded: String?
    public var epssScore: Double?
    public var epssPercentile: Double?
    public var references: [String]
    /// The feeds that said so.
    public var feeds: [String]

    public var isKnownExploited: Bool { kevDateAdded != nil }
    public var hasFix: Bool { fixedVersion != nil }
    /// Every identifier, own first.
    public var identifiers: [String] { [id] + aliases }
}

/// The component a finding is about, as reports show it.
public struct ComponentReference: Codable, Hashable, Sendable {
    public var kind: Component.Kind
    public var name: String
    public var version: String
    public var purl: String
    public var scope: Component.Scope
    public var origin: String?
    public var path: String?
    public var layer: LayerReference?
    public var linkedIntoNode: Bool?

    public init(_ component: Component) {
        kind = component.kind
        name = component.name
        version = component.version
        purl = component.purl
        scope = component.scope
        origin = component.origin
        path = component.paths.first
        layer = component.layer
        linkedIntoNode = component.linkedIntoNode
    }
}

/// The four severities reports sort by, most serious first.
public enum Severity: String, CaseIterable, Comparable, Sendable {
    case critical, high, medium, low, unknown

    var rank: Int { Severity.allCases.firstIndex(of: self)! }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank > rhs.rank }

    /// The severity for a CVSS v3 base score, as the CVSS specification names its ranges.
    public init(cvss score: Double) {
        switch score {
        case 9...: self = .critical
        case 7..<9: self = .high
        case 4..<7: self = .medium
        case 0.1..<4: self = .low
        default: self = .unknown
        }
    }

    /// A vendor's word: `moderate` and `important` are spelled differently but mean the same.
    public init?(vendor word: String) {
        switch word.lowercased() {
        case "critical": self = .critical
        case "high", "important": self = .high
        case "medium", "moderate": self = .medium
        case "low", "negligible", "minor": self = .low
        default: return nil
        }
    }
}
