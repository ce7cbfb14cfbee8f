import BallastCore
import Foundation

/// How a registry image is fetched: which hosts may use plain HTTP, where blobs are cached, where
/// credentials come from, and where logs and progress go.
public struct RegistryOptions: Sendable {
    /// Hosts (`HOST` or `HOST:PORT`) reached over plain HTTP instead of verified TLS.
    public var insecureRegistries: Set<String>
    /// Whether downloaded blobs are kept in the shared cache; when false, a private temporary
    /// folder is used and removed by ``RegistryImageSource/close()``.
    public var useCache: Bool
    /// The cache folder; nil means `$XDG_CACHE_HOME/ballast`, else `~/.cache/ballast`.
    public var cacheDirectory: URL?
    /// The folder holding `config.json`; nil means `$DOCKER_CONFIG`, else `~/.docker`.
    public var dockerConfigDirectory: URL?
    /// The environment read for `DOCKER_CONFIG`, `HOME`, `XDG_CACHE_HOME` and `PATH` (credential helpers).
    public var environment: [String: String]
    public var retry: RetryPolicy
    /// Layers downloaded at the same time.
    public var concurrentDownloads: Int
    public var logger: Logger
    public var progress: ProgressDisplay

    public init(
        insecureRegistries: Set<String> = [], useCache: Bool = true, cacheDirectory: URL? = nil,
        dockerConfigDirectory: URL? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        retry: RetryPolicy = RetryPolicy(), concurrentDownloads: Int = 3, logger: Logger = .silent,
        progress: ProgressDisplay = .disabled
    ) {
        self.insecureRegistries = insecureRegistries
        self.useCache = useCache
        self.cacheDirectory = cacheDirectory
        self.dockerConfigDirectory = dockerConfigDirectory
        self.environment = environment
        self.retry = retry
        self.concurrentDownloads = max(1, concurrentDownloads)
        self.logger = logger
        self.progress = progress
    }

    /// The environment variable listing extra insecure registries, comma-separated.
    public static let insecureRegistriesVariable = "BALLAST_INSECURE_REGISTRIES"

    /// The insecure hosts from repeated `--insecure-registry` flags plus `BALLAST_INSECURE_REGISTRIES`.
    public static func insecureRegistries(flags: [String], environment: [String: String]) -> Set<String> {
        let fromEnvironment = (environment[insecureRegistriesVariable] ?? "").split(separator: ",")
        let all = flags.map { Substring($0) } + fromEnvironment
        return Set(all.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty })
    }

    /// Whether `domain` (`host[:port]`) may be reached over plain HTTP: listed in
    /// ``insecureRegistries`` or in `BALLAST_INSECURE_REGISTRIES`. An entry without a port covers
    /// every port of its host.
    public func isInsecure(_ domain: String) -> Bool {
        let listed = Self.insecureRegistries(flags: Array(insecureRegistries), environment: environment)
        let domain = domain.lowercased()
        return listed.contains(domain) || listed.contains(RegistryEndpoint.host(of: domain))
    }
}
