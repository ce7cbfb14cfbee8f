import BallastArchive

/// One path of the merged root file system, as the last layer to write it left it.
public struct FileNode: Sendable {
    public var path: String
    public var kind: TarEntry.Kind
    public var size: Int64
    public var mode: UInt32
    public var uid: Int64
    public var gid: Int64
    /// A symbolic link's target as written, or the path a hard link shares its data with.
    public var linkTarget: String?
    /// The index of the layer that last wrote this path (base layer 0).
    public var layer: Int

    init(_ entry: TarEntry, layer: Int) {
        path = entry.path
        kind = entry.kind
        size = entry.size
        mode = entry.mode
        uid = entry.uid
        gid = entry.gid
        linkTarget = entry.linkTarget
        self.layer = layer
    }

    public var isExecutable: Bool { mode & 0o111 != 0 }
}
