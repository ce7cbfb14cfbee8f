/// An image manifest: one config and an ordered list of layers.
///
/// Covers OCI's `application/vnd.oci.image.manifest.v1+json` and Docker's schema 2
/// (https://github.com/opencontainers/image-spec/blob/main/manifest.md).
public struct Manifest: Codable, Hashable, Sendable {
    public var schemaVersion: Int
    /// Optional in OCI; umoci leaves it out.
    public var mediaType: String?
    public var artifactType: String?
    public var config: Descriptor
    /// Base layer first.
    public var layers: [Descriptor]
    public var subject: Descriptor?
    public var annotations: [String: String]?
}

/// An image index (OCI) or manifest list (Docker): manifests for several platforms.
///
/// See https://github.com/opencontainers/image-spec/blob/main/image-index.md.
public struct ImageIndex: Codable, Hashable, Sendable {
    public var schemaVersion: Int
    public var mediaType: String?
    public var manifests: [Descriptor]
    public var annotations: [String: String]?
}

/// Just enough of any manifest document to tell an index from an image manifest when the
/// media type is missing.
struct ManifestProbe: Decodable {
    var mediaType: String?
    var manifests: [Descriptor]?
    var config: Descriptor?
    var layers: [Descriptor]?
}
