import BallastCore
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Answers a registry's `WWW-Authenticate` challenges and remembers the result per scope.
///
/// `Basic` challenges are answered with the stored credentials. `Bearer` challenges go to the
/// token service named by `realm`, anonymously or with the credentials (Basic, or an OAuth2
/// refresh-token grant for identity tokens), and the token is cached for its scope
/// (`repository:library/node:pull`). See https://distribution.github.io/distribution/spec/auth/token/.
actor RegistryAuthenticator {
    private let endpoint: RegistryEndpoint
    private let store: DockerCredentialStore
    private let http: HTTPSession
    private let logger: Logger
    private var credentialLookup: RegistryCredential??
    private var authorizations: [String: String] = [:]

    init(endpoint: RegistryEndpoint, store: DockerCredentialStore, http: HTTPSession, logger: Logger) {
        self.endpoint = endpoint
        self.store = store
        self.http = http
        self.logger = logger
    }

    /// The stored credential for this registry, looked up once.
    var credential: RegistryCredential? {
        if let credentialLookup { return credentialLookup }
        let found = store.credential(for: endpoint.domain)
        credentialLookup = .some(found)
        return found
    }

    /// The `Authorization` value already earned for `scope`, if any.
    func cachedAuthorization(for scope: String) -> String? {
        authorizations[scope]
    }

    /// Answers the challenges of a 401 and caches the resulting `Authorization` value for `scope`.
    /// Returns nil when the challenge cannot be answered (no credentials for `Basic`).
    func authorize(challenges: [AuthChallenge], scope: String, repository: String) async throws -> String? {
        if let bearer = challenges.first(where: { $0.scheme == "bearer" }), let realm = bearer.parameters["realm"] {
            let requested = bearer.parameters["scope"] ?? scope
            let token = try await fetchToken(
                realm: realm, service: bearer.parameters["service"], scope: requested, repository: repository)
            authorizations[scope] = "Bearer \(token)"
            return authorizations[scope]
        }
        if challenges.contains(where: { $0.scheme == "basic" }), let credential, credential.identityToken == nil {
            logger.debug("registry \(endpoint.domain) asks for Basic authentication; sending \(credential)")
            authorizations[scope] = credential.basicAuthorization
            return authorizations[scope]
        }
        return nil
    }

    /// Asks the token service for a token; accepts `token` or `access_token` in the answer.
    private func fetchToken(realm: String, service: String?, scope: String, repository: String) async throws -> String {
        guard var components = URLComponents(string: realm), components.scheme != nil else {
            throw RegistryError.invalidResponse(
                registry: endpoint.domain, what: "authentication challenge", reason: "realm '\(realm)' is not a URL")
        }
        // Credentials never travel in clear text to the token service of a TLS registry.
        if components.scheme?.lowercased() == "http", endpoint.scheme == "https", credential != nil {
            throw RegistryError.invalidResponse(
                registry: endpoint.domain, what: "authentication challenge",
                reason: "its token service \(realm) uses plain HTTP; refusing to send credentials there")
        }
        var query = [URLQueryItem]()
        if let service { query.append(URLQueryItem(name: "service", value: service)) }
        query.append(URLQueryItem(name: "scope", value: scope))

        var request: URLRequest
        let credential = self.credential
        if let identityToken = credential?.identityToken {
            logger.debug("requesting a token for \(scope) from \(realm) with an identity token")
            request = URLRequest(url: components.url!)
            request.httpMethod = "POST"
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            var form = URLComponents()
            form.queryItems =
                query + [
                    URLQueryItem(name: "grant_type", value: "refresh_token"),
                    URLQueryItem(name: "client_id", value: "ballast"),
                    URLQueryItem(name: "refresh_token", value: identityToken),
                ]
            request.httpBody = Data((form.percentEncodedQuery ?? "").utf8)
        } else {
            components.queryItems = (components.queryItems ?? []) + query
            request = URLRequest(url: components.url!)
            if let credential {
                logger.debug("requesting a token for \(scope) from \(realm) with \(credential)")
                request.setValue(credential.basicAuthorization, forHTTPHeaderField: "Authorization")
            } else {
                logger.debug("requesting an anonymous token for \(scope) from \(realm)")
            }
        }

        let response = try await http.perform(request)
        guard response.isSuccess else {
            if response.status == 401 || response.status == 403 {
                if credential == nil {
                    throw RegistryError.unauthorized(registry: endpoint.domain, repository: repository)
                }
                throw RegistryError.credentialsRejected(
                    registry: endpoint.domain, repository: repository, status: response.status)
            }
            throw RegistryError.tokenRequestFailed(registry: endpoint.domain, realm: realm, status: response.status)
        }
        struct TokenAnswer: Decodable {
            var token: String?
            var access_token: String?
        }
        let answer = try? JSONDecoder().decode(TokenAnswer.self, from: response.body)
        guard let token = answer?.token ?? answer?.access_token, !token.isEmpty else {
            throw RegistryError.invalidResponse(
                registry: endpoint.domain, what: "token answer", reason: "no 'token' or 'access_token' field")
        }
        return token
    }
}
