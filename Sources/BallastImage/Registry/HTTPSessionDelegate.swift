import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Collects one task's response and completes its continuation.
final class TaskHandler: Sendable {
    private struct State {
        var response: HTTPResponse?
        var streaming = false
        var challenged = false
        var failure: (any Error)?
        var continuation: CheckedContinuation<HTTPResponse, any Error>?
    }

    private let url: URL
    private let sink: (any ResponseBodySink)?
    private let state = Mutex(State())

    init(url: URL, sink: (any ResponseBodySink)?) {
        self.url = url
        self.sink = sink
    }

    func start(_ continuation: CheckedContinuation<HTTPResponse, any Error>) {
        state.withLock { $0.continuation = continuation }
    }

    /// Records the head; returns false when the task should be cancelled.
    func receive(_ response: URLResponse) -> Bool {
        let http = response as? HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http?.allHeaderFields ?? [:] {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        let head = HTTPResponse(status: http?.statusCode ?? 0, headers: headers, url: response.url ?? url, body: Data())
        let streaming = head.isSuccess && sink != nil
        do {
            if streaming { try sink?.begin() }
        } catch {
            state.withLock { $0.failure = error }
            return false
        }
        state.withLock { state in
            state.response = head
            state.streaming = streaming
        }
        return true
    }

    /// Records a 401 that Foundation presented as an authentication challenge; the task then
    /// ends with this response whatever error Foundation reports.
    func receiveChallenge(_ response: URLResponse) {
        guard receive(response) else { return }
        state.withLock { $0.challenged = true }
    }

    /// Takes a chunk of body; returns false when the task should be cancelled.
    func receive(_ data: Data) -> Bool {
        let streaming = state.withLock { state -> Bool in
            if !state.streaming, state.response != nil, state.response!.body.count < HTTPSession.memoryLimit {
                state.response!.body.append(data)
            }
            return state.streaming
        }
        guard streaming, let sink else { return true }
        do {
            try sink.write(data)
            return true
        } catch {
            state.withLock { $0.failure = error }
            return false
        }
    }

    func complete(_ error: (any Error)?) {
        let (continuation, result) = state.withLock {
            state -> (CheckedContinuation<HTTPResponse, any Error>?, Result<HTTPResponse, any Error>) in
            defer { state.continuation = nil }
            if let failure = state.failure { return (state.continuation, .failure(failure)) }
            if state.challenged, let response = state.response { return (state.continuation, .success(response)) }
            if let error {
                let cancelled = (error as? URLError)?.code == .cancelled
                if state.response != nil, !cancelled {
                    let reason = (error as? URLError)?.localizedDescription ?? "\(error)"
                    return (state.continuation, .failure(TransferInterrupted(reason: reason)))
                }
                return (state.continuation, .failure(error))
            }
            guard let response = state.response else {
                return (state.continuation, .failure(URLError(.badServerResponse)))
            }
            return (state.continuation, .success(response))
        }
        continuation?.resume(with: result)
    }
}

/// Routes URLSession callbacks to the handler of each task.
final class SessionDelegate: NSObject, URLSessionDataDelegate, Sendable {
    private let handlers = Mutex<[Int: TaskHandler]>([:])

    func register(_ handler: TaskHandler, for identifier: Int) {
        handlers.withLock { $0[identifier] = handler }
    }

    private func handler(_ task: URLSessionTask) -> TaskHandler? {
        handlers.withLock { $0[task.taskIdentifier] }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        // The client follows redirects itself, deciding which hosts may see credentials.
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        // A 401 must reach the client, which answers it from the Docker credentials. Foundation
        // turns 401s with a Basic challenge into this callback instead, so keep the 401 as the
        // task's response and stop the task. (On Linux, certificates never come here: curl
        // checks them against the system store.)
        if let response = challenge.failureResponse {
            handler(task)?.receiveChallenge(response)
        }
        completionHandler(.cancelAuthenticationChallenge, nil)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let proceed = handler(dataTask)?.receive(response) ?? false
        completionHandler(proceed ? .allow : .cancel)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        if handler(dataTask)?.receive(data) == false {
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let handler = handlers.withLock { $0.removeValue(forKey: task.taskIdentifier) }
        handler?.complete(error)
    }
}
