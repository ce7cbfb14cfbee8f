import BallastTestSupport
import Testing

@testable import BallastImage

@Suite("Local image sources against the real test images")
struct LocalSourceTests {
    static let images = [
        "slim", "distroless", "app", "whiteout", "official", "distroless-node", "alpine", "alpine-app",
    ]

    @Test("an OCI layout resolves to the manifest, config and layers in meta", arguments: images)
    func ociLayout(name: String) async throws {
        let entry = try TestImages.shared.entry(name)
        let meta = try TestImages.shared.meta(name)
        let image = try await ImageOpener().open("oci:\(entry.ociDirectory):\(entry.ociRef)")
        #expect(image.transport == .ociLayout)
        #expect(image.manifestDigest?.description == meta["manifest_digest"] as? String)
        #expect(image.configDigest.description == meta["config_digest"] as? String)
        try expectLayers(image, meta)
    }

    @Test("a docker save archive (skopeo layout) resolves by diff IDs, without a manifest", arguments: images)
    func dockerArchive(name: String) async throws {
        let entry = try TestImages.shared.entry(name)
        let meta = try TestImages.shared.meta(name)
        let image = try await ImageOpener().open("docker-archive:\(entry.dockerArchive)")
        #expect(image.transport == .dockerArchive)
        #expect(image.manifestDigest == nil)
        #expect(image.configDigest.description == meta["config_digest"] as? String)
        let layers = meta["layers"] as? [[String: Any]] ?? []
        #expect(image.layers.map { $0.descriptor.digest.description } == layers.map { $0["diff_id"] as? String ?? "" })
    }

    @Test("a Docker 25 archive is read through its OCI layout, by tag", arguments: ["app", "alpine"])
    func docker25Archive(name: String) async throws {
        let entry = try TestImages.shared.entry(name)
        let archive = try #require(entry.docker25Archive)
        let meta = try TestImages.shared.meta(name)
        let image = try await ImageOpener().open("docker-archive:\(archive):\(entry.repoTag)")
        #expect(image.configDigest.description == meta["config_digest"] as? String)
        #expect(image.layers.count == meta["layer_count"] as? Int)
    }

    @Test("a plain path is read as whatever it holds")
    func pathWithoutTransport() async throws {
        let entry = try TestImages.shared.entry("distroless-node")
        let fromFolder = try await ImageOpener().open(entry.ociDirectory)
        let fromArchive = try await ImageOpener().open(entry.dockerArchive)
        #expect(fromFolder.configDigest == fromArchive.configDigest)
    }

    private func expectLayers(_ image: ResolvedImage, _ meta: [String: Any]) throws {
        let layers = meta["layers"] as? [[String: Any]] ?? []
        #expect(image.layers.count == layers.count)
        for (layer, expected) in zip(image.layers, layers) {
            #expect(layer.descriptor.digest.description == expected["digest"] as? String)
            #expect(layer.descriptor.size == Int64(expected["compressed_bytes"] as? Int ?? -1))
            #expect(layer.diffID?.description == expected["diff_id"] as? String)
            #expect(layer.history?.created_by == expected["created_by"] as? String)
        }
    }
}
