import BallastDigest
import Foundation

/// A manifest or index document as the registry sent it, verified against its digest.
public struct FetchedManifest: Sendable {
    /// The sha256 of the exact bytes received.
    public var digest: Digest
    /// The document's media type: its own field, else the Content-Type, else what its shape says.
    public var mediaType: String
    public var data: Data

    public var isIndex: Bool { MediaType.isIndex(mediaType) }
}
