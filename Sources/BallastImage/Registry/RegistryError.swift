import BallastCore

/// Why a registry could not be read. Every message names the registry or reference and the next step.
///
/// Digest and size mismatches of downloaded content are ``ImageError`` cases, shared with the
/// local image sources.
public enum RegistryError: BallastError, Equatable {
    /// The registry answered 401 and no credentials were found for it.
    case unauthorized(registry: String, repository: String)
    /// The registry answered 401 or 403 to the credentials Ballast sent.
    case credentialsRejected(registry: String, repository: String, status: Int)
    /// No manifest exists for the tag or digest.
    case manifestUnknown(reference: ImageReference)
    /// The registry does not know the repository.
    case repositoryNotFound(registry: String, repository: String)
    /// The connection could not be made at all.
    case unreachable(host: String, reason: String)
    /// The TLS handshake failed, e.g. on an untrusted certificate.
    case tlsFailed(host: String, reason: String)
    /// The registry answered a TLS handshake with plain HTTP.
    case plainHTTPServer(host: String)
    /// The registry kept answering 429 or 5xx.
    case tooManyRetries(registry: String, what: String, status: Int, attempts: Int)
    /// The connection kept breaking off in the middle of a transfer.
    case transferInterrupted(registry: String, what: String, reason: String, attempts: Int)
    /// A status the protocol does not allow at this point.
    case unexpectedStatus(registry: String, what: String, status: Int, detail: String)
    /// A token service refused or failed to issue a token.
    case tokenRequestFailed(registry: String, realm: String, status: Int)
    /// A response could not be understood.
    case invalidResponse(registry: String, what: String, reason: String)
    /// Redirects went on for longer than any registry needs.
    case tooManyRedirects(registry: String, what: String)

    public var description: String {
        switch self {
        case .unauthorized(let registry, let repository):
            "registry \(registry) requires authentication to pull \(repository) and no credentials were found; "
                + "run 'docker login \(registry)' or add credentials for it to $DOCKER_CONFIG/config.json"
        case .credentialsRejected(let registry, let repository, let status):
            "registry \(registry) refused the stored credentials for \(repository) (HTTP \(status)); "
                + "check access to the repository and run 'docker login \(registry)' again"
        case .manifestUnknown(let reference):
            "\(reference): manifest unknown, the registry has no such tag or digest; "
                + "check the tag, or list the tags with 'skopeo list-tags docker://\(reference.name)'"
        case .repositoryNotFound(let registry, let repository):
            "registry \(registry) has no repository '\(repository)'; check the image name"
        case .unreachable(let host, let reason):
            "cannot connect to registry \(host) (\(reason)); check the host and port, and that the registry is running"
        case .tlsFailed(let host, let reason):
            "TLS connection to registry \(host) failed (\(reason)); if its certificate is signed by a private "
                + "authority, add that to the system trust store (update-ca-certificates)"
        case .plainHTTPServer(let host):
            "registry \(host) speaks plain HTTP, not TLS; pass --insecure-registry \(host) "
                + "(or list it in BALLAST_INSECURE_REGISTRIES) to use it without TLS"
        case .tooManyRetries(let registry, let what, let status, let attempts):
            "registry \(registry) kept failing to serve \(what) (HTTP \(status) after \(attempts) attempts); "
                + "try again later"
        case .transferInterrupted(let registry, let what, let reason, let attempts):
            "the download of \(what) from registry \(registry) broke off \(attempts) times (\(reason)); "
                + "check the network and try again"
        case .unexpectedStatus(let registry, let what, let status, let detail):
            "registry \(registry) answered HTTP \(status) for \(what)\(detail.isEmpty ? "" : " (\(detail))"); "
                + "check the reference and the registry"
        case .tokenRequestFailed(let registry, let realm, let status):
            "the token service \(realm) of registry \(registry) answered HTTP \(status); "
                + "check the credentials with 'docker login \(registry)'"
        case .invalidResponse(let registry, let what, let reason):
            "registry \(registry) sent an invalid \(what) (\(reason)); "
                + "the registry or a proxy in front of it is misbehaving"
        case .tooManyRedirects(let registry, let what):
            "registry \(registry) redirected the request for \(what) too many times; the registry is misconfigured"
        }
    }
}
