import Foundation

/// A response's status and headers, with the body when it was kept in memory.
struct HTTPResponse: Sendable {
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    var url: URL
    /// The body of responses not streamed to a sink (capped), empty otherwise.
    var body: Data

    func header(_ name: String) -> String? { headers[name.lowercased()] }

    var isSuccess: Bool { (200..<300).contains(status) }
    var isRedirect: Bool { [301, 302, 303, 307, 308].contains(status) }
}

/// Receives a successful response's body as it arrives, so large blobs never sit in memory.
protocol ResponseBodySink: Sendable {
    /// Called when a 2xx response starts; a retried request starts again from zero.
    func begin() throws
    func write(_ data: Data) throws
}

/// The connection failed after the response had started: worth asking again.
struct TransferInterrupted: Error {
    let reason: String
}
