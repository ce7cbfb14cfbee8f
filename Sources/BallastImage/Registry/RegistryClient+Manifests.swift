import BallastDigest
import Foundation

extension RegistryClient {
    /// Fetches the manifest a reference names, by digest when it pins one, else by tag.
    ///
    /// A manifest fetched by digest must hash to it (and match `expected`'s size when given).
    /// One fetched by tag must match the `Docker-Content-Digest` header when the registry sends one.
    public func fetchManifest(_ reference: ImageReference, expected: Descriptor? = nil) async throws -> FetchedManifest
    {
        let request = manifestRequest(reference, method: "GET")
        let response = try await send(request)
        try check(response, request, reference: reference)

        let data = response.body
        let digest = SHA256Hasher.hash(data)
        let source = reference.description
        if let pinned = expected?.digest ?? reference.digest {
            guard digest == pinned else {
                throw ImageError.digestMismatch(what: "manifest", expected: pinned, actual: digest, source: source)
            }
        } else if let header = response.header("Docker-Content-Digest"), let claimed = try? Digest(parsing: header),
            claimed.algorithm == "sha256", claimed != digest
        {
            throw ImageError.digestMismatch(what: "manifest", expected: claimed, actual: digest, source: source)
        }
        if let expected, Int64(data.count) != expected.size {
            throw ImageError.sizeMismatch(
                what: "manifest", digest: expected.digest, expected: expected.size, actual: Int64(data.count),
                source: source)
        }

        let mediaType = try Self.mediaType(of: data, contentType: response.header("Content-Type"), source: source)
        logger.debug("fetched \(mediaType) \(digest) for \(reference)")
        return FetchedManifest(digest: digest, mediaType: mediaType, data: data)
    }

    /// The digest of the manifest a reference names, from a HEAD request's `Docker-Content-Digest`,
    /// else from the sha256 of a GET. For a multi-platform image this is the index digest.
    public func manifestDigest(for reference: ImageReference) async throws -> Digest {
        if let digest = reference.digest { return digest }
        let request = manifestRequest(reference, method: "HEAD")
        let response = try await send(request)
        try check(response, request, reference: reference)
        if let header = response.header("Docker-Content-Digest"), let digest = try? Digest(parsing: header) {
            logger.debug("\(reference) is \(digest) (from Docker-Content-Digest)")
            return digest
        }
        logger.debug("registry \(domain) sent no Docker-Content-Digest for \(reference); hashing the manifest")
        return try await fetchManifest(reference).digest
    }

    private func manifestRequest(_ reference: ImageReference, method: String) -> Request {
        Request(
            method: method, path: "/v2/\(reference.path)/manifests/\(reference.manifestReference)",
            repository: reference.path, what: "manifest \(reference.manifestReference) of \(reference.path)",
            headers: ["Accept": MediaType.acceptedManifests.joined(separator: ", ")])
    }

    private func check(_ response: HTTPResponse, _ request: Request, reference: ImageReference) throws {
        guard !response.isSuccess else { return }
        let codes = Self.errorCodes(response.body)
        if response.status == 404, !codes.contains("NAME_UNKNOWN") {
            throw RegistryError.manifestUnknown(reference: reference)
        }
        throw unexpected(response, request)
    }

    /// The media type of a manifest document; umoci and some registries leave the field out.
    static func mediaType(of data: Data, contentType: String?, source: String) throws -> String {
        let probe: ManifestProbe
        do {
            probe = try JSONDecoder().decode(ManifestProbe.self, from: data)
        } catch {
            throw ImageError.malformedDocument(what: "manifest", source: source, reason: "not JSON: \(error)")
        }
        if let type = probe.mediaType, !type.isEmpty { return type }
        let header = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) }
        if let header, MediaType.isIndex(header) || MediaType.isManifest(header) { return header }
        if probe.manifests != nil { return MediaType.ociIndex }
        if probe.config != nil, probe.layers != nil { return MediaType.ociManifest }
        throw ImageError.malformedDocument(
            what: "manifest", source: source, reason: "neither an index nor an image manifest, and no media type")
    }
}
