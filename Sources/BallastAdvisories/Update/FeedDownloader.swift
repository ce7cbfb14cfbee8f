import BallastCore
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Fetches feeds over HTTP(S), or from `file://` URLs, all before anything is written, so a
/// failed download leaves the database as it was.
public struct FeedDownloader: Sendable {
    let logger: Logger
    let timeout: TimeInterval

    public init(logger: Logger, timeout: TimeInterval = 120) {
        self.logger = logger
        self.timeout = timeout
    }

    /// Downloads each source from its URL, in order.
    ///
    /// - Throws: ``AdvisoriesError/downloadFailed(feed:url:reason:)`` for the first feed that fails.
    public func download(_ sources: [(source: FeedSource, url: String)]) async throws -> [FeedFile] {
        var files: [FeedFile] = []
        for (source, url) in sources {
            logger.info("downloading \(source.name) from \(url)")
            let data = try await fetch(url, feed: source.name)
            logger.debug("\(source.name): \(data.count) bytes")
            files.append(FeedFile(name: source.name, source: url, data: data, format: source.format))
        }
        return files
    }

    private func fetch(_ address: String, feed: String) async throws -> Data {
        guard let url = URL(string: address), let scheme = url.scheme else {
            throw AdvisoriesError.downloadFailed(feed: feed, url: address, reason: "not a URL")
        }
        if scheme == "file" {
            do {
                return try Data(contentsOf: url)
            } catch {
                throw AdvisoriesError.downloadFailed(feed: feed, url: address, reason: error.localizedDescription)
            }
        }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.setValue("ballast", forHTTPHeaderField: "User-Agent")
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw AdvisoriesError.downloadFailed(feed: feed, url: address, reason: error.localizedDescription)
        }
        if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
            throw AdvisoriesError.downloadFailed(feed: feed, url: address, reason: "HTTP status \(http.statusCode)")
        }
        return data
    }
}
