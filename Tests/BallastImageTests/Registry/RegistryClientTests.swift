import BallastCore
import BallastDigest
import BallastImage
import BallastTestSupport
import Foundation
import Testing

@Suite("Registry client")
struct RegistryClientTests {
    @Test("an unknown tag fails naming the reference")
    func unknownTag() async throws {
        let registry = try await RegistryFixture.shared.anonymous()
        let context = try RegistryTestContext()
        defer { context.remove() }
        let reference = try ImageReference(parsing: "\(registry.host)/node:no-such-tag")

        let error = await #expect(throws: RegistryError.self) {
            try await RegistryImageSource(reference: reference, options: context.options(insecure: [registry.host]))
                .resolve()
        }

        #expect(
            error?.description
                == "\(registry.host)/node:no-such-tag: manifest unknown, the registry has no such tag or digest; "
                + "check the tag, or list the tags with 'skopeo list-tags docker://\(registry.host)/node'")
    }

    @Test("listing the tags of an unknown repository fails naming it")
    func repositoryNotFound() async throws {
        let registry = try await RegistryFixture.shared.anonymous()
        let context = try RegistryTestContext()
        defer { context.remove() }
        let client = RegistryClient(domain: registry.host, options: context.options(insecure: [registry.host]))

        let error = await #expect(throws: RegistryError.self) {
            try await client.listTags(repository: "no/such-repository")
        }

        #expect(
            error?.description
                == "registry \(registry.host) has no repository 'no/such-repository'; check the image name")
    }

    @Test("a closed port fails naming host and port")
    func connectionRefused() async throws {
        let port = try RegistryProcesses.freePort()
        let context = try RegistryTestContext()
        defer { context.remove() }
        let reference = try ImageReference(parsing: "127.0.0.1:\(port)/node:22")

        let error = await #expect(throws: RegistryError.self) {
            try await RegistryImageSource(reference: reference, options: context.options(insecure: ["127.0.0.1"]))
                .resolve()
        }

        #expect(
            error?.description
                == "cannot connect to registry 127.0.0.1:\(port) (connection refused); check the host and port, "
                + "and that the registry is running")
    }

    @Test("TLS against a plain-HTTP registry suggests --insecure-registry")
    func tlsAgainstPlainHTTP() async throws {
        let registry = try await RegistryFixture.shared.anonymous()
        let context = try RegistryTestContext()
        defer { context.remove() }
        let reference = try ImageReference(parsing: "\(registry.host)/node:22-alpine3.20")

        let error = await #expect(throws: RegistryError.self) {
            try await RegistryImageSource(reference: reference, options: context.options(insecure: [])).resolve()
        }

        #expect(
            error?.description
                == "registry \(registry.host) speaks plain HTTP, not TLS; pass --insecure-registry \(registry.host) "
                + "(or list it in BALLAST_INSECURE_REGISTRIES) to use it without TLS")
    }

    @Test("tags are listed across Link-header pages and resolve to digests")
    func tagPagination() async throws {
        let registry = try await RegistryFixture.shared.anonymous()
        try await RegistryFixture.shared.tagAlpine(as: ["pin-a", "pin-b", "pin-c"])
        let proxy = try RegistryProxy(upstream: registry.host, options: ["--paginate-tags"])
        defer { proxy.stop() }
        let context = try RegistryTestContext()
        defer { context.remove() }
        let client = RegistryClient(domain: proxy.host, options: context.options(insecure: [proxy.host]))

        let tags = try await client.listTags(repository: "node", pageSize: 2)
        let digest = try await client.manifestDigest(for: try ImageReference(parsing: "\(proxy.host)/node:pin-b"))
        let digests = try await client.manifestDigests(repository: "node", tags: tags)

        let expected = try ExpectedImage("alpine").manifestDigest
        #expect(tags == ["22-alpine3.20", "pin-a", "pin-b", "pin-c"])
        #expect(try proxy.requests().filter { $0.path.contains("/tags/list") }.count == 2)
        #expect(digest.description == expected)
        #expect(digests.mapValues(\.description) == Dictionary(uniqueKeysWithValues: tags.map { ($0, expected) }))
        #expect(try proxy.requests().filter { $0.method == "HEAD" }.count == 5)
    }

    @Test("blob redirects to another host are followed without the Authorization header")
    func redirectDropsAuthorization() async throws {
        let registry = try await RegistryFixture.shared.basicAuth()
        let proxy = try RegistryProxy(upstream: registry.host, options: ["--redirect-blobs"])
        defer { proxy.stop() }
        let context = try RegistryTestContext()
        defer { context.remove() }
        try context.writeDockerConfig([
            "auths": [proxy.host: ["username": registry.user!, "password": registry.password!]]
        ])
        let expected = try ExpectedImage("distroless-node")
        let reference = try ImageReference(parsing: "\(proxy.host)/\(expected.repoTag)")

        let image = try await RegistryImageSource(
            reference: reference, options: context.options(insecure: [proxy.host])
        )
        .resolve()

        #expect(image.layers.map(\.descriptor.digest.description) == expected.layerDigests)
        let requests = try proxy.requests()
        let redirected = requests.filter { $0.server == "blobs" }
        #expect(redirected.count == expected.layerDigests.count + 1)
        #expect(redirected.allSatisfy { !$0.authorization })
        #expect(requests.contains { $0.server == "proxy" && $0.authorization })
    }

    @Test("429 with Retry-After is retried after the wait the registry asks for")
    func retryAfter() async throws {
        let registry = try await RegistryFixture.shared.anonymous()
        let proxy = try RegistryProxy(upstream: registry.host, options: ["--throttle", "1:429:1"])
        defer { proxy.stop() }
        let context = try RegistryTestContext()
        defer { context.remove() }
        let client = RegistryClient(domain: proxy.host, options: context.options(insecure: [proxy.host]))
        let reference = try ImageReference(parsing: "\(proxy.host)/node:22-alpine3.20")

        let start = ContinuousClock.now
        let manifest = try await client.fetchManifest(reference)
        let elapsed = ContinuousClock.now - start

        #expect(manifest.digest.description == (try ExpectedImage("alpine")).manifestDigest)
        #expect(elapsed >= .milliseconds(900))
        #expect(try proxy.requests().filter { $0.path.contains("/manifests/") }.count == 2)
    }

    @Test("a registry that keeps failing gives up after a bounded number of attempts")
    func tooManyRetries() async throws {
        let registry = try await RegistryFixture.shared.anonymous()
        let proxy = try RegistryProxy(upstream: registry.host, options: ["--throttle", "100:503:-"])
        defer { proxy.stop() }
        let context = try RegistryTestContext()
        defer { context.remove() }
        let client = RegistryClient(domain: proxy.host, options: context.options(insecure: [proxy.host]))

        let error = await #expect(throws: RegistryError.self) {
            try await client.fetchManifest(try ImageReference(parsing: "\(proxy.host)/node:22-alpine3.20"))
        }

        #expect(
            error?.description
                == "registry \(proxy.host) kept failing to serve manifest 22-alpine3.20 of node (HTTP 503 after 4 "
                + "attempts); try again later")
        #expect(try proxy.requests().count == 4)
    }

    @Test("a manifest whose Docker-Content-Digest disagrees with its bytes is rejected")
    func manifestDigestHeaderMismatch() async throws {
        let registry = try await RegistryFixture.shared.anonymous()
        let claimed = "sha256:" + String(repeating: "0", count: 64)
        let proxy = try RegistryProxy(upstream: registry.host, options: ["--fake-digest-header", claimed])
        defer { proxy.stop() }
        let context = try RegistryTestContext()
        defer { context.remove() }
        let client = RegistryClient(domain: proxy.host, options: context.options(insecure: [proxy.host]))
        let reference = try ImageReference(parsing: "\(proxy.host)/node:22-alpine3.20")

        let error = await #expect(throws: ImageError.self) { try await client.fetchManifest(reference) }

        let actual = try ExpectedImage("alpine").manifestDigest
        #expect(
            error?.description
                == "\(reference): manifest \(claimed) has digest \(actual); the blob is corrupt or was altered, "
                + "nothing from this image is reported")
    }
}

