/// One primitive comparator of an npm range, such as `>=1.2.3` or `<2.0.0-0`.
public struct NpmComparator: Sendable, Equatable {
    /// How a version must relate to ``version``.
    public enum Operator: String, Sendable {
        case lessThan = "<"
        case lessThanOrEqual = "<="
        case greaterThan = ">"
        case greaterThanOrEqual = ">="
        /// Written as nothing (or `=`): the versions must have equal precedence.
        case equal = ""
    }

    public let `operator`: Operator
    /// The version compared against; `nil` for the comparator that allows any version.
    public let version: SemVer?

    /// The comparator that every version satisfies (written `*` or as an empty range).
    public static let any = NpmComparator(operator: .equal, version: nil)

    public init(operator: Operator, version: SemVer?) {
        self.operator = `operator`
        self.version = version
    }

    /// Parses a primitive comparator, `[<|>|<=|>=|=]VERSION` with a strict version, or the empty string.
    init?(primitive text: String) {
        guard !text.isEmpty else {
            self = .any
            return
        }
        var parser = SemVerParser(text.unicodeScalars)
        var symbol = ""
        if parser.take("<") {
            symbol = "<"
        } else if parser.take(">") {
            symbol = ">"
        }
        if parser.take("=") { symbol += "=" }

        let versionText = String(String.UnicodeScalarView(parser.scalars[parser.position...]))
        guard let version = try? SemVer(parsing: versionText) else { return nil }
        self.init(operator: Operator(rawValue: symbol == "=" ? "" : symbol) ?? .equal, version: version)
    }

    /// Whether `candidate` satisfies this comparator, ignoring the prerelease rule of ranges.
    public func matches(_ candidate: SemVer) -> Bool {
        guard let version else { return true }
        let order = candidate.compare(to: version)
        switch `operator` {
        case .lessThan: return order < 0
        case .lessThanOrEqual: return order <= 0
        case .greaterThan: return order > 0
        case .greaterThanOrEqual: return order >= 0
        case .equal: return order == 0
        }
    }

    /// Whether this is `<0.0.0-0`, which no version satisfies.
    var isNullSet: Bool {
        guard let version, `operator` == .lessThan else { return false }
        return version.major == 0 && version.minor == 0 && version.patch == 0 && version.prerelease == [.numeric(0)]
    }
}

extension NpmComparator: CustomStringConvertible {
    /// The comparator as `semver.validRange` prints it; empty for ``any``.
    public var description: String {
        guard let version else { return "" }
        return `operator`.rawValue + version.description
    }
}
