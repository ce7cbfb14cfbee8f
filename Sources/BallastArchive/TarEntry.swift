/// One member of a tar stream, with its path normalised: no leading `./` or `/`, no trailing
/// `/`, `.` components dropped. The root entry (`./`) has the empty path.
public struct TarEntry: Sendable {
    public enum Kind: UInt8, Sendable, Codable {
        case file, directory, symlink, hardlink, characterDevice, blockDevice, fifo, socket, other
    }

    public var path: String
    public var kind: Kind
    public var size: Int64
    /// Permission bits and set-id bits (`0o7777`).
    public var mode: UInt32
    public var uid: Int64
    public var gid: Int64
    /// Seconds since the epoch.
    public var modified: Int64
    /// The target of a symbolic link as written, or the normalised path a hard link points at.
    public var linkTarget: String?

    public init(
        path: String, kind: Kind, size: Int64, mode: UInt32, uid: Int64 = 0, gid: Int64 = 0, modified: Int64 = 0,
        linkTarget: String? = nil
    ) {
        self.path = path
        self.kind = kind
        self.size = size
        self.mode = mode
        self.uid = uid
        self.gid = gid
        self.modified = modified
        self.linkTarget = linkTarget
    }
}

/// Path normalisation shared by every tar reader.
public enum TarPath {
    /// `./usr//lib/./x/` → `usr/lib/x`; `..` components are kept for the caller to judge.
    public static func normalize(_ raw: String) -> String {
        if !raw.contains("//"), !raw.hasPrefix("./"), !raw.hasPrefix("/"), !raw.hasSuffix("/"), !raw.contains("/./"),
            raw != "."
        {
            return raw
        }
        return raw.split(separator: "/", omittingEmptySubsequences: true)
            .filter { $0 != "." }
            .joined(separator: "/")
    }
}