extension RegistryClientTests {
    @Test("a blob download cut off halfway is retried")
    func droppedConnection() async throws {
        let registry = try await RegistryFixture.shared.anonymous()
        let proxy = try RegistryProxy(upstream: registry.host, options: ["--drop-blobs", "1"])
        defer { proxy.stop() }
        let context = try RegistryTestContext()
        defer { context.remove() }
        let expected = try ExpectedImage("alpine")
        let reference = try ImageReference(parsing: "\(proxy.host)/\(expected.repoTag)")

        let image = try await RegistryImageSource(
            reference: reference, options: context.options(insecure: [proxy.host])
        )
        .resolve()

        #expect(image.layers.map(\.descriptor.digest.description) == expected.layerDigests)
    }
}

extension RegistryClientTests {
    @Test("a download that keeps breaking off gives up after a bounded number of attempts")
    func droppedConnectionEveryTime() async throws {
        let registry = try await RegistryFixture.shared.anonymous()
        let proxy = try RegistryProxy(upstream: registry.host, options: ["--drop-blobs", "100"])
        defer { proxy.stop() }
        let context = try RegistryTestContext()
        defer { context.remove() }
        let expected = try ExpectedImage("alpine")
        let reference = try ImageReference(parsing: "\(proxy.host)/\(expected.repoTag)")
        let config = try TestImages.shared.meta("alpine")["config_digest"] as? String ?? ""

        let error = await #expect(throws: RegistryError.self) {
            try await RegistryImageSource(reference: reference, options: context.options(insecure: [proxy.host]))
                .resolve()
        }

        guard case .transferInterrupted(_, let what, let reason, let attempts) = error else {
            Issue.record("expected an interrupted transfer, got \(String(describing: error))")
            return
        }
        #expect(what == "config \(config)")
        #expect(attempts == 4)
        #expect(
            error?.description
                == "the download of config \(config) from registry \(proxy.host) broke off 4 times (\(reason)); "
                + "check the network and try again")
    }
}

extension RegistryClientTests {
    @Test("a TLS registry with an untrusted certificate fails naming the TLS problem")
    func untrustedCertificate() async throws {
        let registry = try await RegistryFixture.shared.anonymous()
        let context = try RegistryTestContext()
        defer { context.remove() }
        let key = context.folder.appendingPathComponent("key.pem").path
        let cert = context.folder.appendingPathComponent("cert.pem").path
        try RegistryProcesses.run([
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
            "-subj", "/CN=127.0.0.1",
        ])
        let proxy = try RegistryProxy(upstream: registry.host, options: ["--tls", cert, key])
        defer { proxy.stop() }
        let client = RegistryClient(domain: proxy.host, options: context.options(insecure: []))

        let error = await #expect(throws: RegistryError.self) {
            try await client.fetchManifest(try ImageReference(parsing: "\(proxy.host)/node:22-alpine3.20"))
        }

        guard case .tlsFailed(let host, let reason) = error else {
            Issue.record("expected a TLS failure, got \(String(describing: error))")
            return
        }
        #expect(host == proxy.host)
        #expect(
            error?.description
                == "TLS connection to registry \(proxy.host) failed (\(reason)); if its certificate is signed by a "
                + "private authority, add that to the system trust store (update-ca-certificates)")
    }
}
