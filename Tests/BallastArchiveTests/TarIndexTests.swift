import BallastTestSupport
import Foundation
import Testing

@testable import BallastArchive

@Suite("Tar index")
struct TarIndexTests {
    private func write(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-\(UUID().uuidString).tar")
            .path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("members, data ranges, long names and links between members")
    func members() throws {
        var tar = TarWriter()
        tar.file("manifest.json", "[]")
        let long = String(repeating: "a", count: 120) + "/layer.tar"
        tar.file(long, "long name")
        tar.file("sha/layer.tar", "layer bytes")
        tar.symlink("abc/layer.tar", to: "../sha/layer.tar")
        tar.hardlink("copy", to: "manifest.json")
        let path = try write(tar.finished())
        defer { try? FileManager.default.removeItem(atPath: path) }

        let index = try TarIndex(path: path)
        #expect(index.members.map(\.entry.path) == ["manifest.json", long, "sha/layer.tar", "abc/layer.tar", "copy"])
        let layer = try #require(index.member("abc/layer.tar"))
        #expect(layer.entry.path == "sha/layer.tar")
        #expect(index.member(long)?.range.length == 9)
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        try handle.seek(toOffset: UInt64(layer.range.offset))
        #expect(try handle.read(upToCount: Int(layer.range.length)) == Data("layer bytes".utf8))
        #expect(index.member("copy")?.entry.path == "manifest.json")
    }

    @Test("a tar cut inside a member is truncated")
    func truncated() throws {
        var tar = TarWriter()
        tar.file("big", [UInt8](repeating: 7, count: 4096))
        let path = try write(Array(tar.finished().prefix(2048)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ArchiveError.self) { try TarIndex(path: path) }
        do {
            _ = try TarIndex(path: path)
        } catch {
            #expect(error.description == "\(path) is truncated; the file was cut short, export or download it again")
        }
    }

    @Test("a gzip file is recognised and the user told to decompress it")
    func compressed() throws {
        let path = try write([0x1F, 0x8B, 0x08, 0x00] + [UInt8](repeating: 0x41, count: 1020))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try TarIndex(path: path)
            Issue.record("a gzip file was indexed")
        } catch {
            #expect(error.description == "\(path) is compressed; decompress it first (e.g. gunzip), then pass the .tar")
        }
    }

    @Test(
        "path normalisation",
        arguments: [("./usr//lib/", "usr/lib"), ("/etc/./x", "etc/x"), ("./", ""), ("a/b", "a/b")])
    func normalize(raw: String, expected: String) {
        #expect(TarPath.normalize(raw) == expected)
    }
}
