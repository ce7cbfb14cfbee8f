/// The parts of an image reference as written in `FROM`: `[registry/]path[:tag][@digest]`.
///
/// Follows the distribution reference grammar
/// (https://github.com/distribution/reference/blob/main/reference.go) closely enough to tell the
/// registry, repository, tag and digest apart; it does not validate every character.
public struct ImageName: Sendable, Hashable {
    /// The registry host when one is written (`gcr.io`, `localhost:5000`), else `nil` for Docker Hub.
    public let registry: String?
    /// The repository path without the registry: `node`, `library/node`, `distroless/nodejs22-debian12`.
    public let path: String
    public let tag: String?
    /// The digest after `@`, such as `sha256:…`.
    public let digest: String?

    /// Splits a reference; `nil` when it is empty or has an empty part.
    public init?(_ reference: String) {
        var rest = Substring(reference)
        var digest: String?
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        var tag: String?
        if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("/") {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        }
        var registry: String?
        if let slash = rest.firstIndex(of: "/") {
            let first = rest[..<slash]
            if first.contains(".") || first.contains(":") || first == "localhost" {
                registry = String(first)
                rest = rest[rest.index(after: slash)...]
            }
        }
        guard !rest.isEmpty, tag != "", digest != "" else { return nil }
        self.registry = registry
        self.path = String(rest)
        self.tag = tag
        self.digest = digest
    }

    /// The repository path with Docker Hub's implicit `library/` removed: `node` for `docker.io/library/node`.
    public var shortPath: String {
        guard registry == nil || registry == "docker.io" || registry == "index.docker.io" else { return path }
        return path.hasPrefix("library/") ? String(path.dropFirst("library/".count)) : path
    }

    /// The last path component: `node`, `nodejs22-debian12`.
    public var name: String {
        String(path.split(separator: "/").last ?? Substring(path))
    }

    /// Registry and path: `gcr.io/distroless/nodejs22-debian12`, or just `node` on Docker Hub.
    public var repository: String {
        guard let registry, !["docker.io", "index.docker.io"].contains(registry) else { return shortPath }
        return registry + "/" + path
    }

    /// Whether this is Docker Hub's official `node` image.
    public var isOfficialNode: Bool {
        repository == "node"
    }
}
