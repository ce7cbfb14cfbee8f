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

@Suite("ELF scanning of every library in the images")
struct ELFScannerImageTests {
    @Test(
        "every shared library streams to a parsed file, the same as parsing it whole",
        arguments: ["app", "alpine", "official"])
    func everyLibrary(image: String) async throws {
        let filesystem = try await ImageFilesystems.filesystem(image)
        var parsed = 0
        for path in filesystem.scannedPaths {
            guard let result = try filesystem.scanResult(for: path, as: ELFScanResult.self) else { continue }
            switch result {
            case .success(let file):
                parsed += 1
                #expect(file.isFullyParsed, "\(path)")
            case .failure(.notELF):
                continue
            case .failure(let error):
                Issue.record("\(path): \(error)")
            }
        }
        #expect(parsed > 10)

        for (_, path) in ELFFileTests.files.filter({ $0.image == image && $0.path.contains(".so") }) {
            let resolved = try #require(try filesystem.resolve(path))
            let streamed = try #require(try filesystem.scanResult(for: resolved, as: ELFScanResult.self))
            #expect(try streamed.get() == (try ELFFile(bytes: try ImageFiles.bytes(path, in: image))), "\(path)")
        }
    }

    @Test("streams cut at any point give a result or an ELFError", arguments: [1, 2])
    func cutStreams(seed: UInt64) throws {
        let bytes = try ImageFiles.bytes(ELFFileTests.addon, in: "app")
        var generator = SplitMix64(state: seed)
        for _ in 0..<300 {
            var damaged = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator)))
            for _ in 0..<Int.random(in: 0...4, using: &generator) where !damaged.isEmpty {
                damaged[Int.random(in: 0..<min(2048, damaged.count), using: &generator)] = .random(
                    in: 0...255, using: &generator)
            }
            let scanner = ELFScanner(cap: 1 << 16)
            ELFScannerTests.stream(damaged, through: scanner, chunkSize: Int.random(in: 1...5000, using: &generator))
            _ = scanner.result()
            #expect(scanner.peakRetainedBytes <= 1 << 16)
        }
    }
}
