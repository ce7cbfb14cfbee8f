/// An ``OSVRange`` with its event versions parsed and sorted, ready to test many versions.
///
/// Evaluation follows the OSV schema: a version must be below some `limit` (when there are any);
/// then, walking the events in version order, `introduced` at or below the version marks it
/// affected, and `fixed` at or below it, or `last_affected` below it, marks it unaffected.
public struct ResolvedOSVRange: Sendable {
    enum Bound: Sendable {
        case introduced(Version?)
        case fixed(Version)
        case lastAffected(Version)

        /// The event's version; `nil` for `introduced: "0"`, which precedes every version.
        var version: Version? {
            switch self {
            case .introduced(let version): version
            case .fixed(let version), .lastAffected(let version): version
            }
        }
    }

    /// The ordering the range's versions use: the ecosystem's, or SemVer (`.npm`) for `SEMVER` ranges.
    public let ordering: Ecosystem
    let bounds: [Bound]
    let limits: [Version]

    init(events: [OSVRange.Event], ordering: Ecosystem, type: String) throws {
        func parse(_ text: String) throws -> Version {
            do {
                return try Version(parsing: text, in: ordering)
            } catch let error as VersionError {
                throw VersionError.unsupportedOSVRange(type: type, reason: "event version '\(text)': \(error.reason)")
            }
        }

        var bounds: [Bound] = []
        var limits: [Version] = []
        for event in events {
            switch event.kind {
            case .introduced: bounds.append(.introduced(event.version == "0" ? nil : try parse(event.version)))
            case .fixed: bounds.append(.fixed(try parse(event.version)))
            case .lastAffected: bounds.append(.lastAffected(try parse(event.version)))
            case .limit where event.version == "*": continue
            case .limit: limits.append(try parse(event.version))
            }
        }

        self.ordering = ordering
        self.bounds = Self.sorted(bounds)
        self.limits = limits
    }

    /// Whether `version` is affected; a version of another ordering never is.
    public func contains(_ version: Version) -> Bool {
        guard version.ecosystem == ordering else { return false }
        if !limits.isEmpty, !limits.contains(where: { version < $0 }) { return false }

        var affected = false
        for bound in bounds {
            switch bound {
            case .introduced(let start):
                if start.map({ version >= $0 }) ?? true { affected = true }
            case .fixed(let end):
                if version >= end { affected = false }
            case .lastAffected(let end):
                if version > end { affected = false }
            }
        }
        return affected
    }

    /// Parses `version` in the range's ordering and tests it.
    public func contains(_ version: String) throws -> Bool {
        contains(try Version(parsing: version, in: ordering))
    }

    /// Events in version order, `introduced: "0"` first; equal versions keep their order in the record.
    private static func sorted(_ bounds: [Bound]) -> [Bound] {
        bounds.enumerated().sorted { left, right in
            switch (left.element.version, right.element.version) {
            case (nil, nil): return left.offset < right.offset
            case (nil, _): return true
            case (_, nil): return false
            case (let a?, let b?):
                let order = a.compare(to: b)
                return order != 0 ? order < 0 : left.offset < right.offset
            }
        }.map(\.element)
    }
}
