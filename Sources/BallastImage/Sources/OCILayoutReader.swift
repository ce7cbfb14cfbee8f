import BallastArchive
import BallastDigest

/// Resolves an image in an OCI image layout, whether a folder, an OCI archive or the layout
/// inside a Docker 25 `docker save` tarball.
///
/// See https://github.com/opencontainers/image-spec/blob/main/image-layout.md. The tag is
/// matched against `org.opencontainers.image.ref.name` and, for Docker's tarballs, the
/// `io.containerd.image.name` annotation.
struct OCILayoutReader {
    let store: any BlobStore
    let input: String
    let transport: Transport

    func resolve(tag: String?, platform: Platform, platformIsExplicit: Bool) throws(ImageError) -> ResolvedImage {
        let source = store.displayName
        guard let layoutBytes = try store.readFile("oci-layout") else {
            throw .notALayout(path: source, reason: "no oci-layout file")
        }
        let layout = try BlobReader.decode(
            LayoutMarker.self, from: layoutBytes, what: "oci-layout file", source: source)
        guard layout.imageLayoutVersion.hasPrefix("1.") else {
            throw .notALayout(path: source, reason: "unsupported imageLayoutVersion \(layout.imageLayoutVersion)")
        }
        guard let indexBytes = try store.readFile("index.json") else {
            throw .notALayout(path: source, reason: "no index.json")
        }
        let index = try BlobReader.decode(ImageIndex.self, from: indexBytes, what: "index.json", source: source)

        var descriptor = try choose(from: index, tag: tag, platform: platform)
        var indexDigest: Digest?
        // Follow nested indexes down to one image manifest.
        for _ in 0..<4 {
            let bytes = try BlobReader.readVerified(descriptor, from: store, what: "manifest")
            let probe = try BlobReader.decode(ManifestProbe.self, from: bytes, what: "manifest", source: source)
            let type = descriptor.mediaType ?? probe.mediaType
            if MediaType.isIndex(type) || (type == nil && probe.manifests != nil) {
                let nested = try BlobReader.decode(ImageIndex.self, from: bytes, what: "image index", source: source)
                indexDigest = descriptor.digest
                descriptor = try ManifestSelection.select(from: nested, platform: platform, source: source)
                continue
            }
            guard MediaType.isManifest(type) || (type == nil && probe.config != nil) else {
                throw .unknownMediaType(type ?? "none", what: "manifest", source: source)
            }
            let manifest = try BlobReader.decode(Manifest.self, from: bytes, what: "manifest", source: source)
            return try assemble(
                manifest: manifest, digest: descriptor.digest, indexDigest: indexDigest, platform: platform,
                platformIsExplicit: platformIsExplicit)
        }
        throw .malformedDocument(what: "image index", source: source, reason: "indexes nest too deeply")
    }

    /// The index entry the user asked for.
    private func choose(from index: ImageIndex, tag: String?, platform: Platform) throws(ImageError) -> Descriptor {
        let source = store.displayName
        let names = index.manifests.compactMap { $0.refName ?? $0.annotations?[AnnotationKey.containerdImageName] }
        if let tag {
            let matches = index.manifests.filter { OCILayoutReader.descriptor($0, isNamed: tag) }
            if matches.count == 1 { return matches[0] }
            if matches.count > 1 {
                return try ManifestSelection.select(
                    from: ImageIndex(schemaVersion: 2, manifests: matches), platform: platform, source: source)
            }
            throw .noImageForTag(tag: tag, available: names, source: source)
        }
        if index.manifests.count == 1 { return index.manifests[0] }
        // Several platforms of one image, as a multi-arch layout lists them.
        if index.manifests.allSatisfy({ $0.platform != nil }) {
            return try ManifestSelection.select(from: index, platform: platform, source: source)
        }
        throw .ambiguousImage(available: names, source: source)
    }

    private static func descriptor(_ descriptor: Descriptor, isNamed tag: String) -> Bool {
        if descriptor.refName == tag { return true }
        guard let name = descriptor.annotations?[AnnotationKey.containerdImageName] else { return false }
        if name == tag { return true }
        // `node:22-bookworm-slim` names `docker.io/library/node:22-bookworm-slim`.
        if let wanted = try? ImageReference(parsing: tag), let have = try? ImageReference(parsing: name) {
            return wanted == have
        }
        return false
    }

    private func assemble(
        manifest: Manifest, digest: Digest, indexDigest: Digest?, platform: Platform, platformIsExplicit: Bool
    ) throws(ImageError) -> ResolvedImage {
        let source = store.displayName
        let configBytes = try BlobReader.readVerified(manifest.config, from: store, what: "config")
        let config = try BlobReader.decode(ImageConfig.self, from: configBytes, what: "config", source: source)
        let imagePlatform = Platform(
            os: config.os ?? platform.os, architecture: config.architecture ?? platform.architecture,
            variant: config.variant)
        if platformIsExplicit, !platform.matches(imagePlatform) {
            throw .noMatchingPlatform(requested: platform, available: [imagePlatform], source: source)
        }
        let layers = try LayerAssembly.layers(
            of: manifest, config: config, source: source, locate: { store.blob($0.digest) })
        return ResolvedImage(
            input: input, transport: transport, manifestDigest: digest, indexDigest: indexDigest, manifest: manifest,
            configDigest: manifest.config.digest, config: config, platform: imagePlatform, layers: layers)
    }
}

/// The `oci-layout` marker file.
private struct LayoutMarker: Decodable {
    var imageLayoutVersion: String
}

/// Builds the layer list shared by every source: media types checked, blobs located and sized,
/// diff IDs and history attached.
enum LayerAssembly {
    static func layers(
        of manifest: Manifest, config: ImageConfig, source: String, locate: (Descriptor) -> FileRange?
    ) throws(ImageError) -> [Layer] {
        let diffIDs = config.rootfs?.diff_ids ?? []
        let history = config.layerHistory(layerCount: manifest.layers.count)
        var layers: [Layer] = []
        for (position, descriptor) in manifest.layers.enumerated() {
            let type = descriptor.mediaType ?? MediaType.ociLayerGzip
            guard let compression = MediaType.layerCompression(type) else {
                throw .unknownMediaType(type, what: "layer \(descriptor.digest)", source: source)
            }
            guard let location = locate(descriptor) else {
                throw .blobMissing(digest: descriptor.digest, source: source)
            }
            guard location.length == descriptor.size else {
                throw .sizeMismatch(
                    what: "layer", digest: descriptor.digest, expected: descriptor.size, actual: location.length,
                    source: source)
            }
            let diffID = position < diffIDs.count ? try? Digest(parsing: diffIDs[position]) : nil
            layers.append(
                Layer(
                    index: position, descriptor: descriptor, diffID: diffID, history: history[position],
                    location: location, compression: compression))
        }
        return layers
    }
}
