/// A package ecosystem whose versions Ballast knows how to order.
public enum Ecosystem: String, Sendable, CaseIterable {
    /// Debian packages, ordered as `dpkg --compare-versions` orders them.
    case deb
    /// Alpine, Wolfi and Chainguard packages, ordered as apk-tools orders them.
    case apk
    /// npm packages: SemVer 2.0 versions and node-semver ranges.
    case npm

    /// The ecosystem of an OSV `affected[].package.ecosystem` name, such as `Debian:12`, `Alpine:v3.19`,
    /// `Wolfi` or `npm`; `nil` for ecosystems Ballast does not order.
    public init?(osvName: String) {
        let base = osvName.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        switch base {
        case "Debian", "Ubuntu": self = .deb
        case "Alpine", "Wolfi", "Chainguard": self = .apk
        case "npm": self = .npm
        default: return nil
        }
    }

    /// The name users see in messages.
    public var displayName: String {
        switch self {
        case .deb: "Debian (dpkg)"
        case .apk: "Alpine (apk)"
        case .npm: "npm (semver)"
        }
    }
}
