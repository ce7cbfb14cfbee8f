/// An npm version range as node-semver 7.6 reads it with default options: sets of comparators joined
/// by `||`, where each set is written with x-ranges, tildes, carets, hyphen ranges or primitives.
///
/// See https://github.com/npm/node-semver#ranges. Parsing desugars the range once into primitive
/// comparators; ``contains(_:)`` then never allocates.
public struct NpmRange: Sendable {
    /// The comparator sets; a version is in the range when it satisfies every comparator of one set.
    public let comparatorSets: [[NpmComparator]]

    /// Parses a range; `semver.validRange` returns `null` exactly when this throws.
    ///
    /// - Throws: ``VersionError/invalidRange(_:)``.
    public init(parsing text: String) throws {
        let raw = JavaScriptWhitespace.collapse(text)

        var sets: [[NpmComparator]] = []
        for part in raw.split(separator: "||", omittingEmptySubsequences: false) {
            guard let set = Self.comparatorSet(NpmRangeRewriter.trim(String(part))) else {
                throw VersionError.invalidRange(text)
            }
            sets.append(set)
        }

        // Drop sets that nothing satisfies unless all are such; one set allowing anything allows all.
        if sets.count > 1 {
            let satisfiable = sets.filter { !($0.first?.isNullSet ?? false) }
            if satisfiable.isEmpty {
                sets = [sets[0]]
            } else if let anything = satisfiable.first(where: { $0 == [.any] }) {
                sets = [anything]
            } else {
                sets = satisfiable
            }
        }
        self.comparatorSets = sets
    }

    /// The range desugared to primitive comparators, exactly as `semver.validRange` prints it
    /// (`~1.2.3` is `>=1.2.3 <1.3.0-0`, sets are joined by `||`, and a range allowing anything is `*`).
    public var normalized: String {
        let text = comparatorSets.map { set in set.map(\.description).joined(separator: " ") }
            .joined(separator: "||")
        return text.isEmpty ? "*" : text
    }

    /// Whether `version` satisfies the range, as `semver.satisfies` decides with default options.
    ///
    /// A prerelease version only satisfies a set that also names a prerelease of the same
    /// major.minor.patch, so `1.3.0-beta` is not in `>=1.2.0`, but `1.2.4-beta` is in `>=1.2.4-alpha`.
    public func contains(_ version: SemVer) -> Bool {
        for set in comparatorSets where Self.set(set, contains: version) {
            return true
        }
        return false
    }

    /// Whether `version` (a strict npm version) satisfies the range; `false` for an invalid version.
    public func contains(_ version: String) -> Bool {
        guard let parsed = try? SemVer(parsing: version) else { return false }
        return contains(parsed)
    }

    private static func set(_ set: [NpmComparator], contains version: SemVer) -> Bool {
        for comparator in set where !comparator.matches(version) {
            return false
        }
        guard version.isPrerelease else { return true }
        for comparator in set {
            if let bound = comparator.version, bound.isPrerelease, bound.hasSameCore(as: version) {
                return true
            }
        }
        return false
    }

    /// One `||` part as comparators: `<0.0.0-0` alone if present, else each distinct one once,
    /// without the any-comparator when there are others.
    private static func comparatorSet(_ part: String) -> [NpmComparator]? {
        var parsed: [NpmComparator] = []
        for text in NpmRangeRewriter.comparators(of: part) {
            guard let comparator = NpmComparator(primitive: text) else { return nil }
            parsed.append(comparator)
        }

        // Every comparator must be valid, even after one that nothing satisfies.
        if let nullSet = parsed.first(where: \.isNullSet) { return [nullSet] }
        var set: [NpmComparator] = []
        for comparator in parsed where !set.contains(where: { $0.description == comparator.description }) {
            set.append(comparator)
        }
        if set.count > 1 { set.removeAll { $0.version == nil } }
        return set
    }
}

extension NpmRange: CustomStringConvertible {
    public var description: String { normalized }
}
