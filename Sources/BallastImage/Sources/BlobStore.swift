import BallastArchive
import BallastDigest
import Foundation

/// Where an image's blobs and metadata files live on local disk.
///
/// An OCI layout folder and the same layout inside a tar differ only in how a name becomes a
/// byte range; everything above this seam is shared.
protocol BlobStore: Sendable {
    /// How messages name the store, e.g. the archive's path.
    var displayName: String { get }
    /// A file by its name in the layout (`index.json`, `oci-layout`, `manifest.json`).
    func file(_ name: String) -> FileRange?
    /// A blob by digest (`blobs/sha256/<hex>`).
    func blob(_ digest: Digest) -> FileRange?
}

extension BlobStore {
    func blob(_ digest: Digest) -> FileRange? {
        file("blobs/\(digest.algorithm)/\(digest.hex)")
    }

    /// A whole small file (JSON documents), read without verification.
    func readFile(_ name: String, limit: Int = BlobReader.documentLimit) throws(ImageError) -> [UInt8]? {
        guard let range = file(name) else { return nil }
        return try BlobReader.read(range, limit: limit, what: name, source: displayName)
    }
}

/// An OCI layout folder.
struct DirectoryBlobStore: BlobStore {
    let root: String

    var displayName: String { root }

    func file(_ name: String) -> FileRange? {
        let path = root.hasSuffix("/") ? root + name : root + "/" + name
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType != .typeDirectory,
            let size = attributes[.size] as? NSNumber
        else { return nil }
        return FileRange(path: path, offset: 0, length: size.int64Value)
    }
}

/// A layout or `docker save` output inside an uncompressed tar.
struct TarBlobStore: BlobStore {
    let index: TarIndex

    var displayName: String { index.path }

    func file(_ name: String) -> FileRange? {
        guard let member = index.member(name), member.entry.kind == .file else { return nil }
        return member.range
    }
}
