/// An Alpine package version as apk-tools reads it: `digits{.digits}[letter]{_suffix[digits]}[~hash][-rN]`,
/// such as `1.2.3_rc1-r0`. Wolfi and Chainguard use the same versions.
///
/// apk orders every string, valid or not: it compares piece by piece and falls back to comparing
/// text from the first malformed piece, so creating a version never fails. ``isValid`` and
/// ``init(validating:)`` apply apk's validity check. Comparison never allocates.
public struct AlpineVersion: Sendable {
    /// The version as written.
    public let text: String
    let bytes: [UInt8]

    /// Wraps any string; apk can order it even when it is not a valid version.
    public init(_ text: String) {
        self.text = text
        self.bytes = Array(text.utf8)
    }

    /// Creates a version that apk's validity check accepts.
    ///
    /// - Throws: ``VersionError/invalidVersion(_:ecosystem:reason:)`` naming the grammar.
    public init(validating text: String) throws {
        self.init(text)
        guard isValid else {
            throw VersionError.invalidVersion(
                text, ecosystem: .apk, reason: "expected digits{.digits}[letter]{_suffix[digits]}[~hash][-rN]")
        }
    }

    /// Whether apk accepts the version as well formed.
    public var isValid: Bool {
        var tokens = AlpineVersionTokenizer(bytes)
        while true {
            switch tokens.next().kind {
            case .end: return true
            case .invalid: return false
            default: continue
            }
        }
    }
}

extension AlpineVersion: CustomStringConvertible {
    public var description: String { text }
}
