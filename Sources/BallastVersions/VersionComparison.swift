/// The entry points for callers that hold version strings: compare two versions, or test a version
/// against a range, in one ecosystem.
///
/// For many comparisons, parse once (``Version``, ``NpmRange``, ``VersionConstraint``,
/// ``ResolvedOSVRange``) and compare the parsed values, which never allocates.
public enum VersionComparison {
    /// `-1`, `0` or `1` as `a` orders before, equal to or after `b` in `ecosystem`.
    ///
    /// - Throws: ``VersionError/invalidVersion(_:ecosystem:reason:)`` naming the version the ecosystem
    ///   refuses (dpkg's hard errors, or invalid SemVer). apk orders every string, so `.apk` never throws.
    public static func compare(_ a: String, _ b: String, in ecosystem: Ecosystem) throws -> Int {
        try Version(parsing: a, in: ecosystem).compare(to: Version(parsing: b, in: ecosystem))
    }

    /// Whether `version` satisfies `range` in `ecosystem`.
    ///
    /// For `.npm`, `range` is a node-semver range (see ``NpmRange``). For `.deb` and `.apk` it is a
    /// comma-separated relation list such as `>= 1.2, << 1.3` (see ``VersionConstraint``).
    ///
    /// - Throws: ``VersionError`` for an invalid range or constraint, or a version the ecosystem refuses.
    ///   `semver.satisfies` answers `false` for an invalid version instead; `NpmRange.contains(String)` does too.
    public static func satisfies(version: String, range: String, in ecosystem: Ecosystem) throws -> Bool {
        switch ecosystem {
        case .npm:
            let range = try NpmRange(parsing: range)
            return range.contains(try SemVer(parsing: version))
        case .deb, .apk:
            return try VersionConstraint(parsing: range, in: ecosystem).isSatisfied(by: version)
        }
    }
}
