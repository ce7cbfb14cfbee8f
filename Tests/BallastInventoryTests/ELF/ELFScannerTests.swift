import BallastTestSupport
import Foundation
import Testing

@testable import BallastInventory

@Suite("ELF scanning while streaming")
struct ELFScannerTests {
    /// Feeds the file at `url` through `scanner` in chunks of `chunkSize`, as a layer stream would,
    /// stopping when the scanner says it has what it needs.
    static func stream(_ url: URL, through scanner: ELFScanner, chunkSize: Int = 1 << 20) throws -> Int {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var fed = 0
        while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
            fed += chunk.count
            let more = chunk.withUnsafeBytes { scanner.consume($0) }
            if !more { break }
        }
        return fed
    }

    static func stream(_ bytes: [UInt8], through scanner: ELFScanner, chunkSize: Int) {
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + chunkSize, bytes.count)
            let more = bytes[offset..<end].withUnsafeBytes { scanner.consume($0) }
            offset = end
            if !more { break }
        }
    }

    @Test("a large node binary streams in 1 MB chunks within the cap", arguments: ["official", "alpine"])
    func nodeBinary(image: String) throws {
        let binaries = try #require(try TestImages.shared.meta(image)["node_binaries"] as? [[String: Any]])
        let binary = try #require(binaries.first { $0["type"] as? String == "elf" })
        let url = try ImageFiles.file(try #require(binary["path"] as? String), in: image)
        let size = try #require(binary["bytes"] as? Int)

        let scanner = ELFScanner()
        _ = try Self.stream(url, through: scanner)
        let file = try scanner.result().get()

        #expect(file.interpreter == binary["interpreter"] as? String)
        #expect(file.needed == binary["needed"] as? [String])
        #expect(file.rpath == binary["rpath"] as? String)
        #expect(file.runpath == binary["runpath"] as? String)
        #expect(scanner.peakRetainedBytes <= scanner.cap)
        #expect(scanner.peakRetainedBytes < size / 4)
        let oracle = try ReadelfOracle(url: url).dynamicSymbols()
        #expect(file.symbols.count == oracle.count)
        #expect(file.undefinedSymbols.count == oracle.filter { $0.hasSuffix(" undefined") }.count)
    }

    @Test("any chunk size gives what parsing the whole file gives", arguments: [1, 7, 64, 100, 4096, 1 << 20])
    func chunkSizes(chunkSize: Int) throws {
        let bytes = try ImageFiles.bytes(ELFFileTests.addon, in: "app")
        let scanner = ELFScanner()
        Self.stream(bytes, through: scanner, chunkSize: chunkSize)
        #expect(try scanner.result().get() == (try ELFFile(bytes: bytes)))
        #expect(scanner.peakRetainedBytes <= bytes.count + 1024)
    }

    @Test("a cap smaller than the program headers stops the scan with a reason")
    func capTooSmall() throws {
        let bytes = try ImageFiles.bytes(ELFFileTests.addon, in: "app")
        let header = try ELFParser.header(ELFBytes(whole: bytes))
        let scanner = ELFScanner(cap: 100)
        Self.stream(bytes, through: scanner, chunkSize: 4096)
        let expected = ELFError.capExceeded(needed: header.programHeadersEnd, cap: 100)
        #expect(scanner.result() == .failure(expected))
        #expect(
            expected.description
                == "reading the dynamic section needs \(header.programHeadersEnd) bytes kept in memory, more than "
                + "the cap of 100 bytes; raise the scanner's cap or read the whole file")
    }

    @Test("a cap that cuts the first PT_LOAD short says which table it lost")
    func capCutsTables() throws {
        let url = try ImageFiles.file("usr/local/bin/node", in: "official")
        let scanner = ELFScanner(cap: 1 << 20)
        _ = try Self.stream(url, through: scanner)
        guard case .failure(.notRetained(let what, _, _)) = scanner.result() else {
            Issue.record("expected a table outside the kept bytes, got \(scanner.result())")
            return
        }
        #expect(what == "DT_NEEDED name")
        #expect(scanner.peakRetainedBytes <= 1 << 20)
    }

    @Test("a stream that ends inside a kept segment says where")
    func endedEarly() throws {
        let bytes = try ImageFiles.bytes(ELFFileTests.addon, in: "app")
        let header = try ELFParser.header(ELFBytes(whole: bytes))
        let segments = try ELFParser.segments(ELFBytes(whole: bytes), header: header)
        let dynamic = try #require(segments.first { $0.type == ELFParser.Segment.dynamic })
        let scanner = ELFScanner()
        Self.stream(Array(bytes.prefix(Int(dynamic.offset) + 8)), through: scanner, chunkSize: 512)
        let result = scanner.result()
        guard case .failure(.endedEarly(let received, _)) = result else {
            Issue.record("expected the stream to end early, got \(result)")
            return
        }
        #expect(received == dynamic.offset + 8)
    }

    @Test(
        "files that are not ELF, or end inside the header",
        arguments: [
            (
                Array("#!/bin/sh\necho hello\n".utf8),
                "not an ELF file: it does not start with the bytes 7f 45 4c 46 (\\x7fELF)"
            ),
            (
                [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1],
                "truncated ELF file: the e_type field at offset 0x10 (2 bytes) runs past "
                    + "the end of the file (7 bytes); the file is damaged or was cut short"
            ),
            (
                [],
                "truncated ELF file: the ELF identification at offset 0x0 (4 bytes) runs past the end of the file "
                    + "(0 bytes); the file is damaged or was cut short"
            ),
        ] as [([UInt8], String)])
    func notELF(bytes: [UInt8], message: String) {
        let scanner = ELFScanner()
        Self.stream(bytes, through: scanner, chunkSize: 3)
        guard case .failure(let error) = scanner.result() else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.description == message)
        #expect(scanner.finish() is ELFScanResult)
    }
}
