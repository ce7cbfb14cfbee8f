/// One entry of an OSV record's `affected[].ranges[]`: a range type and its ordered events.
///
/// See https://ossf.github.io/osv-schema/#affectedranges-field. Decoding whole OSV records is
/// done elsewhere; this type only carries what evaluation needs.
public struct OSVRange: Sendable, Equatable {
    /// One event of `ranges[].events`.
    public struct Event: Sendable, Equatable {
        public enum Kind: String, Sendable {
            /// The version that introduced the vulnerability; `"0"` means every earlier version too.
            case introduced
            /// The first version that is no longer affected.
            case fixed
            /// The last affected version; later versions are not affected.
            case lastAffected = "last_affected"
            /// An upper bound on every version range of the entry; `"*"` means none.
            case limit
        }

        public let kind: Kind
        public let version: String

        public init(_ kind: Kind, _ version: String) {
            self.kind = kind
            self.version = version
        }
    }

    /// `SEMVER`, `ECOSYSTEM` or `GIT`, as written in the record.
    public let type: String
    public let events: [Event]

    public init(type: String, events: [Event]) {
        self.type = type
        self.events = events
    }

    /// Parses the event versions once, for evaluating many versions of `ecosystem`.
    ///
    /// `SEMVER` ranges use SemVer 2.0 ordering whatever the ecosystem; `ECOSYSTEM` ranges use the
    /// ecosystem's own ordering (dpkg, apk or SemVer).
    ///
    /// - Throws: ``VersionError/unsupportedOSVRange(type:reason:)`` for `GIT` or unknown range types,
    ///   or an event version the ordering refuses.
    public func resolved(in ecosystem: Ecosystem) throws -> ResolvedOSVRange {
        let ordering: Ecosystem
        switch type {
        case "SEMVER": ordering = .npm
        case "ECOSYSTEM": ordering = ecosystem
        case "GIT":
            throw VersionError.unsupportedOSVRange(
                type: type, reason: "commit ranges need the repository history; match on the ECOSYSTEM ranges instead")
        default:
            throw VersionError.unsupportedOSVRange(
                type: type, reason: "the OSV schema defines SEMVER, ECOSYSTEM and GIT")
        }
        return try ResolvedOSVRange(events: events, ordering: ordering, type: type)
    }

    /// Whether `version` of `ecosystem` falls in this range, by the OSV schema's evaluation.
    ///
    /// - Throws: ``VersionError`` when the range cannot be evaluated or the version is not valid.
    public func affects(_ version: String, in ecosystem: Ecosystem) throws -> Bool {
        let range = try resolved(in: ecosystem)
        return range.contains(try Version(parsing: version, in: range.ordering))
    }
}
