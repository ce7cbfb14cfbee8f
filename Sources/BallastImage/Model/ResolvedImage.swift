import BallastArchive
import BallastDigest

/// One image, resolved to a single platform, with every blob located on local disk.
///
/// Image sources produce this; the layer reader consumes it. The manifest and config have been
/// verified against their descriptors; layers are verified as they are read.
public struct ResolvedImage: Sendable {
    /// What the user typed, e.g. `oci:.testimages/oci/app:latest`.
    public var input: String
    /// Which kind of source it came from.
    public var transport: Transport
    /// The registry reference, for registry images.
    public var reference: ImageReference?
    /// The manifest's digest; nil for legacy `docker save` archives, which carry no manifest.
    public var manifestDigest: Digest?
    /// The digest of the index the manifest was chosen from, when there was one.
    public var indexDigest: Digest?
    public var manifest: Manifest
    public var configDigest: Digest
    public var config: ImageConfig
    public var platform: Platform
    /// Base layer first.
    public var layers: [Layer]

    public init(
        input: String, transport: Transport, reference: ImageReference? = nil, manifestDigest: Digest?,
        indexDigest: Digest? = nil, manifest: Manifest, configDigest: Digest, config: ImageConfig,
        platform: Platform, layers: [Layer]
    ) {
        self.input = input
        self.transport = transport
        self.reference = reference
        self.manifestDigest = manifestDigest
        self.indexDigest = indexDigest
        self.manifest = manifest
        self.configDigest = configDigest
        self.config = config
        self.platform = platform
        self.layers = layers
    }

    public var compressedSize: Int64 { layers.reduce(0) { $0 + $1.descriptor.size } }
}

/// The kinds of image source, named as skopeo and syft name them.
public enum Transport: String, Sendable, Codable {
    case ociLayout = "oci"
    case ociArchive = "oci-archive"
    case dockerArchive = "docker-archive"
    case registry = "registry"
}

/// One layer of a resolved image.
public struct Layer: Sendable {
    /// Position in the manifest, base layer 0.
    public var index: Int
    /// The manifest's descriptor; its digest and size are checked while the layer is read.
    public var descriptor: Descriptor
    /// The digest of the uncompressed tar, from the config's `rootfs.diff_ids`.
    public var diffID: Digest?
    /// The history entry that created this layer (`empty_layer` entries skipped).
    public var history: ImageConfig.HistoryEntry?
    /// Where the blob's bytes are.
    public var location: FileRange
    /// The compression the media type declares; the reader also checks magic bytes.
    public var compression: LayerCompression?

    public init(
        index: Int, descriptor: Descriptor, diffID: Digest?, history: ImageConfig.HistoryEntry?,
        location: FileRange, compression: LayerCompression?
    ) {
        self.index = index
        self.descriptor = descriptor
        self.diffID = diffID
        self.history = history
        self.location = location
        self.compression = compression
    }
}
