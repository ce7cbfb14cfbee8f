import BallastDigest
import CArchive

/// Reads one tar stream (a layer blob, gzip, zstd or plain) entry by entry through libarchive,
/// hashing the raw bytes on the way so the blob is verified without a second pass.
///
/// Compression is detected from the magic bytes. Nothing is written to disk; file contents are
/// read only when the caller asks, in chunks or up to a size limit. Use from one thread.
public final class LayerStream {
    private let archive: OpaquePointer
    private let source: StreamSource
    private let name: String
    private let expectedDigest: Digest?
    private var currentEntrySize: Int64 = 0
    private var finished = false

    /// Opens `range` for reading. `name` is how errors refer to the blob; when `expectedDigest`
    /// is given, ``finish()`` verifies it and the length of the range.
    public init(range: FileRange, name: String, expectedDigest: Digest?) throws(ArchiveError) {
        let file = try BlockFile(path: range.path)
        guard range.offset + range.length <= file.size else {
            file.close()
            throw .truncated(what: name)
        }
        self.source = StreamSource(file: file, range: range, hashing: expectedDigest != nil)
        self.name = name
        self.expectedDigest = expectedDigest
        guard let archive = archive_read_new() else {
            file.close()
            throw .openFailed(path: range.path, reason: "libarchive could not allocate a reader")
        }
        self.archive = archive
        archive_read_support_filter_gzip(archive)
        archive_read_support_filter_zstd(archive)
        archive_read_support_format_tar(archive)
        archive_read_support_format_gnutar(archive)

        let context = Unmanaged.passUnretained(source).toOpaque()
        let status = archive_read_open(archive, context, nil, streamRead, nil)
        if status != ARCHIVE_OK {
            throw failure(status)
        }
    }

    deinit {
        archive_read_free(archive)
        source.file.close()
    }

    /// The next entry, or nil at the end of the archive.
    public func next() throws(ArchiveError) -> TarEntry? {
        var entryPointer: OpaquePointer?
        let status = archive_read_next_header(archive, &entryPointer)
        if status == ARCHIVE_EOF { return nil }
        guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry = entryPointer else {
            throw failure(status)
        }
        let parsed = LayerStream.describe(entry)
        currentEntrySize = parsed.size
        return parsed
    }

    /// How many raw (compressed) bytes of the blob have been read so far.
    public var bytesConsumed: Int64 { source.consumed }

    /// The length of the uncompressed tar stream, known once ``finish()`` has returned.
    ///
    /// libarchive stops at the end-of-archive marker, before the record padding, so the
    /// length is completed from the gzip trailer (the size modulo 2³²) or, for a plain tar,
    /// from the blob's own length.
    public private(set) var uncompressedLength: Int64 = 0

