import Foundation
import Testing

@testable import BallastAdvisories

/// Gzip and zip files are made at test time by the system's `gzip` and `zip` from the samples.
struct CompressedFeedTests {
    /// Runs `tool` in `folder` and waits for it.
    private func run(_ tool: String, _ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    private func read(_ path: String) throws -> ParsedFeed {
        try FeedReader.read(FeedFile.load(path: path), qualifyName: true, logger: .silent)
    }

    @Test("gzip at every level gives back the bytes, verified by CRC-32", arguments: ["-1", "-6", "-9"])
    func gunzip(level: String) throws {
        let folder = try FeedSamples.temporaryFolder()
        let sample = FeedSamples.path("cisa-kev/known_exploited_vulnerabilities.json")
        try FileManager.default.copyItem(atPath: sample, toPath: folder.appendingPathComponent("kev.json").path)
        try run("gzip", [level, "kev.json"], in: folder)
        let compressed = try Data(contentsOf: folder.appendingPathComponent("kev.json.gz"))
        #expect(
            try CompressedFeed.gunzip(compressed, path: "kev.json.gz")
                == FeedSamples.data(
                    "cisa-kev/known_exploited_vulnerabilities.json"))
        #expect(FeedFormat.detect(compressed, name: "kev.json.gz") == .kev)
    }

    @Test("a gzipped EPSS CSV imports like the plain one")
    func epssGzip() throws {
        let folder = try FeedSamples.temporaryFolder()
        let name = "epss_scores-2025-02-20.csv"
        try FileManager.default.copyItem(
            atPath: FeedSamples.path("epss/epss-scores-2025-02-20-excerpt.csv"),
            toPath: folder.appendingPathComponent(name).path)
        try run("gzip", [name], in: folder)
        let feed = try read(folder.appendingPathComponent(name + ".gz").path)
        #expect(feed.record.format == .epss)
        #expect(feed.content.epss.first?.cve == "CVE-1999-0001")
        #expect(feed.content.records == 5)
    }

    @Test("an OSV all.zip, deflated, stored or ZIP64, imports every record", arguments: ["-9", "-0", "-fz"])
    func osvZip(level: String) throws {
        let folder = try FeedSamples.temporaryFolder()
        let names = try FileManager.default.contentsOfDirectory(atPath: FeedSamples.path("osv/npm"))
        for name in names {
            try FileManager.default.copyItem(
                atPath: FeedSamples.path("osv/npm/\(name)"), toPath: folder.appendingPathComponent(name).path)
        }
        try run("zip", ["-q", level, "all.zip"] + names, in: folder)
        let feed = try read(folder.appendingPathComponent("all.zip").path)
        #expect(feed.record.name == "osv:all.zip")
        #expect(feed.content.records == names.count)
        #expect(feed.content.affected.contains { $0.package == "lodash" && $0.fixedVersion == "4.17.21" })
    }

    @Test("a truncated gzip file is refused with the reason")
    func truncated() throws {
        let folder = try FeedSamples.temporaryFolder()
        try FileManager.default.copyItem(
            atPath: FeedSamples.path("nodejs-release/schedule.json"),
            toPath: folder.appendingPathComponent("s.json").path)
        try run("gzip", ["s.json"], in: folder)
        let data = try Data(contentsOf: folder.appendingPathComponent("s.json.gz"))
        #expect(throws: AdvisoriesError.badCompression(path: "s.gz", reason: "stream ends early")) {
            try CompressedFeed.gunzip(data.prefix(200), path: "s.gz")
        }
        #expect(
            AdvisoriesError.badCompression(path: "s.gz", reason: "stream ends early").description
                == "cannot decompress s.gz: stream ends early; download the file again")
    }
}
