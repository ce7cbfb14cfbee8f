import BallastDigest

/// A content descriptor: what a blob is, how big, and its digest.
///
/// See https://github.com/opencontainers/image-spec/blob/main/descriptor.md.
public struct Descriptor: Codable, Hashable, Sendable {
    /// The media type of the referenced content. Optional in practice: umoci omits it.
    public var mediaType: String?
    /// The digest of the targeted content; readers must verify it.
    public var digest: Digest
    /// The size in bytes of the raw content; readers must verify it too.
    public var size: Int64
    /// Other locations the content may be fetched from (ignored by Ballast).
    public var urls: [String]?
    /// Arbitrary metadata, e.g. `org.opencontainers.image.ref.name`.
    public var annotations: [String: String]?
    /// The platform of a manifest listed in an index.
    public var platform: Platform?
    /// The type of an artifact, when the descriptor points at one.
    public var artifactType: String?

    public init(
        mediaType: String?, digest: Digest, size: Int64, annotations: [String: String]? = nil,
        platform: Platform? = nil
    ) {
        self.mediaType = mediaType
        self.digest = digest
        self.size = size
        self.annotations = annotations
        self.platform = platform
    }

    /// The tag an OCI layout gives this manifest (`org.opencontainers.image.ref.name`).
    public var refName: String? { annotations?[AnnotationKey.refName] }
}

public enum AnnotationKey {
    public static let refName = "org.opencontainers.image.ref.name"
    public static let containerdImageName = "io.containerd.image.name"
    /// BuildKit marks attestation manifests in an index with this annotation.
    public static let dockerReferenceType = "vnd.docker.reference.type"
}
