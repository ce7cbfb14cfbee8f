/// A tag of the official node image split into its parts: `22.11.0-bookworm-slim`, `lts-alpine`, `iron`.
///
/// Tag scheme: https://github.com/nodejs/docker-node#image-variants.
struct NodeTag {
    /// The numeric release components (`["22", "11", "0"]`); empty for aliases such as `lts` or `iron`.
    let version: [String]
    /// The Debian or Alpine release (`bookworm`, `alpine3.20`, or just `alpine`), if named.
    let distribution: String?
    let isSlim: Bool

    init(_ tag: String) {
        let parts = tag.lowercased().split(separator: "-").map(String.init)
        let numbers = (parts.first ?? "").split(separator: ".").map(String.init)
        let isVersion = !numbers.isEmpty && numbers.allSatisfy { Int($0) != nil }
        version = isVersion ? numbers : []
        distribution = parts.first { BaseImageFacts.distributions.contains($0) || $0.hasPrefix("alpine") }
        isSlim = parts.contains("slim")
    }

    /// Whether the tag names major, minor and patch.
    var hasFullVersion: Bool { version.count == 3 }

    /// Whether the tag names a distribution release, not just `alpine` or nothing.
    var hasDistributionRelease: Bool { distribution.map { $0 != "alpine" } ?? false }

    /// The fully specific form of this tag, with placeholders for what only a registry knows.
    func specific(major: Int?) -> String {
        let known = version.isEmpty ? [major.map(String.init) ?? "<major>"] : version
        let release = (known + ["<major>", "<minor>", "<patch>"].dropFirst(known.count)).prefix(3)
        let distribution: String
        switch self.distribution {
        case nil: distribution = "bookworm"
        case "alpine": distribution = "alpine3.<minor>"
        case let named?: distribution = named
        }
        return ([release.joined(separator: "."), distribution] + (isSlim ? ["slim"] : [])).joined(separator: "-")
    }
}
