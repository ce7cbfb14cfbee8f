import BallastTestSupport
import Foundation
import Testing

@testable import BallastInventory

@Suite("ELF files from the test images")
struct ELFFileTests {
    static let addon = "app/node_modules/@testimages/native-hello/build/Release/native_hello.node"

    /// Files with dynamic sections of every shape the images hold: a small addon, glibc, libstdc++,
    /// musl's loader, an auditwheel-renamed C++ runtime and Debian's node launcher.
    static let files: [(image: String, path: String)] = [
        ("app", addon),
        ("app", "usr/lib/x86_64-linux-gnu/libc.so.6"),
        ("app", "usr/lib/x86_64-linux-gnu/libstdc++.so.6"),
        ("app", "usr/bin/node"),
        ("alpine", "lib/ld-musl-x86_64.so.1"),
        ("alpine", "usr/local/lib/libstdc++-08d5c7eb.so.6.0.33"),
    ]

    @Test("the addon's imports match meta's native_addon_details", arguments: ["app", "alpine-app"])
    func addonMatchesMeta(image: String) throws {
        let meta = try TestImages.shared.meta(image)
        let details = try #require((meta["native_addon_details"] as? [[String: Any]])?.first)
        let file = try ELFFile(bytes: try ImageFiles.bytes(try #require(details["path"] as? String), in: image))

        #expect(file.machine == .x86_64)
        #expect(file.type == .sharedObject)
        #expect(file.needed == details["needed"] as? [String])
        #expect(file.bindNow == details["bind_now"] as? Bool)
        let strong = file.undefinedSymbols.filter { !$0.isWeak }.map(\.description).sorted()
        let weak = file.undefinedSymbols.filter(\.isWeak).map(\.description).sorted()
        #expect(strong == (details["undefined"] as? [String])?.sorted())
        #expect(weak == (details["undefined_weak"] as? [String])?.sorted())
        let needs = Dictionary(
            uniqueKeysWithValues: file.versionNeeds.map { ($0.library, $0.versions.map(\.name).sorted()) })
        #expect(needs == (details["version_needs"] as? [String: [String]])?.mapValues { $0.sorted() })
    }

    @Test("small node executables match meta's node_binaries", arguments: ["app", "slim", "distroless"])
    func nodeLauncherMatchesMeta(image: String) throws {
        let binaries = try #require(try TestImages.shared.meta(image)["node_binaries"] as? [[String: Any]])
        for binary in binaries where binary["type"] as? String == "elf" {
            let file = try ELFFile(bytes: try ImageFiles.bytes(try #require(binary["path"] as? String), in: image))
            #expect(file.interpreter == binary["interpreter"] as? String)
            #expect(file.needed == binary["needed"] as? [String])
            #expect(file.rpath == binary["rpath"] as? String)
            #expect(file.runpath == binary["runpath"] as? String)
            #expect(file.type == .sharedObject || file.type == .executable)
        }
    }

    @Test("unowned libraries match meta's soname and needed", arguments: ["alpine", "alpine-app"])
    func unownedLibrariesMatchMeta(image: String) throws {
        let libraries = try #require(try TestImages.shared.meta(image)["unowned_shared_libraries"] as? [[String: Any]])
        #expect(!libraries.isEmpty)
        for library in libraries {
            let file = try ELFFile(bytes: try ImageFiles.bytes(try #require(library["path"] as? String), in: image))
            #expect(file.soname == library["soname"] as? String)
            #expect(file.needed == library["needed"] as? [String])
        }
    }

    @Test("dynamic symbols match readelf --dyn-syms", arguments: files)
    func symbolsMatchReadelf(image: String, path: String) throws {
        let url = try ImageFiles.file(path, in: image)
        let file = try ELFFile(bytes: [UInt8](try Data(contentsOf: url)))
        let ours = Self.readelfLines(file)
        let expected = try ReadelfOracle(url: url).dynamicSymbols()
        #expect(!expected.isEmpty)
        #expect(ours == expected)
    }

    @Test("dynamic entries match readelf -d", arguments: files)
    func dynamicMatchesReadelf(image: String, path: String) throws {
        let url = try ImageFiles.file(path, in: image)
        let file = try ELFFile(bytes: [UInt8](try Data(contentsOf: url)))
        let oracle = ReadelfOracle(url: url)
        #expect(file.needed == (try oracle.dynamic("NEEDED")))
        #expect(file.soname.map { [$0] } ?? [] == (try oracle.dynamic("SONAME")))
        #expect(file.rpath.map { [$0] } ?? [] == (try oracle.dynamic("RPATH")))
        #expect(file.runpath.map { [$0] } ?? [] == (try oracle.dynamic("RUNPATH")))
        #expect(file.bindNow == (try oracle.bindNow()))
    }

    @Test("version tables match readelf -V", arguments: files)
    func versionsMatchReadelf(image: String, path: String) throws {
        let url = try ImageFiles.file(path, in: image)
        let file = try ELFFile(bytes: [UInt8](try Data(contentsOf: url)))
        let expected = try ReadelfOracle(url: url).versions()
        let needs = file.versionNeeds.flatMap { need in need.versions.map { need.library + ":" + $0.name } }
        #expect(needs == expected.needs)
        #expect(file.versionDefinitions.map(\.name) == expected.definitions)
    }

    /// Symbols as ``ReadelfOracle/dynamicSymbols()`` lists them.
    static func readelfLines(_ file: ELFFile) -> [String] {
        // readelf prints a version's own marker symbol (`GLIBC_2.2.5`, absolute) without `@@`.
        file.symbols.map { symbol in
            let name = symbol.name == symbol.version ? symbol.name : symbol.description
            return "\(name) \(symbol.binding) \(symbol.isDefined ? "defined" : "undefined")"
        }
    }

    @Test("glibc defines the versions an addon may need")
    func glibcVersionDefinitions() throws {
        let file = try ELFFile(bytes: try ImageFiles.bytes("usr/lib/x86_64-linux-gnu/libc.so.6", in: "app"))
        #expect(file.soname == "libc.so.6")
        #expect(file.versionDefinitions.first?.isBase == true)
        #expect(file.definedVersionNames.isSuperset(of: ["GLIBC_2.2.5", "GLIBC_2.3.4", "GLIBC_2.4", "GLIBC_2.36"]))
        #expect(!file.definedVersionNames.contains("GLIBC_2.38"))
        let sprintf = file.definedSymbols.first { $0.name == "__sprintf_chk" }
        #expect(sprintf?.version == "GLIBC_2.3.4")
        #expect(sprintf?.isHidden == false)
    }
}

@Suite("ELF symbol counts without a GNU hash table")
struct ELFSymbolCountTests {
    static let source = "#include <stdio.h>\nint hello(int v) { printf(\"%d\\n\", v); return v; }\nint other = 3;\n"

    static func dynamicEntryOffset(_ bytes: [UInt8], tag: UInt64) throws -> Int? {
        let header = try ELFParser.header(ELFBytes(whole: bytes))
        let segments = try ELFParser.segments(ELFBytes(whole: bytes), header: header)
        guard let dynamic = segments.first(where: { $0.type == ELFParser.Segment.dynamic }) else { return nil }
        let reader = ELFBytes(whole: bytes)
        for offset in stride(from: dynamic.offset, to: dynamic.offset + dynamic.fileSize, by: 16)
        where try reader.u64(at: offset, "tag") == tag {
            return Int(offset)
        }
        return nil
    }

    @Test("a System V DT_HASH gives the same symbols as readelf")
    func sysvHash() throws {
        let url = try ImageFiles.compileSharedObject(Self.source, name: "sysv", extraFlags: ["-Wl,--hash-style=sysv"])
        let bytes = [UInt8](try Data(contentsOf: url))
        #expect(try Self.dynamicEntryOffset(bytes, tag: DynamicEntries.Tag.hash) != nil)
        #expect(try Self.dynamicEntryOffset(bytes, tag: DynamicEntries.Tag.gnuHash) == nil)
        let file = try ELFFile(bytes: bytes)
        #expect(ELFFileTests.readelfLines(file) == (try ReadelfOracle(url: url).dynamicSymbols()))
        #expect(file.definedSymbols.map(\.name).contains("hello"))
    }

    @Test("without any hash table, the .dynsym section header gives the count")
    func sectionHeaders() throws {
        let url = try ImageFiles.compileSharedObject(Self.source, name: "gnu", extraFlags: ["-Wl,--hash-style=gnu"])
        var bytes = [UInt8](try Data(contentsOf: url))
        let original = try ELFFile(bytes: bytes)
        let entry = try #require(try Self.dynamicEntryOffset(bytes, tag: DynamicEntries.Tag.gnuHash))
        // Retag DT_GNU_HASH as DT_GNU_PRELINKED, which the parser ignores.
        bytes[entry] = 0xf5
        bytes[entry + 1] = 0xfd
        let file = try ELFFile(bytes: bytes)
        #expect(file.symbols == original.symbols)

        // With the section headers gone too, nothing says how long the table is.
        for index in 40..<48 { bytes[index] = 0 }
        #expect(throws: ELFError.self) { try ELFFile(bytes: bytes) }
        #expect(
            throws: ELFError.malformed(
                what: "dynamic section",
                detail: "has DT_SYMTAB but neither DT_HASH, DT_GNU_HASH nor a .dynsym section header")
        ) { try ELFFile(bytes: bytes) }
    }
}
