import Foundation

/// Where a registry's API lives: the scheme, host and port requests go to.
///
/// `docker.io` names Docker Hub, whose API is at `registry-1.docker.io`. Registries listed as
/// insecure are reached over plain HTTP; every other one over TLS with certificate checks.
struct RegistryEndpoint: Sendable, Equatable {
    /// The domain as written in references: `docker.io`, `localhost:5000`, `[::1]:5000`.
    let domain: String
    /// `https` or `http`.
    let scheme: String
    /// The API authority: `registry-1.docker.io`, `localhost:5000`.
    let authority: String

    init(domain: String, insecure: Bool) {
        self.domain = domain
        self.scheme = insecure ? "http" : "https"
        self.authority = domain == ImageReference.defaultDomain ? "registry-1.docker.io" : domain
    }

    /// `scheme://authority`.
    var baseURL: URL {
        // The authority comes from a parsed reference, so it is always a valid URL host.
        URL(string: "\(scheme)://\(authority)")!
    }

    /// The URL of an API path such as `/v2/library/node/manifests/22`.
    func url(_ path: String, query: String? = nil) -> URL {
        var text = "\(scheme)://\(authority)\(path)"
        if let query { text += "?\(query)" }
        return URL(string: text) ?? baseURL
    }

    /// Whether `url` points at this registry's own host and port, the only place credentials go.
    func isSameOrigin(_ url: URL) -> Bool {
        Self.origin(of: url) == Self.origin(of: baseURL)
    }

    /// The host part of `host[:port]`, brackets kept for IPv6.
    static func host(of domain: String) -> String {
        if domain.hasPrefix("["), let close = domain.firstIndex(of: "]") {
            return String(domain[...close])
        }
        return String(domain.split(separator: ":", maxSplits: 1)[0])
    }

    private static func origin(of url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? ""
        let defaultPort = scheme == "https" ? 443 : 80
        return "\(scheme)://\(url.host?.lowercased() ?? ""):\(url.port ?? defaultPort)"
    }
}
