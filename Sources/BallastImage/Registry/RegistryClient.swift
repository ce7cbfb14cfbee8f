import BallastCore
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A client of one registry's OCI distribution API (v2): manifests, blobs and tags.
///
/// Handles `Basic` and `Bearer` token authentication with credentials from the Docker config,
/// retries 429 and 5xx answers with backoff, and follows redirects itself so that credentials
/// never leave the registry's own host and port. TLS is always verified, except for registries
/// listed as insecure, which are reached over plain HTTP.
/// See https://github.com/opencontainers/distribution-spec/blob/main/spec.md.
public struct RegistryClient: Sendable {
    /// The registry domain as written in references, e.g. `docker.io` or `localhost:5000`.
    public var domain: String { endpoint.domain }

    let endpoint: RegistryEndpoint
    let http: HTTPSession
    let authenticator: RegistryAuthenticator
    let retry: RetryPolicy
    let logger: Logger

    /// A client for the registry `domain`, configured by `options`.
    public init(domain: String, options: RegistryOptions = RegistryOptions()) {
        endpoint = RegistryEndpoint(domain: domain, insecure: options.isInsecure(domain))
        http = HTTPSession()
        let store = DockerCredentialStore(
            configDirectory: options.dockerConfigDirectory, environment: options.environment, logger: options.logger)
        authenticator = RegistryAuthenticator(endpoint: endpoint, store: store, http: http, logger: options.logger)
        retry = options.retry
        logger = options.logger
    }

    /// One API request: a path under `/v2/`, the repository it concerns and what it fetches, in words.
    struct Request {
        var method = "GET"
        var path: String
        var query: String?
        var repository: String
        var what: String
        var headers: [String: String] = [:]
    }

    /// Sends `request`, authenticating, retrying and following redirects as needed. A 2xx body
    /// goes to `sink` when one is given. Any final status is returned, except 401 and retryable
    /// ones, which become errors. Transfers that break off midway are retried too.
    func send(_ request: Request, sink: (any ResponseBodySink)? = nil) async throws -> HTTPResponse {
        let scope = "repository:\(request.repository):pull"
        var triedChallenge = false
        var attempt = 1
        while true {
            let authorization = await authenticator.cachedAuthorization(for: scope)
            let response: HTTPResponse
            do {
                response = try await followingRedirects(request, authorization: authorization, sink: sink)
            } catch let interrupted as TransferInterrupted {
                guard attempt < retry.maximumAttempts else {
                    throw RegistryError.transferInterrupted(
                        registry: domain, what: request.what, reason: interrupted.reason, attempts: attempt)
                }
                let delay = retry.delay(afterAttempt: attempt, retryAfter: nil)
                logger.debug("transfer of \(request.what) broke off (\(interrupted.reason)); retrying in \(delay)")
                try await Task.sleep(for: delay)
                attempt += 1
                continue
            }

            if response.status == 401 {
                guard !triedChallenge else {
                    if await authenticator.credential == nil {
                        throw RegistryError.unauthorized(registry: domain, repository: request.repository)
                    }
                    throw RegistryError.credentialsRejected(
                        registry: domain, repository: request.repository, status: response.status)
                }
                triedChallenge = true
                let challenges = AuthChallenge.parse(response.header("WWW-Authenticate") ?? "")
                logger.debug("registry \(domain) asked for authentication (\(challenges.map(\.scheme)))")
                let answered = try await withConnectionErrors {
                    try await authenticator.authorize(
                        challenges: challenges, scope: scope, repository: request.repository)
                }
                guard answered != nil else {
                    throw RegistryError.unauthorized(registry: domain, repository: request.repository)
                }
                continue
            }

            guard RetryPolicy.isRetryable(status: response.status) else { return response }
            guard attempt < retry.maximumAttempts else {
                throw RegistryError.tooManyRetries(
                    registry: domain, what: request.what, status: response.status, attempts: attempt)
            }
            let delay = retry.delay(afterAttempt: attempt, retryAfter: response.header("Retry-After"))
            logger.debug("registry \(domain) answered \(response.status) for \(request.what); retrying in \(delay)")
            try await Task.sleep(for: delay)
            attempt += 1
        }
    }

