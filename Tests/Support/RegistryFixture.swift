import Foundation

/// A registry started for tests, on 127.0.0.1 over plain HTTP.
public struct TestRegistry: Sendable {
    /// `127.0.0.1:PORT`, the domain of references into it.
    public let host: String
    /// The registry's storage folder.
    public let dataDirectory: String
    public let user: String?
    public let password: String?
    /// The token service's request log, for the registry with token authentication.
    public let tokenLog: String?
}

/// Registries shared by every test in the process, each started on first use and stopped when
/// the process ends (see ``RegistryProcesses``).
///
/// - `anonymous()`: `serve-registry.sh` without auth, serving ``anonymousImages``.
/// - `basicAuth()`: `serve-registry.sh --auth`, serving ``basicAuthImages``.
/// - `tokenAuth()`: `docker-registry` with token authentication over the anonymous registry's
///   storage, and `servers/token_issuer.py` as its token service. Anonymous callers may pull
///   ``tokenAnonymousRepository``; `tester`, and holders of ``refreshToken``, may pull everything.
public actor RegistryFixture {
    public static let shared = RegistryFixture()

    public static let anonymousImages = ["distroless", "distroless-node", "alpine"]
    public static let basicAuthImages = ["distroless-node"]
    public static let user = "tester"
    public static let password = "s3cret-pw"
    /// The identity token the token service accepts in OAuth2 refresh-token grants.
    public static let refreshToken = "ballast-refresh-token"
    public static let tokenAnonymousRepository = "distroless/nodejs22-debian12"

    private var anonymousTask: Task<TestRegistry, any Error>?
    private var basicTask: Task<TestRegistry, any Error>?
    private var tokenTask: Task<TestRegistry, any Error>?
    /// The push of the multi-platform index, started once; callers that arrive while it runs
    /// wait for it instead of pushing the same manifests at the same time.
    var indexPush: Task<TestIndex, any Error>?

    public func anonymous() async throws -> TestRegistry {
        if anonymousTask == nil {
            anonymousTask = Task { try await Self.serve(images: Self.anonymousImages, auth: nil) }
        }
        return try await anonymousTask!.value
    }

    public func basicAuth() async throws -> TestRegistry {
        if basicTask == nil {
            basicTask = Task {
                try await Self.serve(images: Self.basicAuthImages, auth: "\(Self.user):\(Self.password)")
            }
        }
        return try await basicTask!.value
    }

    public func tokenAuth() async throws -> TestRegistry {
        if tokenTask == nil {
            // Set before any suspension, so concurrent callers share one registry.
            tokenTask = Task { try await Self.serveWithTokens(storage: try await self.anonymous()) }
        }
        return try await tokenTask!.value
    }

    /// Runs `serve-registry.sh` on a free port with a subset of the test images.
    private static func serve(images: [String], auth: String?) async throws -> TestRegistry {
        let entries = try TestImages.shared.entries()
        let folder = try RegistryProcesses.temporaryDirectory("ballast-registry-images")
        try RegistryProcesses.register("dir \(folder.path)")
        var index = "name\trepotag\toci_dir\toci_ref\tdocker_archive\tdocker25_archive\n"
        for name in images {
            guard let entry = entries[name] else { throw TestSupportError("test image '\(name)' is not built") }
            let link = folder.appendingPathComponent(name)
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: entry.ociDirectory)
            index += "\(name)\t\(entry.repoTag)\t\(name)\t\(entry.ociRef)\t-\t-\n"
        }
        try index.write(to: folder.appendingPathComponent("images.tsv"), atomically: true, encoding: .utf8)

        let port = try RegistryProcesses.freePort()
        var arguments = [RegistryProcesses.serveRegistryScript, String(port), folder.path]
        if let auth { arguments += ["--auth", auth] }
        let output = try RegistryProcesses.run(arguments)
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("env for tests: source ") }) else {
            throw TestSupportError("serve-registry.sh printed no state folder: \(output)")
        }
        let state = URL(fileURLWithPath: String(line.dropFirst("env for tests: source ".count)))
            .deletingLastPathComponent()
        try RegistryProcesses.register("state \(state.path)")
        return TestRegistry(
            host: "127.0.0.1:\(port)", dataDirectory: state.appendingPathComponent("data").path,
            user: auth == nil ? nil : user, password: auth == nil ? nil : password, tokenLog: nil)
    }
}
