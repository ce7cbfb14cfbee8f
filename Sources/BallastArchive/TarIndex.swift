import Foundation

/// The members of an uncompressed tar file and where their data lies, read from the headers
/// alone.
///
/// Image archives (`docker save`, OCI archives) are plain tars of blobs. Indexing them lets each
/// layer be read as a byte range of the archive, in parallel, without extracting anything.
/// Understands ustar, GNU long names (`L`/`K`) and pax extended headers (`path`, `linkpath`,
/// `size`).
public struct TarIndex: Sendable {
    public struct Member: Sendable {
        public var entry: TarEntry
        /// Where the member's data starts in the file, and how long it is.
        public var range: FileRange
    }

    public let path: String
    public let members: [Member]
    private let byPath: [String: Int]

    /// Reads every header of the tar at `path`.
    public init(path: String) throws(ArchiveError) {
        let file = try BlockFile(path: path)
        defer { file.close() }
        self.path = path
        self.members = try TarIndex.scan(file, path: path)
        var byPath: [String: Int] = [:]
        for (index, member) in members.enumerated() {
            byPath[member.entry.path] = index
        }
        self.byPath = byPath
    }

    /// The member at `path`, following symbolic and hard links between members.
    public func member(_ path: String) -> Member? {
        var current = TarPath.normalize(path)
        for _ in 0..<16 {
            guard let index = byPath[current] else { return nil }
            let member = members[index]
            switch member.entry.kind {
            case .symlink:
                guard let target = member.entry.linkTarget else { return nil }
                current = TarIndex.resolve(target, relativeTo: current)
            case .hardlink:
                guard let target = member.entry.linkTarget else { return nil }
                current = target
            default:
                return member
            }
        }
        return nil
    }

    /// Whether a file of this name exists (after links).
    public func contains(_ path: String) -> Bool { member(path) != nil }

    private static func resolve(_ target: String, relativeTo path: String) -> String {
        if target.hasPrefix("/") { return TarPath.normalize(target) }
        var parts = path.split(separator: "/").dropLast().map(String.init)
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }

    private static func scan(_ file: BlockFile, path: String) throws(ArchiveError) -> [Member] {
        var members: [Member] = []
        var offset: Int64 = 0
        var pendingPath: String?
        var pendingLink: String?
        var pendingSize: Int64?
        var sawHeader = false

        while offset + 512 <= file.size {
            let header = try file.read(at: offset, count: 512)
            if header.allSatisfy({ $0 == 0 }) { break }
            guard TarHeader.checksumMatches(header) else {
                if !sawHeader, header.starts(with: [0x1F, 0x8B]) || header.starts(with: [0x28, 0xB5, 0x2F, 0xFD]) {
                    throw .compressedOuterArchive(path: path)
                }
                throw .corrupt(what: path, reason: "bad tar header checksum at byte \(offset)")
            }
            sawHeader = true
            let size = pendingSize ?? TarHeader.number(header, 124, 12)
            let dataOffset = offset + 512
            let next = dataOffset + (size + 511) / 512 * 512
            guard dataOffset + size <= file.size else { throw .truncated(what: path) }

            let type = header[156]
            switch type {
            case UInt8(ascii: "L"), UInt8(ascii: "K"):
                let data = try file.read(at: dataOffset, count: Int(size))
                let text = TarHeader.string(data, 0, data.count)
                if type == UInt8(ascii: "L") { pendingPath = text } else { pendingLink = text }
            case UInt8(ascii: "x"):
                let data = try file.read(at: dataOffset, count: Int(size))
                let records = TarHeader.paxRecords(data)
                if let value = records["path"] { pendingPath = value }
                if let value = records["linkpath"] { pendingLink = value }
                if let value = records["size"], let number = Int64(value) { pendingSize = number }
            case UInt8(ascii: "g"):
                break
            default:
                let name = pendingPath ?? TarHeader.fullName(header)
                let link = pendingLink ?? TarHeader.string(header, 157, 100)
                let kind = TarHeader.kind(type)
                let entry = TarEntry(
                    path: TarPath.normalize(name), kind: kind, size: size,
                    mode: UInt32(truncatingIfNeeded: TarHeader.number(header, 100, 8)) & 0o7777,
                    uid: TarHeader.number(header, 108, 8), gid: TarHeader.number(header, 116, 8),
                    modified: TarHeader.number(header, 136, 12),
                    linkTarget: kind == .symlink ? link : (kind == .hardlink ? TarPath.normalize(link) : nil)
                )
                members.append(Member(entry: entry, range: FileRange(path: path, offset: dataOffset, length: size)))
                pendingPath = nil
                pendingLink = nil
                pendingSize = nil
            }
            offset = next
        }
        if !sawHeader {
            throw .corrupt(what: path, reason: "no tar header found")
        }
        return members
    }
}
