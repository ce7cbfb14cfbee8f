import BallastTestSupport
import Foundation
import Testing

/// The commands against a real registry on loopback, as a user would run them.
@Suite("Commands on registry images")
struct RegistryCommandTests {
    @Test("inspect pulls, verifies and reports a registry image; the second run downloads nothing")
    func inspectFromRegistry() async throws {
        let registry = try await RegistryFixture.shared.anonymous()
        let meta = try TestImages.shared.meta("distroless-node")
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let reference = "\(registry.host)/distroless/nodejs22-debian12:latest"
        let arguments = ["inspect", "--format", "json", "--insecure-registry", registry.host, reference]
        let environment = ["XDG_CACHE_HOME": cache.path]

        let first = try BallastProcess.run(arguments, environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
        #expect(report?["manifestDigest"] as? String == meta["manifest_digest"] as? String)
        #expect(report?["reference"] as? String == reference)
        let blobs = try FileManager.default.contentsOfDirectory(atPath: cache.path + "/ballast/blobs/sha256")
        #expect(blobs.count == (meta["layer_count"] as? Int ?? 0) + 2)

        let second = try BallastProcess.run(arguments + ["--debug"], environment: environment)
        #expect(second.status == 0)
        #expect(second.stdout == first.stdout)
        #expect(second.stderr.contains("is cached; not downloading it"))
        #expect(!second.stderr.contains("debug: downloaded "), "\(second.stderr)")
    }

    @Test("a plain-HTTP registry not named insecure is refused with the flag to use")
    func insecureRegistryRequired() async throws {
        let registry = try await RegistryFixture.shared.anonymous()
        let result = try BallastProcess.run(["inspect", "\(registry.host)/distroless/nodejs22-debian12:latest"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--insecure-registry \(registry.host)"), "\(result.stderr)")
    }

    @Test("credentials from a Docker config reach a basic-auth registry and never appear in output")
    func basicAuth() async throws {
        let registry = try await RegistryFixture.shared.basicAuth()
        let user = try #require(registry.user)
        let password = try #require(registry.password)
        let config = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ballast-docker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: config) }
        let auth = Data("\(user):\(password)".utf8).base64EncodedString()
        try Data(#"{"auths": {"\#(registry.host)": {"auth": "\#(auth)"}}}"#.utf8)
            .write(to: config.appendingPathComponent("config.json"))
        let reference = "\(registry.host)/distroless/nodejs22-debian12:latest"

        let denied = try BallastProcess.run(["inspect", "--insecure-registry", registry.host, reference])
        #expect(denied.status == 2)
        let allowed = try BallastProcess.run(
            ["sbom", "--debug", "--no-cache", "--insecure-registry", registry.host, reference],
            environment: ["DOCKER_CONFIG": config.path])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(!allowed.stderr.contains(password))
        #expect(!allowed.stderr.contains(auth))
        #expect(!allowed.stdout.contains(password))
    }
}
