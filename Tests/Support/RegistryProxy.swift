import Foundation

/// A misbehaving proxy in front of a test registry (`servers/registry_proxy.py`), one per test.
///
/// It listens on 127.0.0.1 and has a blob host on 127.0.0.2 for redirects. ``stop()`` ends it;
/// the supervisor ends it too if the test never does.
public final class RegistryProxy: Sendable {
    /// `127.0.0.1:PORT`, to use as the registry domain.
    public let host: String
    /// `127.0.0.2:PORT`, where redirected blob requests land.
    public let blobHost: String
    private let log: String
    private let folder: URL
    private let process: Process

    /// One logged request.
    public struct Request: Decodable, Sendable {
        /// `proxy` or `blobs`.
        public let server: String
        public let method: String
        public let path: String
        /// Header names, lowercased.
        public let headers: [String]
        public let authorization: Bool
    }

    /// Starts a proxy to `upstream` (`127.0.0.1:PORT`) with `registry_proxy.py` options such as
    /// `--redirect-blobs`, `--throttle 1:429:1` or `--corrupt sha256:…`.
    public init(upstream: String, options: [String]) throws {
        let folder = try RegistryProcesses.temporaryDirectory("ballast-proxy")
        try RegistryProcesses.register("dir \(folder.path)")
        self.folder = folder
        log = folder.appendingPathComponent("requests.log").path
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let started = try RegistryProcesses.startServer(
            ["python3", RegistryProcesses.serverScript("registry_proxy.py"), "--upstream", upstream, "--log", log]
                + options,
            log: folder.appendingPathComponent("proxy.stderr").path)
        process = started.process
        host = "127.0.0.1:\(started.ports[0])"
        blobHost = "127.0.0.2:\(started.ports[1])"
    }

    /// Every request so far, in order.
    public func requests() throws -> [Request] {
        let text = try String(contentsOfFile: log, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try JSONDecoder().decode(Request.self, from: Data(line.utf8))
        }
    }

    public func stop() {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: folder)
    }
}
