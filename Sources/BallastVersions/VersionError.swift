import BallastCore

/// Why a version, range or constraint could not be used. Every message names the input and its ecosystem.
public enum VersionError: BallastError, Equatable {
    /// The version string is not one the ecosystem accepts; `reason` says which rule it breaks.
    case invalidVersion(String, ecosystem: Ecosystem, reason: String)
    /// The npm range is one `semver.validRange` rejects.
    case invalidRange(String)
    /// A Debian or Alpine constraint list could not be read.
    case invalidConstraint(String, ecosystem: Ecosystem, reason: String)
    /// An OSV range cannot be evaluated; `reason` says why.
    case unsupportedOSVRange(type: String, reason: String)

    /// The rule a version broke, without the version; used when a larger input carries the version.
    var reason: String {
        switch self {
        case .invalidVersion(_, _, let reason), .invalidConstraint(_, _, let reason):
            reason
        case .unsupportedOSVRange(_, let reason):
            reason
        case .invalidRange:
            "not a valid npm range"
        }
    }

    public var description: String {
        switch self {
        case .invalidVersion(let version, let ecosystem, let reason):
            "'\(version)' is not a valid \(ecosystem.displayName) version: \(reason); \(ecosystem.versionHint)"
        case .invalidRange(let range):
            "'\(range)' is not a valid npm version range; use node-semver syntax such as '>=1.2.3 <2.0.0' or '^1.2.3'"
        case .invalidConstraint(let constraint, let ecosystem, let reason):
            "'\(constraint)' is not a valid \(ecosystem.displayName) constraint: \(reason); "
                + "write comma-separated relations such as '>= 1.2, << 1.3'"
        case .unsupportedOSVRange(let type, let reason):
            "cannot evaluate an OSV range of type '\(type)': \(reason)"
        }
    }
}

extension Ecosystem {
    /// What a valid version looks like, for error messages.
    fileprivate var versionHint: String {
        switch self {
        case .deb: "Debian versions look like [epoch:]upstream[-revision], such as 1:2.36-9+deb12u4"
        case .apk: "Alpine versions look like 1.2.3_rc1-r0"
        case .npm: "npm versions look like 1.2.3 or v1.2.3-beta.1"
        }
    }
}
