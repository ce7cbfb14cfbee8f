/// A comma-separated list of relations that a Debian or Alpine version must all meet, such as
/// `>= 1.2, << 1.3` or `<< 1.2-1`.
///
/// Each relation is an operator, optional spaces, then a version. Accepted operators:
/// - both ecosystems: `<`, `<=`, `=`, `>=`, `>` (`<` and `>` are strict, as in OSV and GitHub ranges,
///   not dpkg's obsolete meaning of `<=` and `>=`);
/// - Debian: dpkg's `<<` and `>>` (strictly less, strictly greater);
/// - Alpine: apk's fuzzy `~` (same leading components), `<~` and `>~` (less or greater, or fuzzy-equal).
///
/// npm ranges are richer; use ``NpmRange`` for them.
public struct VersionConstraint: Sendable {
    /// How a version must relate to a clause's version.
    public enum Relation: String, Sendable {
        case less = "<"
        case lessOrEqual = "<="
        case equal = "="
        case greaterOrEqual = ">="
        case greater = ">"
        case fuzzy = "~"
        case lessOrFuzzy = "<~"
        case greaterOrFuzzy = ">~"

        /// Whether the relation uses apk's fuzzy match.
        var isFuzzy: Bool {
            switch self {
            case .fuzzy, .lessOrFuzzy, .greaterOrFuzzy: true
            default: false
            }
        }
    }

    /// One relation of the list.
    public struct Clause: Sendable {
        public let relation: Relation
        public let version: Version
    }

    public let ecosystem: Ecosystem
    public let clauses: [Clause]

    /// Parses a constraint list for `ecosystem` (`.deb` or `.apk`).
    ///
    /// - Throws: ``VersionError/invalidConstraint(_:ecosystem:reason:)`` for an unknown operator, an empty
    ///   relation or a version the ecosystem refuses.
    public init(parsing text: String, in ecosystem: Ecosystem) throws {
        guard ecosystem != .npm else {
            throw VersionError.invalidConstraint(text, ecosystem: ecosystem, reason: "npm ranges are read by NpmRange")
        }
        var clauses: [Clause] = []
        for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
            let relationText = piece.drop { $0 == " " || $0 == "\t" }
            let symbol = relationText.prefix { "<>=~".contains($0) }
            let versionText = relationText.dropFirst(symbol.count).trimmingSpaces()
            guard !relationText.trimmingSpaces().isEmpty else {
                throw VersionError.invalidConstraint(text, ecosystem: ecosystem, reason: "a relation is empty")
            }
            guard !symbol.isEmpty else {
                let reason = "'\(relationText.trimmingSpaces())' has no operator (\(Self.operators(ecosystem)))"
                throw VersionError.invalidConstraint(text, ecosystem: ecosystem, reason: reason)
            }
            guard let relation = Self.relation(String(symbol), in: ecosystem) else {
                let reason = "'\(symbol)' is not an operator here (\(Self.operators(ecosystem)))"
                throw VersionError.invalidConstraint(text, ecosystem: ecosystem, reason: reason)
            }
            guard !versionText.isEmpty else {
                throw VersionError.invalidConstraint(text, ecosystem: ecosystem, reason: "a relation has no version")
            }
            do {
                clauses.append(Clause(relation: relation, version: try Version(parsing: versionText, in: ecosystem)))
            } catch let error as VersionError {
                throw VersionError.invalidConstraint(
                    text, ecosystem: ecosystem, reason: "version '\(versionText)': \(error.reason)")
            }
        }
        self.ecosystem = ecosystem
        self.clauses = clauses
    }

    /// Whether `version` meets every relation; a version of another ecosystem meets none.
    public func isSatisfied(by version: Version) -> Bool {
        clauses.allSatisfy { clause in Self.holds(version, clause.relation, clause.version) }
    }

    /// Parses `version` in the constraint's ecosystem and checks it.
    public func isSatisfied(by version: String) throws -> Bool {
        isSatisfied(by: try Version(parsing: version, in: ecosystem))
    }

    private static func holds(_ version: Version, _ relation: Relation, _ bound: Version) -> Bool {
        guard version.ecosystem == bound.ecosystem else { return false }
        if case .apk(let candidate) = version, case .apk(let prefix) = bound, relation.isFuzzy {
            let order = candidate.compare(to: prefix, fuzzy: true)
            return order == 0 || (relation == .lessOrFuzzy && order < 0) || (relation == .greaterOrFuzzy && order > 0)
        }
        let order = version.compare(to: bound)
        switch relation {
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .equal: return order == 0
        case .greaterOrEqual: return order >= 0
        case .greater: return order > 0
        case .fuzzy, .lessOrFuzzy, .greaterOrFuzzy: return false
        }
    }

    private static func relation(_ symbol: String, in ecosystem: Ecosystem) -> Relation? {
        switch (symbol, ecosystem) {
        case ("<<", .deb): .less
        case (">>", .deb): .greater
        case ("~", .apk), ("<~", .apk), (">~", .apk): Relation(rawValue: symbol)
        case ("<", _), ("<=", _), ("=", _), (">=", _), (">", _): Relation(rawValue: symbol)
        default: nil
        }
    }

    private static func operators(_ ecosystem: Ecosystem) -> String {
        ecosystem == .deb ? "use <<, <=, =, >=, >>, < or >" : "use <, <=, =, >=, >, ~, <~ or >~"
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
