import BallastLayers
import Foundation
import Testing

@testable import BallastInventory

/// Tiny shared objects built with gcc in the test, judged against the real images' libraries.
@Suite("Synthetic addons against the test images")
struct SyntheticAddonTests {
    static let printfSource = """
        #include <stdio.h>
        int hello(int value) { printf("hello %d\\n", value); return value + 1; }
        """

    static let fortifiedSource = """
        #include <stdio.h>
        int hello(char *out, int value) { return sprintf(out, "hello %d", value); }
        """

    static func build(_ source: String, _ flags: [String]) throws -> NativeObject {
        let url = try ImageFiles.compileSharedObject(source, name: "synthetic", extraFlags: flags)
        return NativeObject(
            path: "/app/native/synthetic.node", file: try ELFFile(bytes: [UInt8](try Data(contentsOf: url))))
    }

    @Test("importing only printf and the weak __cxa_finalize, a glibc build loads on musl")
    func printfOnMusl() async throws {
        let addon = try Self.build(Self.printfSource, ["-O0", "-fno-stack-protector"])
        #expect(addon.file.undefinedSymbols.filter { !$0.isWeak }.map(\.description) == ["printf@GLIBC_2.2.5"])
        #expect(addon.file.undefinedSymbols.contains { $0.description == "__cxa_finalize@GLIBC_2.2.5" && $0.isWeak })

        let report = try await ImageFilesystems.compatibility("alpine").judge(addon)
        #expect(report.verdict == .compatible, "\(report.findings)")
        #expect(report.libraries.map(\.path) == ["/lib/ld-musl-x86_64.so.1"])
    }

    @Test(
        "a fortified sprintf loads on glibc but not on musl, failing when binding says",
        arguments: [(["-Wl,-z,now"], true), (["-Wl,-z,lazy"], false)])
    func fortifiedSprintf(flags: [String], bindNow: Bool) async throws {
        let addon = try Self.build(Self.fortifiedSource, ["-O2", "-D_FORTIFY_SOURCE=2"] + flags)
        #expect(addon.file.bindNow == bindNow)
        #expect(addon.file.undefinedSymbols.contains { $0.description == "__sprintf_chk@GLIBC_2.3.4" })

        let glibc = try await ImageFilesystems.compatibility("app").judge(addon)
        #expect(glibc.verdict == .compatible, "\(glibc.findings)")

        let musl = try await ImageFilesystems.compatibility("alpine").judge(addon)
        #expect(musl.verdict == .incompatible)
        #expect(musl.findings.map(\.subject) == ["__sprintf_chk"])
        let expectedNote =
            bindNow
            ? "the object is linked with BIND_NOW, so the loader binds every symbol at load time: loading fails "
                + "(require() throws ERR_DLOPEN_FAILED)"
            : "the object binds lazily: loading succeeds and the first call to a missing function fails "
                + "(glibc exits with 'symbol lookup error'; musl crashes with SIGSEGV); "
                + "a missing variable fails at load"
        #expect(musl.notes.last == expectedNote)
    }

    @Test("a need for GLIBC_2.38 is incompatible with glibc 2.36, as readelf shows the need")
    func newerGlibc() async throws {
        let url = try ImageFiles.compileSharedObject(Self.printfSource, name: "newer", extraFlags: ["-O0"])
        var bytes = [UInt8](try Data(contentsOf: url))
        // Rename the version the object needs, in .dynstr, to one glibc 2.36 lacks.
        let old = Array("GLIBC_2.2.5\0".utf8)
        let new = Array("GLIBC_2.38\0\0".utf8)
        let at = try #require((0...(bytes.count - old.count)).first { bytes[$0..<($0 + old.count)].elementsEqual(old) })
        bytes.replaceSubrange(at..<(at + old.count), with: new)
        let patched = url.deletingLastPathComponent().appendingPathComponent("patched.so")
        try Data(bytes).write(to: patched, options: .atomic)
        #expect(try ReadelfOracle(url: patched).versions().needs.contains("libc.so.6:GLIBC_2.38"))

        let addon = NativeObject(path: "/app/native/newer.node", file: try ELFFile(bytes: bytes))
        let report = try await ImageFilesystems.compatibility("app").judge(addon)
        #expect(report.verdict == .incompatible)
        #expect(
            report.findings.first?.description
                == "/app/native/newer.node needs version GLIBC_2.38 of libc.so.6, which "
                + "/lib/x86_64-linux-gnu/libc.so.6 does not define (the image's glibc is 2.36)")
        #expect(report.findings.contains { $0.kind == .missingSymbol && $0.description.contains("printf@GLIBC_2.38") })
    }

    @Test("a library beside the addon is found through $ORIGIN, and named with the folders searched when absent")
    func originLibrary() async throws {
        let dependency = try ImageFiles.compileSharedObject(
            "int dep_value(void) { return 42; }", name: "libdep", extraFlags: ["-Wl,-soname,libdep.so"])
        let source = "int dep_value(void);\nint hello(void) { return dep_value(); }\n"
        let url = try ImageFiles.compileSharedObject(
            source, name: "addon", extraFlags: [dependency.path, "-Wl,-rpath,$ORIGIN/lib"])
        let addon = NativeObject(
            path: "/app/native/addon.node", file: try ELFFile(bytes: [UInt8](try Data(contentsOf: url))))
        #expect(addon.file.needed.first == "libdep.so")
        #expect(addon.file.runpath == "$ORIGIN/lib")

        let filesystem = try await ImageFilesystems.filesystem("app")
        let platform = try ImageFilesystems.platform("app")
        let image = LibraryResolver(filesystem: filesystem, platform: platform)
        let extra = ["/app/native/lib/libdep.so": try ELFFile(bytes: [UInt8](try Data(contentsOf: dependency)))]
        // A resolver built from closures: the image's files plus one more.
        let overlay = LibraryResolver(
            searchPath: image.searchPath,
            fileExists: { path in
                extra[path] != nil || ((try? filesystem.resolvedNode(path))?.kind == .file)
            },
            loadLibrary: { path in
                if let file = extra[path] { return .success(file) }
                guard let scanned = try? filesystem.scanResult(for: path, as: ELFScanResult.self) else { return nil }
                return scanned.mapError { $0 }
            })

        let found = NativeCompatibility(platform: platform, resolver: overlay).judge(addon)
        #expect(found.verdict == .compatible, "\(found.findings)")
        #expect(found.libraries.first?.path == "/app/native/lib/libdep.so")

        let missing = NativeCompatibility(platform: platform, resolver: image).judge(addon)
        #expect(missing.verdict == .incompatible)
        let searched = (["/app/native/lib"] + image.searchPath.directories).joined(separator: ", ")
        #expect(
            missing.findings.map(\.description) == [
                "libdep.so, needed by /app/native/addon.node, is not in the image (searched \(searched))"
            ])
    }
}
