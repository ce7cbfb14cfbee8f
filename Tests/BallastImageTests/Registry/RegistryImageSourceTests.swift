import BallastArchive
import BallastCore
import BallastDigest
import BallastImage
import BallastTestSupport
import Foundation
import Testing

@Suite("Registry image source")
struct RegistryImageSourceTests {
    @Test(
        "an anonymous pull resolves the image with the digests the build recorded",
        arguments: RegistryFixture.anonymousImages)
    func anonymousPull(name: String) async throws {
        let registry = try await RegistryFixture.shared.anonymous()
        let expected = try ExpectedImage(name)
        let context = try RegistryTestContext()
        defer { context.remove() }

        let reference = try ImageReference(parsing: "\(registry.host)/\(expected.repoTag)")
        let source = try RegistryImageSource(reference: reference, options: context.options(insecure: [registry.host]))
        let image = try await source.resolve()

        #expect(image.transport == .registry)
        #expect(image.manifestDigest?.description == expected.manifestDigest)
        #expect(image.indexDigest == nil)
        #expect(image.configDigest.description == expected.configDigest)
        #expect(image.platform == .linuxAMD64)
        #expect(image.layers.map(\.descriptor.digest.description) == expected.layerDigests)
        #expect(image.layers.map { $0.diffID?.description ?? "" } == expected.diffIDs)
        #expect(image.layers.allSatisfy { $0.compression == .gzip })
        for layer in image.layers {
            let path = context.cacheDirectory.appendingPathComponent("blobs/sha256/\(layer.descriptor.digest.hex)").path
            #expect(layer.location == FileRange(path: path, length: layer.descriptor.size))
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber
            #expect(size?.int64Value == layer.descriptor.size)
        }
    }

    @Test("a second scan of the same image downloads no blob")
    func secondScanUsesTheCache() async throws {
        let registry = try await RegistryFixture.shared.anonymous()
        let proxy = try RegistryProxy(upstream: registry.host, options: [])
        defer { proxy.stop() }
        let context = try RegistryTestContext()
        defer { context.remove() }
        let reference = try ImageReference(parsing: "\(proxy.host)/distroless/nodejs18-debian12:latest")
        let options = context.options(insecure: [proxy.host])

        let first = try await RegistryImageSource(reference: reference, options: options).resolve()
        let firstBlobRequests = try proxy.requests().filter { $0.path.contains("/blobs/") }.count
        let second = try await RegistryImageSource(reference: reference, options: options).resolve()
        let allBlobRequests = try proxy.requests().filter { $0.path.contains("/blobs/") }.count

        #expect(firstBlobRequests == first.layers.count + 1)
        #expect(allBlobRequests == firstBlobRequests)
        #expect(second.manifestDigest == first.manifestDigest)
        #expect(second.layers.map(\.location) == first.layers.map(\.location))
    }

    @Test("without the cache, blobs go to a private folder that close() removes")
    func noCacheMode() async throws {
        let registry = try await RegistryFixture.shared.anonymous()
        let context = try RegistryTestContext()
        defer { context.remove() }
        let reference = try ImageReference(parsing: "\(registry.host)/node:22-alpine3.20")
        let source = try RegistryImageSource(
            reference: reference, options: context.options(insecure: [registry.host], useCache: false))

        let image = try await source.resolve()
        let paths = image.layers.map(\.location.path)
        let existedBeforeClose = paths.allSatisfy { FileManager.default.fileExists(atPath: $0) }
        source.close()

        #expect(source.cache.isTemporary)
        #expect(existedBeforeClose)
        #expect(paths.allSatisfy { $0.hasPrefix(source.cache.root.path) })
        #expect(!FileManager.default.fileExists(atPath: source.cache.root.path))
        #expect(!FileManager.default.fileExists(atPath: context.cacheDirectory.path))
    }

    @Test(
        "a multi-platform index resolves the requested platform and never the attestation",
        arguments: ["linux/amd64", "linux/arm64", "linux/arm64/v8"])
    func multiPlatformIndex(platform: String) async throws {
        let index = try await RegistryFixture.shared.multiPlatformIndex()
        let registry = try await RegistryFixture.shared.anonymous()
        let context = try RegistryTestContext()
        defer { context.remove() }
        let source = try RegistryImageSource(
            reference: try ImageReference(parsing: index.reference), platform: try Platform(parsing: platform),
            options: context.options(insecure: [registry.host]))

        let image = try await source.resolve()

        let expected = platform == "linux/amd64" ? index.amd64Manifest : index.arm64Manifest
        #expect(image.manifestDigest == expected)
        #expect(image.indexDigest == index.indexDigest)
        #expect(image.configDigest.description == (try ExpectedImage("distroless-node")).configDigest)
    }

