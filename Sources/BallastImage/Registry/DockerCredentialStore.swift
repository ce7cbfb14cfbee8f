import BallastCore
import Foundation

/// Finds registry credentials the way the Docker CLI stores them.
///
/// Reads `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`: a registry's `credHelpers`
/// entry first, then the `credsStore`, then the `auths` entry (`auth` as base64 `user:password`,
/// or `username` and `password`, and `identitytoken`). Helpers run as
/// `docker-credential-<name> get` with the server on standard input. Docker Hub's key is
/// `https://index.docker.io/v1/`. See https://docs.docker.com/reference/cli/docker/login/.
struct DockerCredentialStore: Sendable {
    let configDirectory: URL
    let environment: [String: String]
    let logger: Logger

    static let dockerHubKey = "https://index.docker.io/v1/"

    init(configDirectory: URL?, environment: [String: String], logger: Logger) {
        let home = environment["HOME"] ?? NSHomeDirectory()
        self.configDirectory =
            configDirectory
            ?? environment["DOCKER_CONFIG"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: home).appendingPathComponent(".docker")
        self.environment = environment
        self.logger = logger
    }

    /// The document as the Docker CLI writes it; unknown keys are ignored.
    private struct ConfigFile: Decodable {
        struct AuthEntry: Decodable {
            var auth: String?
            var username: String?
            var password: String?
            var identitytoken: String?
        }
        var auths: [String: AuthEntry]?
        var credsStore: String?
        var credHelpers: [String: String]?
    }

    /// The credential for a registry domain, or nil when none is stored.
    func credential(for domain: String) -> RegistryCredential? {
        let path = configDirectory.appendingPathComponent("config.json")
        guard let data = try? Data(contentsOf: path) else {
            logger.debug("no Docker config at \(path.path); pulling \(domain) anonymously")
            return nil
        }
        guard let config = try? JSONDecoder().decode(ConfigFile.self, from: data) else {
            logger.debug("\(path.path) is not valid JSON; ignoring it")
            return nil
        }
        let key = domain == ImageReference.defaultDomain ? Self.dockerHubKey : domain

        if let helper = config.credHelpers?.first(where: { Self.matches($0.key, domain) })?.value {
            return runHelper(helper, server: key)
        }
        if let store = config.credsStore, !store.isEmpty, let credential = runHelper(store, server: key) {
            return credential
        }
        guard let entry = config.auths?.first(where: { Self.matches($0.key, domain) })?.value else {
            logger.debug("\(path.path) has no credentials for \(domain)")
            return nil
        }
        return Self.credential(from: entry, domain: domain, logger: logger)
    }

    private static func credential(from entry: ConfigFile.AuthEntry, domain: String, logger: Logger)
        -> RegistryCredential?
    {
        var username = entry.username ?? ""
        var password = entry.password ?? ""
        if let auth = entry.auth, !auth.isEmpty {
            guard let decoded = Data(base64Encoded: auth).flatMap({ String(data: $0, encoding: .utf8) }),
                let colon = decoded.firstIndex(of: ":")
            else {
                logger.debug("the auths entry for \(domain) has an unreadable 'auth' value; ignoring it")
                return nil
            }
            username = String(decoded[..<colon])
            password = String(decoded[decoded.index(after: colon)...])
        }
        let token = entry.identitytoken.flatMap { $0.isEmpty ? nil : $0 }
        guard !username.isEmpty || token != nil else { return nil }
        logger.debug("using the auths entry of the Docker config for \(domain)")
        return RegistryCredential(username: username, password: password, identityToken: token)
    }

    /// Whether a config key (`host`, `https://host/v1/`, …) names `domain`.
    static func matches(_ key: String, _ domain: String) -> Bool {
        var host = Substring(key.lowercased())
        for scheme in ["https://", "http://"] where host.hasPrefix(scheme) {
            host = host.dropFirst(scheme.count)
        }
        if let slash = host.firstIndex(of: "/") { host = host[..<slash] }
        if domain == ImageReference.defaultDomain {
            return ["index.docker.io", "docker.io", "registry-1.docker.io"].contains(String(host))
        }
        return host == domain.lowercased()
    }
}
