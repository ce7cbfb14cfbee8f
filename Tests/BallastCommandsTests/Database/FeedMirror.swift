import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A folder laid out as a feed mirror, filled with the conformance feed samples and served by
/// `python3 -m http.server` on 127.0.0.1 for the duration of a test.
final class FeedMirror {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/conformance/feeds").standardizedFileURL

    /// Mirror path → sample path, for the feeds the samples can stand in for.
    static let layout = [
        "nodejs-security-wg/core-index.json": "nodejs-security-wg/core-index.json",
        "nodejs-security-wg/npm-index.json": "nodejs-security-wg/npm-index.json",
        "nodejs-release/schedule.json": "nodejs-release/schedule.json",
        "cisa-kev/known_exploited_vulnerabilities.json": "cisa-kev/known_exploited_vulnerabilities.json",
        "debian-security-tracker/data.json": "debian-security-tracker/vunnel-debian.json",
        "wolfi/security.json": "alpine-secdb/wolfi-json-layout/security.json",
        "alpine-secdb/v3.20/main.json": "alpine-secdb/vunnel-fixture-v3.15/main.yaml",
    ]

    /// The `--feed` names of ``layout``.
    static let feeds = [
        "nodejs-core", "nodejs-npm", "nodejs-schedule", "cisa-kev", "debian-tracker", "wolfi-os", "alpine-v3.20-main",
        "osv-npm", "epss",
    ]

    let root: URL
    private let server: Process
    let baseURL: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-mirror-\(UUID().uuidString)")
        for (mirrorPath, sample) in Self.layout {
            let target = root.appendingPathComponent(mirrorPath)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Self.samples.appendingPathComponent(sample), to: target)
        }

        try Self.compress(root)

        server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", root.path]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        // The first line says "Serving HTTP on 127.0.0.1 port N (http://127.0.0.1:N/) ...".
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let start = text.range(of: "(http://")?.upperBound, let end = text[start...].firstIndex(of: ")") else {
            kill(server.processIdentifier, SIGKILL)
            throw CocoaError(.fileReadUnknown)
        }
        baseURL = "http://" + text[start..<end].trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    }

    /// Adds the compressed feeds: `osv/npm/all.zip` of the OSV npm samples and the gzipped EPSS CSV.
    private static func compress(_ root: URL) throws {
        let osv = root.appendingPathComponent("osv/npm")
        let epss = root.appendingPathComponent("epss")
        for folder in [osv, epss] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: samples.appendingPathComponent("osv/npm").path)
        for name in names {
            try FileManager.default.copyItem(
                at: samples.appendingPathComponent("osv/npm/\(name)"), to: osv.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(
            at: samples.appendingPathComponent("epss/epss-scores-2025-02-20-excerpt.csv"),
            to: epss.appendingPathComponent("epss_scores-current.csv"))
        try run(["zip", "-q", "-m", "all.zip"] + names, in: osv)
        try run(["gzip", "epss_scores-current.csv"], in: epss)
    }

    private static func run(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
    }

    /// Replaces the file at `mirrorPath` with `text`.
    func write(_ text: String, at mirrorPath: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(mirrorPath))
    }

    /// Stops the server and removes the folder; tests call it with `defer`.
    func stop() {
        guard server.isRunning else { return }
        // SIGKILL: the server may inherit a blocked SIGTERM from the test runner.
        kill(server.processIdentifier, SIGKILL)
        server.waitUntilExit()
        try? FileManager.default.removeItem(at: root)
    }

    deinit {
        stop()
    }
}