    @Test("an index without the requested platform fails listing the platforms it has")
    func noMatchingPlatform() async throws {
        let index = try await RegistryFixture.shared.multiPlatformIndex()
        let registry = try await RegistryFixture.shared.anonymous()
        let context = try RegistryTestContext()
        defer { context.remove() }
        let source = try RegistryImageSource(
            reference: try ImageReference(parsing: index.reference),
            platform: Platform(os: "linux", architecture: "s390x"),
            options: context.options(insecure: [registry.host]))

        let error = await #expect(throws: ImageError.self) { try await source.resolve() }

        #expect(
            error?.description
                == "\(index.reference) has no image for platform linux/s390x (available: linux/amd64, linux/arm64/v8); "
                + "choose one with --platform")
    }

    @Test("a corrupted blob fails with a digest mismatch naming it, and is not cached")
    func corruptedBlob() async throws {
        let registry = try await RegistryFixture.shared.anonymous()
        let expected = try ExpectedImage("distroless")
        let corrupted = expected.layerDigests[1]
        let proxy = try RegistryProxy(upstream: registry.host, options: ["--corrupt", corrupted])
        defer { proxy.stop() }
        let context = try RegistryTestContext()
        defer { context.remove() }
        let reference = try ImageReference(parsing: "\(proxy.host)/\(expected.repoTag)")

        let error = await #expect(throws: ImageError.self) {
            try await RegistryImageSource(reference: reference, options: context.options(insecure: [proxy.host]))
                .resolve()
        }

        guard case .digestMismatch(let what, let digest, let actual, let source) = error else {
            Issue.record("expected a digest mismatch, got \(String(describing: error))")
            return
        }
        #expect(what == "layer")
        #expect(digest.description == corrupted)
        #expect(source == reference.description)
        #expect(
            error?.description
                == "\(reference): layer \(corrupted) has digest \(actual); the blob is corrupt or was altered, "
                + "nothing from this image is reported")
        let cached = context.cacheDirectory.appendingPathComponent("blobs/sha256/\(digest.hex)")
        #expect(!FileManager.default.fileExists(atPath: cached.path))
    }

    @Test("a Docker schema 2 manifest resolves like an OCI one")
    func dockerSchema2() async throws {
        let digest = try await RegistryFixture.shared.pushDistrolessVariant(tag: "docker-schema2") { manifest in
            manifest["mediaType"] = MediaType.dockerManifest
            var config = manifest["config"] as? [String: Any] ?? [:]
            config["mediaType"] = MediaType.dockerConfig
            manifest["config"] = config
            manifest["layers"] = (manifest["layers"] as? [[String: Any]] ?? []).map { layer in
                layer.merging(["mediaType": MediaType.dockerLayerGzip]) { $1 }
            }
        }
        let registry = try await RegistryFixture.shared.anonymous()
        let context = try RegistryTestContext()
        defer { context.remove() }
        let reference = try ImageReference(parsing: "\(registry.host)/distroless/nodejs18-debian12:docker-schema2")

        let image = try await RegistryImageSource(
            reference: reference, options: context.options(insecure: [registry.host])
        )
        .resolve()

        let expected = try ExpectedImage("distroless")
        #expect(image.manifestDigest == digest)
        #expect(image.manifest.mediaType == MediaType.dockerManifest)
        #expect(image.configDigest.description == expected.configDigest)
        #expect(image.layers.map(\.descriptor.digest.description) == expected.layerDigests)
        #expect(image.layers.allSatisfy { $0.compression == .gzip })
    }

    @Test("a layer of an unknown media type fails before anything is downloaded")
    func unknownLayerMediaType() async throws {
        let weird = "application/vnd.example.layer.v1+weird"
        _ = try await RegistryFixture.shared.pushDistrolessVariant(tag: "unknown-layer") { manifest in
            var layers = manifest["layers"] as? [[String: Any]] ?? []
            layers[0]["mediaType"] = weird
            manifest["layers"] = layers
        }
        let registry = try await RegistryFixture.shared.anonymous()
        let context = try RegistryTestContext()
        defer { context.remove() }
        let reference = try ImageReference(parsing: "\(registry.host)/distroless/nodejs18-debian12:unknown-layer")
        let firstLayer = try ExpectedImage("distroless").layerDigests[0]

        let error = await #expect(throws: ImageError.self) {
            try await RegistryImageSource(reference: reference, options: context.options(insecure: [registry.host]))
                .resolve()
        }

        #expect(
            error?.description
                == "\(reference): the layer \(firstLayer) has media type '\(weird)', which Ballast cannot read; "
                + "only OCI and Docker schema 2 images are supported")
        let config = try ExpectedImage("distroless").configDigest
        for digest in [firstLayer, config] {
            let file = context.cacheDirectory.appendingPathComponent("blobs/sha256/\(digest.dropFirst(7))")
            #expect(!FileManager.default.fileExists(atPath: file.path))
        }
    }
}
