import BallastDigest
import Foundation

/// A content-addressed store of verified blobs: `ROOT/blobs/sha256/<hex>`.
///
/// Blobs are written to a temporary file, checked against their descriptor, then renamed into
/// place, so a file at a blob's path always holds exactly that blob. The shared cache lives in
/// `$XDG_CACHE_HOME/ballast` (default `~/.cache/ballast`); a temporary cache lives in a private
/// folder that ``remove()`` deletes once the caller has read the layers.
public struct BlobCache: Sendable {
    /// The cache folder, holding `blobs/`.
    public let root: URL
    /// Whether the folder is private to one run and removed by ``remove()``.
    public let isTemporary: Bool

    /// A cache in `root`, created when first written.
    public init(root: URL) {
        self.root = root
        self.isTemporary = false
    }

    private init(temporaryRoot: URL) {
        self.root = temporaryRoot
        self.isTemporary = true
    }

    /// `$XDG_CACHE_HOME/ballast`, else `~/.cache/ballast`.
    public static func defaultRoot(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("ballast")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/ballast")
    }

    /// A new private cache in the temporary folder, readable only by this user.
    public static func temporary() throws(ImageError) -> BlobCache {
        let base = FileManager.default.temporaryDirectory
        let root = base.appendingPathComponent("ballast-blobs-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(
                at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .io(path: root.path, reason: "cannot create a temporary blob folder (\(error.localizedDescription))")
        }
        return BlobCache(temporaryRoot: root)
    }

    /// Deletes a temporary cache and everything in it; a shared cache is left alone.
    public func remove() {
        guard isTemporary else { return }
        try? FileManager.default.removeItem(at: root)
    }

    /// Where the blob with `digest` is stored.
    public func path(for digest: Digest) -> URL {
        root.appendingPathComponent("blobs/\(digest.algorithm)/\(digest.hex)")
    }

    /// The stored blob for `descriptor`, when present with the right size.
    public func cachedBlob(_ descriptor: Descriptor) -> URL? {
        let url = path(for: descriptor.digest)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            let size = attributes[.size] as? NSNumber, size.int64Value == descriptor.size
        else { return nil }
        return url
    }

    /// A writer for a new blob, in a temporary file next to its final place.
    func writer(for descriptor: Descriptor, what: String, source: String, onWrite: @escaping @Sendable (Int) -> Void)
        throws(ImageError) -> BlobWriter
    {
        let directory = path(for: descriptor.digest).deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(descriptor.digest.hex).\(UUID().uuidString).partial")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .io(
                path: directory.path, reason: "cannot create the blob cache folder (\(error.localizedDescription))")
        }
        return BlobWriter(
            descriptor: descriptor, what: what, source: source, temporary: temporary,
            destination: path(for: descriptor.digest), onWrite: onWrite)
    }

    /// Stores a small blob already in memory, after checking it against `descriptor`.
    func store(_ data: Data, for descriptor: Descriptor, what: String, source: String) throws(ImageError) {
        let writer = try self.writer(for: descriptor, what: what, source: source, onWrite: { _ in })
        do {
            try writer.begin()
            try writer.write(data)
        } catch {
            writer.discard()
            throw .io(path: root.path, reason: "cannot write to the blob cache (\(error))")
        }
        _ = try writer.finish()
    }
}
