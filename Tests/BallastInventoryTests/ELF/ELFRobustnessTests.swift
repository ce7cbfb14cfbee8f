import Foundation
import Testing

@testable import BallastInventory

/// A small deterministic generator, so a failing flip can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

@Suite("ELF parsing of damaged input")
struct ELFRobustnessTests {
    static let addon = ELFFileTests.addon

    @Test("every truncation of the addon gives a result or an ELFError, never a crash")
    func truncations() throws {
        let bytes = try ImageFiles.bytes(Self.addon, in: "app")
        let complete = try ELFFile(bytes: bytes)
        var failures = 0
        for length in stride(from: 0, to: bytes.count, by: 3) {
            do {
                let file = try ELFFile(bytes: Array(bytes.prefix(length)))
                // Only the section headers and contents past the dynamic tables may go missing.
                #expect(file.needed == complete.needed, "length \(length)")
                #expect(file.symbols == complete.symbols, "length \(length)")
            } catch {
                failures += 1
            }
        }
        #expect(failures > 0)
    }

    @Test("random byte flips give a result or an ELFError, never a crash", arguments: [1, 2, 3, 4])
    func byteFlips(seed: UInt64) throws {
        let original = try ImageFiles.bytes(Self.addon, in: "app")
        var generator = SplitMix64(state: seed)
        var outcomes: [String: Int] = [:]
        for _ in 0..<1500 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                // Most flips land in the headers and dynamic tables, where a parser has to be careful.
                let range = Bool.random(using: &generator) ? 0..<min(4096, bytes.count) : 0..<bytes.count
                bytes[Int.random(in: range, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            do {
                _ = try ELFFile(bytes: bytes)
                outcomes["parsed", default: 0] += 1
            } catch {
                outcomes[String(describing: error).prefix(20).description, default: 0] += 1
            }
        }
        #expect(outcomes["parsed", default: 0] > 0)
        #expect(outcomes.count > 1)
    }

    @Test(
        "damaged headers give exact messages",
        arguments: [
            (
                [0x7f, 0x45],
                "truncated ELF file: the ELF identification at offset 0x0 (4 bytes) runs past the end of the "
                    + "file (2 bytes); the file is damaged or was cut short"
            ),
            (Array("#!/bin/sh\n".utf8), "not an ELF file: it does not start with the bytes 7f 45 4c 46 (\\x7fELF)"),
            ([0x7f, 0x45, 0x4c, 0x46, 3, 1], "malformed ELF file: EI_CLASS byte is 3, not 1 (ELF32) or 2 (ELF64)"),
            (
                [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0],
                "truncated ELF file: the e_type field at offset 0x10 (2 bytes) runs "
                    + "past the end of the file (8 bytes); the file is damaged or was cut short"
            ),
        ] as [([UInt8], String)])
    func headerMessages(bytes: [UInt8], message: String) {
        #expect(throws: ELFError.self) { try ELFFile(bytes: bytes) }
        do {
            _ = try ELFFile(bytes: bytes)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("a dynamic section pointing outside every segment names the address")
    func unmappedStringTable() throws {
        var bytes = try ImageFiles.bytes(Self.addon, in: "app")
        let file = try ELFFile(bytes: bytes)
        #expect(file.isFullyParsed)
        // Find DT_STRTAB (tag 5) in PT_DYNAMIC and point it far away.
        let header = try ELFParser.header(ELFBytes(whole: bytes))
        let segments = try ELFParser.segments(ELFBytes(whole: bytes), header: header)
        let dynamic = try #require(segments.first { $0.type == ELFParser.Segment.dynamic })
        var offset = Int(dynamic.offset)
        while bytes[offset] != 5 || bytes[offset + 1..<offset + 8].contains(where: { $0 != 0 }) { offset += 16 }
        for index in 0..<8 { bytes[offset + 8 + index] = index == 7 ? 0x7f : 0 }
        #expect(throws: ELFError.unmappedAddress(what: "DT_STRTAB", address: 0x7f00_0000_0000_0000)) {
            try ELFFile(bytes: bytes)
        }
        #expect(
            ELFError.unmappedAddress(what: "DT_STRTAB", address: 0x7f00_0000_0000_0000).description
                == "malformed ELF file: the DT_STRTAB address 0x7f00000000000000 lies in no PT_LOAD segment")
    }

    @Test(
        "other classes and byte orders are read as far as the machine",
        arguments: [
            (1, 1, 40, ELFMachine.arm, "arm"), (2, 2, 22, .s390, "s390"), (1, 1, 3, .i386, "i386"),
            (2, 2, 21, .powerPC64, "ppc64"), (1, 2, 0x1234, ELFMachine(rawValue: 0x1234), "machine 0x1234"),
        ] as [(UInt8, UInt8, UInt16, ELFMachine, String)])
    func foreignLayouts(fileClass: UInt8, byteOrder: UInt8, machine: UInt16, expected: ELFMachine, name: String)
        throws
    {
        var bytes: [UInt8] = [0x7f, 0x45, 0x4c, 0x46, fileClass, byteOrder, 1] + Array(repeating: 0, count: 45)
        let big = byteOrder == 2
        bytes[16] = big ? 0 : 3
        bytes[17] = big ? 3 : 0
        bytes[18] = UInt8(big ? machine >> 8 : machine & 0xff)
        bytes[19] = UInt8(big ? machine & 0xff : machine >> 8)
        let file = try ELFFile(bytes: bytes)
        #expect(file.machine == expected)
        #expect(file.machine.description == name)
        #expect(file.type == .sharedObject)
        #expect(!file.isFullyParsed)
        #expect(file.needed.isEmpty)
    }
}

@Suite("ELF parsing and scanning of heavily damaged input")
struct ELFFuzzTests {
    /// A small file of each layout: a linker-made addon and a patchelf-rewritten library.
    static let files = [("app", ELFFileTests.addon), ("alpine", "usr/local/lib/libgcc_s-2298274a.so.1")]

    @Test("flips anywhere, parsed whole and streamed, never crash", arguments: [0, 1])
    func flipsAnywhere(fileIndex: Int) throws {
        let (image, path) = Self.files[fileIndex]
        let original = try ImageFiles.bytes(path, in: image)
        var generator = SplitMix64(state: 0xE1F + UInt64(fileIndex))
        for _ in 0..<Int(ProcessInfo.processInfo.environment["BALLAST_ELF_FUZZ"] ?? "400")! {
            var bytes = original
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                // Half the flips hit the headers, whose offsets and sizes steer everything else.
                let range = Bool.random(using: &generator) ? 0..<1024 : 0..<bytes.count
                bytes[Int.random(in: range, using: &generator)] = .random(in: 0...255, using: &generator)
            }
            _ = try? ELFFile(bytes: bytes)
            let scanner = ELFScanner(cap: 1 << 20)
            ELFScannerTests.stream(bytes, through: scanner, chunkSize: Int.random(in: 1...70_000, using: &generator))
            _ = scanner.result()
            #expect(scanner.peakRetainedBytes <= 1 << 20)
        }
    }
}
