import BallastDigest
import BallastImage
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A multi-platform index pushed to the anonymous registry, with what each entry points at.
public struct TestIndex: Sendable {
    /// `127.0.0.1:PORT/distroless/nodejs22-debian12:multi`.
    public let reference: String
    public let indexDigest: Digest
    /// The unchanged image of `distroless-node`.
    public let amd64Manifest: Digest
    /// A copy of that manifest with an annotation, listed as linux/arm64.
    public let arm64Manifest: Digest
    /// Another copy, listed as the `unknown/unknown` attestation of the amd64 image.
    public let attestationManifest: Digest
}

extension RegistryFixture {
    /// Pushes, once, an OCI index to `distroless/nodejs22-debian12:multi` listing an attestation
    /// first, then amd64 and arm64 images. Its entries carry media types; the index has none, so
    /// clients must tell its kind from its shape.
    public func multiPlatformIndex() async throws -> TestIndex {
        if let push = indexPush { return try await push.value }
        // Stored before the first suspension, so a second caller always finds it.
        let push = Task { try await Self.pushIndex(to: try await self.anonymous()) }
        indexPush = push
        return try await push.value
    }

    private static func pushIndex(to registry: TestRegistry) async throws -> TestIndex {
        let repository = Self.tokenAnonymousRepository
        let original = try await Self.getManifest(host: registry.host, repository: repository, reference: "latest")

        func variant(_ label: String) async throws -> (Digest, Int) {
            guard var object = try JSONSerialization.jsonObject(with: original) as? [String: Any] else {
                throw TestSupportError("the manifest is not a JSON object")
            }
            object["mediaType"] = MediaType.ociManifest
            object["annotations"] = ["org.example.variant": label]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            let digest = SHA256Hasher.hash(data)
            try await Self.putManifest(
                host: registry.host, repository: repository, reference: digest.description, data: data,
                mediaType: MediaType.ociManifest)
            return (digest, data.count)
        }
        let amd64 = (SHA256Hasher.hash(original), original.count)
        let arm64 = try await variant("arm64")
        let attestation = try await variant("attestation")

        func entry(_ manifest: (Digest, Int), _ os: String, _ arch: String, _ extra: [String: Any] = [:]) -> [String:
            Any]
        {
            var entry: [String: Any] = [
                "mediaType": MediaType.ociManifest, "digest": manifest.0.description, "size": manifest.1,
                "platform": ["os": os, "architecture": arch],
            ]
            entry.merge(extra) { $1 }
            return entry
        }
        let attestationAnnotations: [String: Any] = [
            "annotations": [
                "vnd.docker.reference.type": "attestation-manifest",
                "vnd.docker.reference.digest": amd64.0.description,
            ]
        ]
        let index: [String: Any] = [
            "schemaVersion": 2,
            "manifests": [
                entry(attestation, "unknown", "unknown", attestationAnnotations), entry(amd64, "linux", "amd64"),
                entry(
                    arm64, "linux", "arm64", ["platform": ["os": "linux", "architecture": "arm64", "variant": "v8"]]),
            ],
        ]
        let data = try JSONSerialization.data(withJSONObject: index, options: [.sortedKeys])
        try await Self.putManifest(
            host: registry.host, repository: repository, reference: "multi", data: data, mediaType: MediaType.ociIndex)
        return TestIndex(
            reference: "\(registry.host)/\(repository):multi", indexDigest: SHA256Hasher.hash(data),
            amd64Manifest: amd64.0, arm64Manifest: arm64.0, attestationManifest: attestation.0)
    }

    /// Pushes `distroless`'s image again as `distroless/nodejs18-debian12:<tag>` with its media
    /// types rewritten by `rewrite`, and returns the new manifest's digest.
    public func pushDistrolessVariant(tag: String, rewrite: @Sendable (inout [String: Any]) -> Void) async throws
        -> Digest
    {
        let registry = try await anonymous()
        let repository = "distroless/nodejs18-debian12"
        let original = try await Self.getManifest(host: registry.host, repository: repository, reference: "latest")
        guard var object = try JSONSerialization.jsonObject(with: original) as? [String: Any] else {
            throw TestSupportError("the manifest is not a JSON object")
        }
        rewrite(&object)
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        let mediaType = object["mediaType"] as? String ?? MediaType.ociManifest
        try await Self.putManifest(
            host: registry.host, repository: repository, reference: tag, data: data, mediaType: mediaType)
        return SHA256Hasher.hash(data)
    }

    /// Tags `node:22-alpine3.20` of the anonymous registry again as each of `tags`, once.
    public func tagAlpine(as tags: [String]) async throws {
        let registry = try await anonymous()
        let manifest = try await Self.getManifest(host: registry.host, repository: "node", reference: "22-alpine3.20")
        for tag in tags {
            try await Self.putManifest(
                host: registry.host, repository: "node", reference: tag, data: manifest,
                mediaType: MediaType.ociManifest)
        }
    }

    static func getManifest(host: String, repository: String, reference: String) async throws -> Data {
        var request = URLRequest(url: URL(string: "http://\(host)/v2/\(repository)/manifests/\(reference)")!)
        request.setValue(MediaType.ociManifest, forHTTPHeaderField: "Accept")
        let (data, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else {
            throw TestSupportError("GET manifest \(repository):\(reference) failed: \(response)")
        }
        return data
    }

    static func putManifest(host: String, repository: String, reference: String, data: Data, mediaType: String)
        async throws
    {
        var request = URLRequest(url: URL(string: "http://\(host)/v2/\(repository)/manifests/\(reference)")!)
        request.httpMethod = "PUT"
        request.setValue(mediaType, forHTTPHeaderField: "Content-Type")
        request.httpBody = data
        let (body, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 201 else {
            throw TestSupportError(
                "PUT manifest \(repository):\(reference) failed: \(String(decoding: body, as: UTF8.self))")
        }
    }
}
