import BallastDigest
import Foundation

extension RegistryClient {
    /// Downloads a blob into `cache`, streaming it to disk while hashing, and returns its path
    /// once its digest and size match `descriptor`. A blob already cached is not downloaded.
    ///
    /// - Parameters:
    ///   - what: the blob's role in messages, e.g. `layer` or `config`.
    ///   - source: the image it belongs to, for messages.
    ///   - onWrite: called with the size of each chunk written, for progress.
    public func fetchBlob(
        _ descriptor: Descriptor, repository: String, into cache: BlobCache, what: String, source: String,
        onWrite: @escaping @Sendable (Int) -> Void = { _ in }
    ) async throws -> URL {
        if let cached = cache.cachedBlob(descriptor) {
            logger.debug("\(what) \(descriptor.digest.short) is cached; not downloading it")
            return cached
        }

        let writer = try cache.writer(for: descriptor, what: what, source: source, onWrite: onWrite)
        let request = Request(
            path: "/v2/\(repository)/blobs/\(descriptor.digest)", repository: repository,
            what: "\(what) \(descriptor.digest)")
        let response: HTTPResponse
        do {
            response = try await send(request, sink: writer)
        } catch {
            writer.discard()
            throw error
        }
        guard response.isSuccess else {
            writer.discard()
            if response.status == 404, !Self.errorCodes(response.body).contains("NAME_UNKNOWN") {
                throw ImageError.blobMissing(digest: descriptor.digest, source: source)
            }
            throw unexpected(response, request)
        }
        let url = try writer.finish()
        logger.debug("downloaded \(what) \(descriptor.digest.short) (\(descriptor.size) bytes)")
        return url
    }
}
