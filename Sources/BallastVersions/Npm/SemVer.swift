/// A SemVer 2.0 version as npm's `semver` package (node-semver 7.6, default options) reads it.
///
/// See https://semver.org/spec/v2.0.0.html. Precedence ignores build metadata; comparing parsed
/// values never allocates.
public struct SemVer: Sendable {
    /// The largest number node-semver accepts in a version: JavaScript's `Number.MAX_SAFE_INTEGER`.
    public static let maximumComponent: UInt64 = 9_007_199_254_740_991
    /// The longest version string node-semver accepts, in UTF-16 code units.
    public static let maximumLength = 256

    public let major: UInt64
    public let minor: UInt64
    public let patch: UInt64
    /// Dot-separated prerelease identifiers; empty for a release.
    public let prerelease: [PrereleaseIdentifier]
    /// Dot-separated build metadata identifiers; they never change precedence.
    public let build: [String]

    /// Creates a version from its parts, which are taken as valid.
    public init(
        major: UInt64, minor: UInt64, patch: UInt64, prerelease: [PrereleaseIdentifier] = [], build: [String] = []
    ) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.build = build
    }

    /// Parses a version as `semver.valid(text)` does, or as `semver.valid(text, {loose: true})` when `loose`.
    ///
    /// Surrounding white space is ignored and a leading `v` is accepted. Loose parsing also accepts
    /// leading zeros, `=` and spaces before the version, and a prerelease without its hyphen.
    ///
    /// - Throws: ``VersionError/invalidVersion(_:ecosystem:reason:)`` when node-semver returns `null`.
    public init(parsing text: String, loose: Bool = false) throws {
        guard text.utf16.count <= Self.maximumLength else {
            throw VersionError.invalidVersion(
                text, ecosystem: .npm, reason: "it is longer than \(Self.maximumLength) characters")
        }
        var parser = SemVerParser(JavaScriptWhitespace.trim(Substring(text).unicodeScalars), loose: loose)
        guard let parts = parser.parseVersion() else {
            throw VersionError.invalidVersion(
                text, ecosystem: .npm, reason: "expected MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]")
        }
        for (name, value) in [("major", parts.major), ("minor", parts.minor), ("patch", parts.patch)]
        where value > Self.maximumComponent {
            throw VersionError.invalidVersion(
                text, ecosystem: .npm, reason: "the \(name) version is larger than \(Self.maximumComponent)")
        }
        self.init(
            major: parts.major, minor: parts.minor, patch: parts.patch,
            prerelease: parts.prerelease.map(PrereleaseIdentifier.init(node:)), build: parts.build)
    }

    /// Whether the version has prerelease identifiers.
    public var isPrerelease: Bool { !prerelease.isEmpty }

    /// `true` when this and `other` share major, minor and patch.
    func hasSameCore(as other: SemVer) -> Bool {
        major == other.major && minor == other.minor && patch == other.patch
    }
}

extension SemVer: CustomStringConvertible {
    /// The normalised version, without build metadata, as node-semver's `version` property prints it.
    public var description: String {
        let core = "\(major).\(minor).\(patch)"
        return prerelease.isEmpty ? core : core + "-" + prerelease.map(\.description).joined(separator: ".")
    }
}
