import BallastCore
import BallastImage
import BallastTestSupport
import Foundation

/// A private cache and Docker config folder for one test, with options pointing at them.
struct RegistryTestContext {
    let folder: URL
    let cacheDirectory: URL
    let dockerConfigDirectory: URL

    init() throws {
        folder = try RegistryProcesses.temporaryDirectory("ballast-registry-test")
        cacheDirectory = folder.appendingPathComponent("cache")
        dockerConfigDirectory = folder.appendingPathComponent("docker")
        try FileManager.default.createDirectory(at: dockerConfigDirectory, withIntermediateDirectories: true)
    }

    /// Options for `host`, reached over plain HTTP, with fast retries.
    func options(
        insecure hosts: [String], environment: [String: String] = [:], useCache: Bool = true,
        retry: RetryPolicy = RetryPolicy(maximumAttempts: 4, baseDelay: .milliseconds(10), maximumDelay: .seconds(2))
    ) -> RegistryOptions {
        var environment = environment
        environment["HOME"] = folder.path
        environment["PATH"] = environment["PATH"] ?? "/usr/bin:/bin"
        return RegistryOptions(
            insecureRegistries: Set(hosts), useCache: useCache, cacheDirectory: cacheDirectory,
            dockerConfigDirectory: dockerConfigDirectory, environment: environment, retry: retry,
            logger: Self.logger)
    }

    /// Writes `config.json` into the Docker config folder.
    func writeDockerConfig(_ object: [String: Any]) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        try data.write(to: dockerConfigDirectory.appendingPathComponent("config.json"))
    }

    /// Silent, unless `BALLAST_TEST_DEBUG` is set.
    static let logger: Logger =
        ProcessInfo.processInfo.environment["BALLAST_TEST_DEBUG"] == nil ? .silent : Logger(level: .trace)

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// The expected identity of a test image, from `meta/<name>.json`.
struct ExpectedImage {
    let repoTag: String
    let manifestDigest: String
    let configDigest: String
    let layerDigests: [String]
    let diffIDs: [String]

    init(_ name: String) throws {
        let meta = try TestImages.shared.meta(name)
        repoTag = meta["repotag"] as? String ?? ""
        manifestDigest = meta["manifest_digest"] as? String ?? ""
        configDigest = meta["config_digest"] as? String ?? ""
        let layers = meta["layers"] as? [[String: Any]] ?? []
        layerDigests = layers.map { $0["digest"] as? String ?? "" }
        diffIDs = layers.map { $0["diff_id"] as? String ?? "" }
    }
}
