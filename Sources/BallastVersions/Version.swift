/// A parsed version of any supported ecosystem, for code that handles all of them alike
/// (OSV ranges, constraint lists).
public enum Version: Sendable {
    case deb(DebianVersion)
    case apk(AlpineVersion)
    case npm(SemVer)

    /// Parses `text` with the rules of `ecosystem`: dpkg's, apk's (which accept any string), or strict SemVer.
    ///
    /// - Throws: ``VersionError/invalidVersion(_:ecosystem:reason:)`` when the ecosystem refuses the string.
    public init(parsing text: String, in ecosystem: Ecosystem) throws {
        switch ecosystem {
        case .deb: self = .deb(try DebianVersion(parsing: text))
        case .apk: self = .apk(AlpineVersion(text))
        case .npm: self = .npm(try SemVer(parsing: text))
        }
    }

    public var ecosystem: Ecosystem {
        switch self {
        case .deb: .deb
        case .apk: .apk
        case .npm: .npm
        }
    }

    /// `-1`, `0` or `1` by the ecosystem's ordering. Versions of different ecosystems are never equal;
    /// they order by ecosystem, which means nothing but keeps sorting consistent.
    public func compare(to other: Version) -> Int {
        switch (self, other) {
        case (.deb(let a), .deb(let b)): a.compare(to: b)
        case (.apk(let a), .apk(let b)): a.compare(to: b)
        case (.npm(let a), .npm(let b)): a.compare(to: b)
        default: ecosystem.sortKey < other.ecosystem.sortKey ? -1 : 1
        }
    }
}

extension Version: Comparable {
    public static func == (lhs: Version, rhs: Version) -> Bool { lhs.compare(to: rhs) == 0 }
    public static func < (lhs: Version, rhs: Version) -> Bool { lhs.compare(to: rhs) < 0 }
}

extension Version: CustomStringConvertible {
    public var description: String {
        switch self {
        case .deb(let version): version.description
        case .apk(let version): version.description
        case .npm(let version): version.description
        }
    }
}

extension Ecosystem {
    fileprivate var sortKey: Int {
        switch self {
        case .deb: 0
        case .apk: 1
        case .npm: 2
        }
    }
}
