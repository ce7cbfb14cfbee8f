import Foundation
import Synchronization

/// Starts the helper processes of registry tests and makes sure none outlives the test run.
///
/// A supervisor (`servers/supervisor.py`) watches this process; when it ends, even by a crash,
/// the supervisor terminates every registered process and stops every registry started with
/// `serve-registry.sh`.
public enum RegistryProcesses {
    /// The repository root, found from this file's path.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/testimages/serve-registry.sh`, next to the repository.
    public static let serveRegistryScript = repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/testimages/serve-registry.sh").path

    /// A script in `Tests/Support/servers`.
    public static func serverScript(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("Tests/Support/servers/\(name)").path
    }

    private static let supervisor = Mutex<FileHandle?>(nil)

    /// Tells the supervisor to clean up `line` (`pid N` or `state DIR`) when tests end.
    public static func register(_ line: String) throws {
        try supervisor.withLock { handle in
            if handle == nil {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = [
                    "python3", serverScript("supervisor.py"), String(ProcessInfo.processInfo.processIdentifier),
                    serveRegistryScript,
                ]
                let input = Pipe()
                process.standardInput = input
                try process.run()
                handle = input.fileHandleForWriting
            }
            handle?.write(Data((line + "\n").utf8))
        }
    }

    /// Runs a command to completion and returns its standard output; fails on a non-zero exit.
    ///
    @discardableResult
    public static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> String {
        let folder = try temporaryDirectory("ballast-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputURL = folder.appendingPathComponent("stdout")
        let errorURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)

        // Foundation's Process on Linux waits until every inherited descriptor is closed, so a
        // server left running in the background would block it; python closes them in between.
        let launcher = "import subprocess, sys; sys.exit(subprocess.run(sys.argv[1:], close_fds=True).returncode)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", launcher] + arguments
        if let environment { process.environment = environment }
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
        process.waitUntilExit()

        let text = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            let errors = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
            throw TestSupportError(
                "\(arguments.joined(separator: " ")) failed (\(process.terminationStatus)): \(errors)\(text)")
        }
        return text
    }

    /// Starts a long-running server whose first output line is `PORT <n> [<n>…]`; returns the ports.
    public static func startServer(_ arguments: [String], log: String) throws -> (process: Process, ports: [Int]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try process.run()
        try register("pid \(process.processIdentifier)")

        var line = Data()
        while !line.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else {
                let detail = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                throw TestSupportError("\(arguments.joined(separator: " ")) exited before listening: \(detail)")
            }
            line.append(chunk)
        }
        let words = String(decoding: line, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard words.first == "PORT" else { throw TestSupportError("unexpected server output: \(words)") }
        return (process, words.dropFirst().compactMap { Int($0) })
    }

    /// A TCP port on 127.0.0.1 that is free right now.
    public static func freePort() throws -> Int {
        let script = "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"
        guard let port = Int(try run(["python3", "-c", script]).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw TestSupportError("could not find a free port")
        }
        return port
    }

    /// A new temporary folder.
    public static func temporaryDirectory(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Waits until `http://host/v2/` answers 200 or 401.
    public static func waitForRegistry(_ host: String) async throws {
        for _ in 0..<100 {
            let probe =
                """
                import urllib.request, urllib.error
                try:
                    print(urllib.request.urlopen('http://\(host)/v2/', timeout=1).status)
                except urllib.error.HTTPError as e:
                    print(e.code)
                except Exception:
                    print(0)
                """
            let code = try run(["python3", "-c", probe]).trimmingCharacters(in: .whitespacesAndNewlines)
            if code == "200" || code == "401" { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TestSupportError("registry \(host) did not answer")
    }
}