    /// The current entry's contents, or nil when it is larger than `limit` bytes (it is then
    /// skipped when the next entry is read).
    public func readData(limit: Int) throws(ArchiveError) -> [UInt8]? {
        guard currentEntrySize <= Int64(limit) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(currentEntrySize))
        try forEachChunk { chunk in
            bytes.append(contentsOf: chunk)
            return true
        }
        return bytes
    }

    /// Passes the current entry's contents to `body` chunk by chunk, until the end or until
    /// `body` returns false.
    public func forEachChunk(_ body: (UnsafeRawBufferPointer) throws(ArchiveError) -> Bool) throws(ArchiveError) {
        var buffer: UnsafeRawPointer?
        var size = 0
        var offset: la_int64_t = 0
        while true {
            let status = archive_read_data_block(archive, &buffer, &size, &offset)
            if status == ARCHIVE_EOF { return }
            guard status == ARCHIVE_OK || status == ARCHIVE_WARN else { throw failure(status) }
            guard let buffer, size > 0 else { continue }
            if try !body(UnsafeRawBufferPointer(start: buffer, count: size)) { return }
        }
    }

    /// Reads whatever is left of the blob and verifies its size and digest.
    @discardableResult
    public func finish() throws(ArchiveError) -> Digest? {
        guard !finished else { return nil }
        finished = true
        let tarBytes = archive_filter_bytes(archive, 0)
        try source.drain()
        if let error = source.error { throw error }
        uncompressedLength = try completedLength(readSoFar: tarBytes)
        guard let expectedDigest, let actual = source.finalizeDigest() else { return nil }
        guard actual == expectedDigest else {
            throw .digestMismatch(what: name, expected: expectedDigest, actual: actual)
        }
        return actual
    }

    private func completedLength(readSoFar: Int64) throws(ArchiveError) -> Int64 {
        switch archive_filter_code(archive, 0) {
        case ARCHIVE_FILTER_NONE:
            return source.rangeLength
        case ARCHIVE_FILTER_GZIP where source.rangeLength >= 18:
            let trailer = try source.file.read(at: source.rangeEnd - 4, count: 4)
            let modulo = Int64(trailer[0]) | Int64(trailer[1]) << 8 | Int64(trailer[2]) << 16 | Int64(trailer[3]) << 24
            let missing = (modulo - readSoFar) & 0xFFFF_FFFF
            return readSoFar + missing
        default:
            return readSoFar
        }
    }

    /// Turns a libarchive failure into an error. A blob that fails to parse is usually a
    /// damaged one, so the rest is hashed first: a digest mismatch is the truer message.
    private func failure(_ status: Int32) -> ArchiveError {
        if let error = source.error { return error }
        let message = archive_error_string(archive).map { String(cString: $0) } ?? "libarchive status \(status)"
        if let expectedDigest, !finished {
            finished = true
            if (try? source.drain()) != nil, let actual = source.finalizeDigest(), actual != expectedDigest {
                return .digestMismatch(what: name, expected: expectedDigest, actual: actual)
            }
        }
        let lowered = message.lowercased()
        if lowered.contains("truncated") || lowered.contains("premature end") || lowered.contains("unexpected eof") {
            return .truncated(what: name)
        }
        return .corrupt(what: name, reason: message)
    }

    private static func describe(_ entry: OpaquePointer) -> TarEntry {
        let rawPath = archive_entry_pathname(entry).map { String(cString: $0) } ?? ""
        let hardlink = archive_entry_hardlink(entry).map { String(cString: $0) }
        let symlink = archive_entry_symlink(entry).map { String(cString: $0) }
        let kind: TarEntry.Kind
        if hardlink != nil {
            kind = .hardlink
        } else {
            // The AE_IF* macros are casts that Swift does not import; these are their values.
            switch archive_entry_filetype(entry) {
            case 0o100000: kind = .file
            case 0o040000: kind = .directory
            case 0o120000: kind = .symlink
            case 0o020000: kind = .characterDevice
            case 0o060000: kind = .blockDevice
            case 0o010000: kind = .fifo
            case 0o140000: kind = .socket
            default: kind = .other
            }
        }
        return TarEntry(
            path: TarPath.normalize(rawPath), kind: kind, size: archive_entry_size(entry),
            mode: UInt32(archive_entry_perm(entry)) & 0o7777, uid: archive_entry_uid(entry),
            gid: archive_entry_gid(entry), modified: Int64(archive_entry_mtime(entry)),
            linkTarget: hardlink.map(TarPath.normalize) ?? symlink
        )
    }
}

/// The bytes libarchive pulls, read with `pread` from the blob's range and hashed as they pass.
final class StreamSource {
    static let bufferSize = 1 << 20

    let file: BlockFile
    private let range: FileRange
    private var position: Int64
    private let buffer: UnsafeMutableRawPointer
    private var hasher: SHA256Hasher?
    var error: ArchiveError?

    var consumed: Int64 { position - range.offset }
    var rangeLength: Int64 { range.length }
    var rangeEnd: Int64 { range.offset + range.length }

    init(file: BlockFile, range: FileRange, hashing: Bool) {
        self.file = file
        self.range = range
        self.position = range.offset
        self.buffer = UnsafeMutableRawPointer.allocate(byteCount: StreamSource.bufferSize, alignment: 64)
        self.hasher = hashing ? SHA256Hasher() : nil
    }

    deinit {
        buffer.deallocate()
    }

    /// Fills the buffer with the next block; returns the byte count, 0 at the end, -1 on error.
    func fill() -> Int {
        let remaining = range.offset + range.length - position
        guard remaining > 0 else { return 0 }
        let count = Int(min(Int64(StreamSource.bufferSize), remaining))
        do {
            let read = try file.read(into: buffer, count: count, at: position)
            guard read > 0 else {
                error = .truncated(what: range.description)
                return -1
            }
            position += Int64(read)
            hasher?.update(UnsafeRawBufferPointer(start: buffer, count: read))
            return read
        } catch {
            self.error = error
            return -1
        }
    }

    var currentBlock: UnsafeRawPointer { UnsafeRawPointer(buffer) }

    /// Reads (and hashes) the rest of the range that libarchive did not need.
    func drain() throws(ArchiveError) {
        while true {
            let read = fill()
            if read == 0 { return }
            if read < 0, let error { throw error }
        }
    }

    func finalizeDigest() -> Digest? {
        hasher.take()?.finalize()
    }
}

/// libarchive's read callback: hands over the next block of the blob.
private func streamRead(
    _ archive: OpaquePointer?, _ context: UnsafeMutableRawPointer?, _ block: UnsafeMutablePointer<UnsafeRawPointer?>?
) -> la_ssize_t {
    guard let context, let block else { return -1 }
    let source = Unmanaged<StreamSource>.fromOpaque(context).takeUnretainedValue()
    let read = source.fill()
    block.pointee = source.currentBlock
    return la_ssize_t(read)
}
