import BallastDigest
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams one blob to a temporary file while hashing it, then moves it into the cache once its
/// digest and size match the descriptor.
final class BlobWriter: ResponseBodySink {
    private struct State: ~Copyable {
        var handle: FileHandle?
        var hasher = SHA256Hasher()
        var count: Int64 = 0
    }

    let descriptor: Descriptor
    private let what: String
    private let source: String
    private let temporary: URL
    private let destination: URL
    private let onWrite: @Sendable (Int) -> Void
    private let state = Mutex(State())

    init(
        descriptor: Descriptor, what: String, source: String, temporary: URL, destination: URL,
        onWrite: @escaping @Sendable (Int) -> Void
    ) {
        self.descriptor = descriptor
        self.what = what
        self.source = source
        self.temporary = temporary
        self.destination = destination
        self.onWrite = onWrite
    }

    func begin() throws {
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw ImageError.io(path: temporary.path, reason: "cannot create a file in the blob cache")
        }
        let handle = try FileHandle(forWritingTo: temporary)
        state.withLock { state in
            try? state.handle?.close()
            state.handle = handle
            state.hasher = SHA256Hasher()
            state.count = 0
        }
    }

    func write(_ data: Data) throws {
        try state.withLock { state in
            state.count += Int64(data.count)
            // Stop early rather than fill the disk with a blob that is already too big.
            guard state.count <= descriptor.size else {
                throw ImageError.sizeMismatch(
                    what: what, digest: descriptor.digest, expected: descriptor.size, actual: state.count,
                    source: source)
            }
            data.withUnsafeBytes { state.hasher.update($0) }
            try state.handle?.write(contentsOf: data)
        }
        onWrite(data.count)
    }

    /// Verifies the blob and moves it into place; returns its final path.
    func finish() throws(ImageError) -> URL {
        let (digest, count) = state.withLock { state -> (Digest, Int64) in
            try? state.handle?.close()
            state.handle = nil
            var hasher = SHA256Hasher()
            swap(&hasher, &state.hasher)
            return (hasher.finalize(), state.count)
        }
        guard count == descriptor.size else {
            discard()
            throw .sizeMismatch(
                what: what, digest: descriptor.digest, expected: descriptor.size, actual: count, source: source)
        }
        guard digest == descriptor.digest else {
            discard()
            throw .digestMismatch(what: what, expected: descriptor.digest, actual: digest, source: source)
        }
        // rename(2) replaces atomically, so a reader never sees a partial blob at its final path.
        guard rename(temporary.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw .io(path: destination.path, reason: "cannot move the verified blob into the cache (\(reason))")
        }
        return destination
    }

    /// Removes the temporary file.
    func discard() {
        state.withLock { state in
            try? state.handle?.close()
            state.handle = nil
        }
        try? FileManager.default.removeItem(at: temporary)
    }
}
