/// A run of bytes inside a local file: a whole blob file, or a member of an uncompressed tar.
///
/// Every image source ends up here. Layouts name blob files, archives name ranges of the
/// archive, and registry blobs are downloaded into the cache first. Readers can then open layers
/// in parallel, each with its own file descriptor.
public struct FileRange: Hashable, Sendable {
    public let path: String
    public let offset: Int64
    public let length: Int64

    public init(path: String, offset: Int64 = 0, length: Int64) {
        self.path = path
        self.offset = offset
        self.length = length
    }
}

extension FileRange: CustomStringConvertible {
    public var description: String {
        offset == 0 ? path : "\(path) (bytes \(offset)..<\(offset + length))"
    }
}