    /// Performs a request and its redirects; `Authorization` goes only to the registry's origin.
    private func followingRedirects(
        _ request: Request, authorization: String?, sink: (any ResponseBodySink)?
    ) async throws -> HTTPResponse {
        var url = endpoint.url(request.path, query: request.query)
        for _ in 0..<10 {
            var urlRequest = URLRequest(url: url)
            urlRequest.httpMethod = request.method
            for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
            if let authorization, endpoint.isSameOrigin(url) {
                urlRequest.setValue(authorization, forHTTPHeaderField: "Authorization")
            }
            // Redirect targets may carry signed queries; log only where the request goes.
            let port = url.port.map { ":\($0)" } ?? ""
            logger.trace("\(request.method) \(url.scheme ?? "")://\(url.host ?? "")\(port)\(url.path)")
            let response = try await withConnectionErrors { try await http.perform(urlRequest, sink: sink) }
            guard response.isRedirect, let location = response.header("Location") else { return response }
            guard let next = URL(string: location, relativeTo: url)?.absoluteURL else {
                throw RegistryError.invalidResponse(
                    registry: domain, what: "redirect for \(request.what)", reason: "bad Location '\(location)'")
            }
            logger.debug("registry \(domain) redirected \(request.what) to \(next.host ?? "?")")
            url = next
        }
        throw RegistryError.tooManyRedirects(registry: domain, what: request.what)
    }

    /// Turns connection failures into errors that name the registry.
    private func withConnectionErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as URLError {
            let reason = Self.reason(error)
            logger.debug("connection to \(endpoint.authority) failed: URLError \(error.code.rawValue) \(reason)")
            switch error.code {
            case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
                .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
                throw RegistryError.tlsFailed(host: endpoint.authority, reason: reason)
            case .cancelled:
                throw CancellationError()
            case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .timedOut:
                throw RegistryError.unreachable(host: endpoint.authority, reason: reason)
            default:
                // curl reports TLS failures (a plain-HTTP server, an untrusted certificate) as
                // unknown errors; over https, ask the port whether it speaks plain HTTP.
                guard endpoint.scheme == "https" else {
                    throw RegistryError.unreachable(host: endpoint.authority, reason: reason)
                }
                if await answersPlainHTTP() {
                    throw RegistryError.plainHTTPServer(host: endpoint.authority)
                }
                throw RegistryError.tlsFailed(host: endpoint.authority, reason: reason)
            }
        }
    }

    /// Whether the registry's host and port answer a plain-HTTP request as a registry does (200 or
    /// 401 to `/v2/`); TLS servers answer plain HTTP with 400.
    private func answersPlainHTTP() async -> Bool {
        guard let url = URL(string: "http://\(endpoint.authority)/v2/") else { return false }
        var request = URLRequest(url: url)
        request.timeoutInterval = 5
        guard let response = try? await http.perform(request) else { return false }
        logger.debug("\(endpoint.authority) answers plain HTTP (status \(response.status))")
        return response.status == 200 || response.status == 401
    }

    /// A short, stable phrase for a connection failure.
    private static func reason(_ error: URLError) -> String {
        switch error.code {
        case .cannotConnectToHost: "connection refused"
        case .cannotFindHost, .dnsLookupFailed: "host not found"
        case .timedOut: "timed out"
        case .networkConnectionLost: "connection lost"
        case .secureConnectionFailed: "TLS handshake failed"
        case .serverCertificateUntrusted, .serverCertificateHasUnknownRoot: "certificate not trusted"
        case .serverCertificateHasBadDate, .serverCertificateNotYetValid: "certificate expired or not yet valid"
        default: error.localizedDescription
        }
    }

    /// The registry's error codes from an error body (`{"errors":[{"code":"MANIFEST_UNKNOWN"}]}`).
    static func errorCodes(_ body: Data) -> [String] {
        struct Errors: Decodable {
            struct Entry: Decodable { var code: String? }
            var errors: [Entry]?
        }
        return (try? JSONDecoder().decode(Errors.self, from: body))?.errors?.compactMap(\.code) ?? []
    }

    /// The error for a status the caller did not expect.
    func unexpected(_ response: HTTPResponse, _ request: Request) -> RegistryError {
        let codes = Self.errorCodes(response.body)
        if codes.contains("NAME_UNKNOWN") {
            return .repositoryNotFound(registry: domain, repository: request.repository)
        }
        if response.status == 403 || codes.contains("DENIED") {
            return .credentialsRejected(registry: domain, repository: request.repository, status: response.status)
        }
        return .unexpectedStatus(
            registry: domain, what: request.what, status: response.status, detail: codes.joined(separator: ", "))
    }
}
