import BallastArchive
import BallastCore
import BallastDigest
import Foundation

/// Resolves a registry reference to one platform's image, with every blob verified and on disk.
///
/// Fetches the manifest (choosing one from an index with ``ManifestSelection``), the config and
/// the layers, at most ``RegistryOptions/concurrentDownloads`` at a time, into the blob cache.
/// Blobs already cached are not downloaded again. Without the shared cache, blobs go to a private
/// folder that stays until ``close()``, so call it once the layers have been read.
public struct RegistryImageSource: Sendable {
    public let reference: ImageReference
    public let platform: Platform
    public let client: RegistryClient
    /// Where the layers of the resolved image are stored.
    public let cache: BlobCache
    let options: RegistryOptions
    private let input: String

    /// - Parameters:
    ///   - input: what the user typed, kept in the resolved image; defaults to the reference.
    public init(
        reference: ImageReference, platform: Platform = .linuxAMD64, options: RegistryOptions = RegistryOptions(),
        input: String? = nil
    ) throws {
        self.reference = reference
        self.platform = platform
        self.options = options
        self.input = input ?? reference.description
        self.client = RegistryClient(domain: reference.domain, options: options)
        if options.useCache {
            cache = BlobCache(root: options.cacheDirectory ?? BlobCache.defaultRoot(environment: options.environment))
        } else {
            cache = try BlobCache.temporary()
        }
    }

    /// Removes the private blob folder of a source made without the shared cache.
    public func close() {
        cache.remove()
    }

    /// Fetches and verifies the manifest, config and layers of the image for ``platform``.
    public func resolve() async throws -> ResolvedImage {
        let logger = options.logger
        let source = reference.description

        var fetched = try await fetchManifest(reference, expected: nil)
        var indexDigest: Digest?
        if fetched.isIndex {
            let index = try decode(ImageIndex.self, fetched.data, what: "image index")
            let chosen = try ManifestSelection.select(from: index, platform: platform, source: source)
            logger.debug(
                "index \(fetched.digest.short) has \(index.manifests.count) entries; "
                    + "chose \(chosen.digest.short) for \(platform)"
            )
            indexDigest = fetched.digest
            fetched = try await fetchManifest(
                reference.with(tag: reference.tag, digest: chosen.digest), expected: chosen)
            guard !fetched.isIndex else {
                throw ImageError.malformedDocument(
                    what: "image index", source: source, reason: "it points at another index")
            }
        }
        guard MediaType.isManifest(fetched.mediaType) else {
            throw ImageError.unknownMediaType(fetched.mediaType, what: "manifest", source: source)
        }
        let manifest = try decode(Manifest.self, fetched.data, what: "manifest")

        let compressions = try manifest.layers.map { descriptor in
            let type = descriptor.mediaType ?? ""
            guard let compression = MediaType.layerCompression(type) else {
                throw ImageError.unknownMediaType(type, what: "layer \(descriptor.digest)", source: source)
            }
            return compression
        }

        let configURL = try await client.fetchBlob(
            manifest.config, repository: reference.path, into: cache, what: "config", source: source)
        let configData = try readSmallFile(configURL)
        // The config is small: check it again, so a damaged cache cannot slip a different one in.
        let configDigest = SHA256Hasher.hash(configData)
        guard configDigest == manifest.config.digest else {
            throw ImageError.digestMismatch(
                what: "config", expected: manifest.config.digest, actual: configDigest, source: source)
        }
        let config = try decode(ImageConfig.self, configData, what: "config")
        let paths = try await downloadLayers(manifest.layers, source: source)
        let layers = try assembleLayers(manifest: manifest, config: config, paths: paths, compressions: compressions)

        let resolvedPlatform = Platform(
            os: config.os ?? platform.os, architecture: config.architecture ?? platform.architecture,
            variant: config.variant ?? platform.variant)
        return ResolvedImage(
            input: input, transport: .registry, reference: reference, manifestDigest: fetched.digest,
            indexDigest: indexDigest, manifest: manifest, configDigest: manifest.config.digest, config: config,
            platform: resolvedPlatform, layers: layers)
    }

    /// Fetches a manifest, from the cache when it is pinned by digest and already stored.
    private func fetchManifest(_ reference: ImageReference, expected: Descriptor?) async throws -> FetchedManifest {
        let source = self.reference.description
        if let digest = reference.digest {
            let descriptor = expected ?? Descriptor(mediaType: nil, digest: digest, size: -1)
            let url = cache.path(for: digest)
            if let data = try? Data(contentsOf: url), SHA256Hasher.hash(data) == digest,
                expected == nil || Int64(data.count) == descriptor.size
            {
                options.logger.debug("manifest \(digest.short) is cached; not downloading it")
                let type = try RegistryClient.mediaType(of: data, contentType: expected?.mediaType, source: source)
                return FetchedManifest(digest: digest, mediaType: type, data: data)
            }
        }
        let fetched = try await client.fetchManifest(reference, expected: expected)
        let descriptor = Descriptor(
            mediaType: fetched.mediaType, digest: fetched.digest, size: Int64(fetched.data.count))
        try cache.store(fetched.data, for: descriptor, what: "manifest", source: source)
        return fetched
    }

    private func decode<T: Decodable>(_ type: T.Type, _ data: Data, what: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw ImageError.malformedDocument(what: what, source: reference.description, reason: "\(error)")
        }
    }

    private func readSmallFile(_ url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw ImageError.io(path: url.path, reason: "cannot read the cached blob (\(error.localizedDescription))")
        }
    }
}
