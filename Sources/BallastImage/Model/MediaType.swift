/// The media types Ballast reads, from the OCI image spec and Docker's schema 2.
///
/// See https://github.com/opencontainers/image-spec/blob/main/media-types.md and
/// https://github.com/distribution/distribution/blob/main/docs/content/spec/manifest-v2-2.md.
public enum MediaType {
    public static let ociIndex = "application/vnd.oci.image.index.v1+json"
    public static let ociManifest = "application/vnd.oci.image.manifest.v1+json"
    public static let ociConfig = "application/vnd.oci.image.config.v1+json"
    public static let ociLayer = "application/vnd.oci.image.layer.v1.tar"
    public static let ociLayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip"
    public static let ociLayerZstd = "application/vnd.oci.image.layer.v1.tar+zstd"
    public static let ociLayerNondistributableGzip = "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip"
    public static let ociLayerNondistributable = "application/vnd.oci.image.layer.nondistributable.v1.tar"
    public static let ociLayerNondistributableZstd = "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd"

    public static let dockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json"
    public static let dockerManifest = "application/vnd.docker.distribution.manifest.v2+json"
    public static let dockerConfig = "application/vnd.docker.container.image.v1+json"
    public static let dockerLayerGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip"
    public static let dockerLayerForeignGzip = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip"
    public static let dockerLayer = "application/vnd.docker.image.rootfs.diff.tar"

    /// Everything a manifest request may be answered with, most preferred first.
    public static let acceptedManifests = [ociIndex, ociManifest, dockerManifestList, dockerManifest]

    public static func isIndex(_ type: String?) -> Bool {
        type == ociIndex || type == dockerManifestList
    }

    public static func isManifest(_ type: String?) -> Bool {
        type == ociManifest || type == dockerManifest
    }

    /// The compression a layer media type declares, or nil when the type is not a layer type
    /// Ballast knows.
    public static func layerCompression(_ type: String) -> LayerCompression? {
        switch type {
        case ociLayerGzip, dockerLayerGzip, dockerLayerForeignGzip, ociLayerNondistributableGzip: .gzip
        case ociLayerZstd, ociLayerNondistributableZstd: .zstd
        case ociLayer, dockerLayer, ociLayerNondistributable: LayerCompression.none
        default: nil
        }
    }
}

/// How a layer blob is compressed.
public enum LayerCompression: String, Sendable, Codable {
    case none, gzip, zstd
}
