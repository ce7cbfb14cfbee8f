import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A URLSession that never follows redirects by itself and streams bodies to sinks.
///
/// Following redirects here lets the client decide which hosts see the `Authorization` header.
final class HTTPSession: Sendable {
    private let delegate = SessionDelegate()
    private let session: URLSession

    /// Bodies of error answers and of in-memory requests are cut at this size.
    static let memoryLimit = 8 << 20

    init(timeout: TimeInterval = 60) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// Performs one request, without following redirects. A 2xx body goes to `sink` when one is
    /// given; any other body is kept in memory.
    func perform(_ request: URLRequest, sink: (any ResponseBodySink)? = nil) async throws -> HTTPResponse {
        let task = session.dataTask(with: request)
        let handler = TaskHandler(url: request.url!, sink: sink)
        delegate.register(handler, for: task.taskIdentifier)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                handler.start(continuation)
                task.resume()
            }
        } onCancel: {
            task.cancel()
        }
    }
}
