import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A read-only file descriptor with positional reads, so several readers can share nothing.
final class BlockFile {
    let path: String
    let descriptor: Int32
    let size: Int64

    init(path: String) throws(ArchiveError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .openFailed(path: path, reason: String(cString: strerror(errno)))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(descriptor)
            throw .openFailed(path: path, reason: reason)
        }
        self.path = path
        self.descriptor = descriptor
        self.size = Int64(info.st_size)
    }

    func close() {
        Glibc.close(descriptor)
    }

    /// Reads up to `count` bytes at `offset` into `buffer`; returns how many were read.
    func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int64) throws(ArchiveError) -> Int {
        while true {
            let result = pread(descriptor, buffer, count, off_t(offset))
            if result >= 0 { return result }
            if errno == EINTR { continue }
            throw .openFailed(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Reads exactly `count` bytes at `offset`.
    func read(at offset: Int64, count: Int) throws(ArchiveError) -> [UInt8] {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1), alignment: 8)
        defer { buffer.deallocate() }
        var done = 0
        while done < count {
            let read = try self.read(into: buffer + done, count: count - done, at: offset + Int64(done))
            guard read > 0 else { throw .truncated(what: path) }
            done += read
        }
        let bytes = [UInt8](UnsafeRawBufferPointer(start: buffer, count: count))
        return bytes
    }
}
