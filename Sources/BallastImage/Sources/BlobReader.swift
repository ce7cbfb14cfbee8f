import BallastArchive
import BallastDigest
import Foundation

/// Reads small blobs (manifests, configs, indexes) whole, checking them against their
/// descriptors.
enum BlobReader {
    /// No manifest or config Ballast accepts is larger than this.
    static let documentLimit = 16 << 20

    static func read(_ range: FileRange, limit: Int, what: String, source: String) throws(ImageError) -> [UInt8] {
        guard range.length <= Int64(limit) else {
            throw .malformedDocument(what: what, source: source, reason: "\(range.length) bytes is too large")
        }
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: range.path))
            defer { try? handle.close() }
            try handle.seek(toOffset: UInt64(range.offset))
            let data = try handle.read(upToCount: Int(range.length)) ?? Data()
            guard data.count == Int(range.length) else {
                throw ImageError.malformedDocument(what: what, source: source, reason: "the file is truncated")
            }
            return [UInt8](data)
        } catch let error as ImageError {
            throw error
        } catch {
            throw .io(path: range.path, reason: error.localizedDescription)
        }
    }

    /// The blob a descriptor names, verified against its size and digest.
    static func readVerified(
        _ descriptor: Descriptor, from store: any BlobStore, what: String
    ) throws(ImageError) -> [UInt8] {
        guard let range = store.blob(descriptor.digest) else {
            throw .blobMissing(digest: descriptor.digest, source: store.displayName)
        }
        guard range.length == descriptor.size else {
            throw .sizeMismatch(
                what: what, digest: descriptor.digest, expected: descriptor.size, actual: range.length,
                source: store.displayName)
        }
        let bytes = try read(range, limit: documentLimit, what: what, source: store.displayName)
        let actual = SHA256Hasher.hash(bytes)
        guard actual == descriptor.digest else {
            throw .digestMismatch(what: what, expected: descriptor.digest, actual: actual, source: store.displayName)
        }
        return bytes
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], what: String, source: String)
        throws(ImageError) -> T
    {
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw .malformedDocument(what: what, source: source, reason: DecodingErrorText.describe(error))
        } catch {
            throw .malformedDocument(what: what, source: source, reason: "\(error)")
        }
    }
}

/// One-line descriptions of JSON decoding failures.
enum DecodingErrorText {
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the document" : keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context)) has no '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError { return "not JSON: \(underlying.localizedDescription)" }
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
