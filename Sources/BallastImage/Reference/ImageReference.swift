import BallastCore
import BallastDigest

/// A registry image reference, normalised as Docker does: `node` is
/// `docker.io/library/node:latest`.
///
/// Follows the grammar of https://github.com/distribution/reference (`reference.go`):
/// `[domain[:port]/]path[:tag][@digest]`, lowercase path components separated by `.`, `_`, `__`
/// or runs of `-`, tags of at most 128 word characters, names of at most 255 characters.
public struct ImageReference: Hashable, Sendable {
    /// The registry host with its port, e.g. `docker.io`, `localhost:5000`, `ghcr.io`.
    public let domain: String
    /// The repository path inside the registry, e.g. `library/node`.
    public let path: String
    /// The tag, when the reference names one (`latest` is supplied when neither tag nor digest is).
    public let tag: String?
    /// The manifest digest, when the reference pins one.
    public let digest: Digest?

    public static let defaultDomain = "docker.io"
    public static let defaultTag = "latest"

    public init(domain: String, path: String, tag: String?, digest: Digest?) {
        self.domain = domain
        self.path = path
        self.tag = tag
        self.digest = digest
    }

    /// Parses and normalises a reference as `docker pull` would.
    public init(parsing text: String) throws(ReferenceError) {
        self = try ReferenceParser(text).parse()
    }

    /// The repository name with its domain: `docker.io/library/node`.
    public var name: String { "\(domain)/\(path)" }

    /// What a manifest request asks for: the digest if pinned, else the tag.
    public var manifestReference: String { digest?.description ?? tag ?? Self.defaultTag }

    /// The shortest form users type: `node:22`, `localhost:5000/app@sha256:…`.
    public var familiarName: String {
        var name = self.name
        if domain == Self.defaultDomain {
            name = path.hasPrefix("library/") ? String(path.dropFirst("library/".count)) : path
        }
        return name
    }

    /// The same reference with another tag and digest.
    public func with(tag: String?, digest: Digest?) -> ImageReference {
        ImageReference(domain: domain, path: path, tag: tag, digest: digest)
    }
}

extension ImageReference: CustomStringConvertible {
    /// The fully qualified form: `docker.io/library/node:22@sha256:…`.
    public var description: String {
        var text = name
        if let tag { text += ":\(tag)" }
        if let digest { text += "@\(digest)" }
        return text
    }
}

public enum ReferenceError: BallastError, Equatable {
    case empty
    case uppercase(String)
    case invalidFormat(String, reason: String)
    case nameTooLong(String)
    case invalidTag(String)
    case invalidDigest(String)

    public var exitCode: ExitCode { .usage }

    public var description: String {
        switch self {
        case .empty:
            "empty image reference; name an image such as node:22-slim or localhost:5000/app:1.0"
        case .uppercase(let text):
            "invalid image reference '\(text)': repository names must be lowercase"
        case .invalidFormat(let text, let reason):
            "invalid image reference '\(text)': \(reason)"
        case .nameTooLong(let text):
            "invalid image reference '\(text)': the repository name is longer than 255 characters"
        case .invalidTag(let text):
            "invalid image reference '\(text)': a tag is 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'"
        case .invalidDigest(let text):
            "invalid image reference '\(text)': the digest must be sha256: followed by 64 lowercase hex digits"
        }
    }
}
