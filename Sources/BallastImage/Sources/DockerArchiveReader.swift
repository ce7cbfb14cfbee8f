import BallastArchive
import BallastDigest

/// Resolves an image in `docker save` output.
///
/// Docker 25 and later write an OCI layout inside the tar, which ``OCILayoutReader`` reads.
/// Older Docker and skopeo write only `manifest.json`, whose entries name a config file and
/// uncompressed layer tars (sometimes `<id>/layer.tar` symlinks); such layers are verified
/// against the config's diff IDs, and the image has no manifest digest.
struct DockerArchiveReader {
    let store: TarBlobStore
    let input: String

    func resolve(tag: String?, platform: Platform, platformIsExplicit: Bool) throws(ImageError) -> ResolvedImage {
        if store.file("oci-layout") != nil, store.file("index.json") != nil {
            let layout = OCILayoutReader(store: store, input: input, transport: .dockerArchive)
            return try layout.resolve(tag: tag, platform: platform, platformIsExplicit: platformIsExplicit)
        }
        let source = store.displayName
        guard let manifestBytes = try store.readFile("manifest.json") else {
            throw .notAnArchive(path: source, reason: "no manifest.json or index.json")
        }
        let entries = try BlobReader.decode(
            [SaveManifestEntry].self, from: manifestBytes, what: "manifest.json", source: source)
        let entry = try choose(from: entries, tag: tag)

        guard let configRange = store.file(entry.Config) else {
            throw .notAnArchive(path: source, reason: "the config \(entry.Config) named by manifest.json is missing")
        }
        let configBytes = try BlobReader.read(
            configRange, limit: BlobReader.documentLimit, what: "config", source: source)
        let configDigest = SHA256Hasher.hash(configBytes)
        if let named = DockerArchiveReader.digest(inName: entry.Config), named != configDigest {
            throw .digestMismatch(what: "config", expected: named, actual: configDigest, source: source)
        }
        let config = try BlobReader.decode(ImageConfig.self, from: configBytes, what: "config", source: source)
        let diffIDs = config.rootfs?.diff_ids ?? []
        guard diffIDs.count == entry.Layers.count else {
            throw .malformedDocument(
                what: "config", source: source,
                reason: "it lists \(diffIDs.count) diff IDs for \(entry.Layers.count) layers")
        }

        // A legacy archive has no manifest: describe its layers as Docker's schema 2 would.
        var descriptors: [Descriptor] = []
        var ranges: [Digest: FileRange] = [:]
        for (position, path) in entry.Layers.enumerated() {
            guard let range = store.file(path) else {
                throw .blobMissing(digest: try diffID(diffIDs[position]), source: source)
            }
            let digest = try diffID(diffIDs[position])
            descriptors.append(Descriptor(mediaType: MediaType.dockerLayer, digest: digest, size: range.length))
            ranges[digest] = range
        }
        let manifest = Manifest(
            schemaVersion: 2, mediaType: MediaType.dockerManifest,
            config: Descriptor(mediaType: MediaType.dockerConfig, digest: configDigest, size: Int64(configBytes.count)),
            layers: descriptors)
        let imagePlatform = Platform(
            os: config.os ?? platform.os, architecture: config.architecture ?? platform.architecture,
            variant: config.variant)
        if platformIsExplicit, !platform.matches(imagePlatform) {
            throw .noMatchingPlatform(requested: platform, available: [imagePlatform], source: source)
        }
        let layers = try LayerAssembly.layers(
            of: manifest, config: config, source: source, locate: { ranges[$0.digest] })
        return ResolvedImage(
            input: input, transport: .dockerArchive, manifestDigest: nil, manifest: manifest,
            configDigest: configDigest,
            config: config, platform: imagePlatform, layers: layers)
    }

    private func choose(from entries: [SaveManifestEntry], tag: String?) throws(ImageError) -> SaveManifestEntry {
        let names = entries.flatMap { $0.RepoTags ?? [] }
        guard let tag else {
            guard entries.count == 1 else { throw .ambiguousImage(available: names, source: store.displayName) }
            return entries[0]
        }
        let wanted = try? ImageReference(parsing: tag)
        for entry in entries {
            for name in entry.RepoTags ?? [] {
                if name == tag { return entry }
                if let wanted, let have = try? ImageReference(parsing: name), have == wanted { return entry }
            }
        }
        throw .noImageForTag(tag: tag, available: names, source: store.displayName)
    }

    private func diffID(_ text: String) throws(ImageError) -> Digest {
        do {
            return try Digest(parsing: text)
        } catch {
            throw .malformedDocument(what: "config", source: store.displayName, reason: "'\(text)' is not a diff ID")
        }
    }

    /// `<hex>.json` and `blobs/sha256/<hex>` name their content.
    private static func digest(inName name: String) -> Digest? {
        let last = name.split(separator: "/").last.map(String.init) ?? name
        let hex = last.hasSuffix(".json") ? String(last.dropLast(5)) : last
        return try? Digest(parsing: "sha256:" + hex)
    }
}

/// One entry of `docker save`'s `manifest.json`.
private struct SaveManifestEntry: Decodable {
    var Config: String
    var RepoTags: [String]?
    var Layers: [String]
}
