import Foundation
import Testing

@testable import BallastInventory

@Suite("Native platforms and in-memory images")
struct NativePlatformTests {
    @Test(
        "musl answers its own names and leaves the rest to the search path",
        arguments: [
            ("libc.so.6", true), ("libc.so", true), ("libm.so.6", true), ("libpthread.so.0", true),
            ("libdl.so.2", true), ("librt.so.1", true), ("libutil.so.1", true), ("libxnet.so", true),
            ("libc.musl-x86_64.so.1", true), ("ld-musl-x86_64.so.1", true), ("ld-linux-x86-64.so.2", false),
            ("libcrypto.so.3", false), ("libmagic.so.1", false), ("libstdc++.so.6", false), ("libdlx.so", false),
        ])
    func muslBuiltIns(name: String, builtIn: Bool) {
        #expect(NativePlatform(machine: .x86_64, libc: .musl).isMuslBuiltIn(name) == builtIn)
        #expect(!NativePlatform(machine: .x86_64, libc: .glibc).isMuslBuiltIn(name))
    }

    @Test(
        "OCI architectures map to ELF machines",
        arguments: [
            ("amd64", "x86-64"), ("arm64", "aarch64"), ("386", "i386"), ("s390x", "s390"), ("ppc64le", "ppc64"),
        ])
    func architectures(architecture: String, machine: String) throws {
        #expect(try #require(ELFMachine(ociArchitecture: architecture)).description == machine)
        let libc = SystemFacts.Libc(family: "musl", version: "1.2.5", versionSource: nil)
        #expect(NativePlatform(architecture: architecture, libc: libc)?.libcVersion == "1.2.5")
        #expect(NativePlatform(architecture: "sparc", libc: libc) == nil)
    }

    @Test(
        "a library that exists but cannot be read makes the verdict unknown",
        arguments: [
            (
                ELFScanResult.failure(.truncated(what: "ELF header", offset: 0, size: 64, fileSize: 10))
                    as ELFScanResult?,
                "libc.so.6, needed by /app/a.node, is /lib/x86_64-linux-gnu/libc.so.6 but it could not be read: "
                    + "truncated ELF file: the ELF header at offset 0x0 (64 bytes) runs past the end of the file "
                    + "(10 bytes); the file is damaged or was cut short"
            ),
            (
                nil,
                "libc.so.6, needed by /app/a.node, is /lib/x86_64-linux-gnu/libc.so.6 but it could not be read: its "
                    + "contents were not read"
            ),
        ])
    func unreadableLibrary(result: ELFScanResult?, message: String) throws {
        let url = try ImageFiles.compileSharedObject(SyntheticAddonTests.printfSource, name: "a", extraFlags: ["-O0"])
        let addon = NativeObject(path: "/app/a.node", file: try ELFFile(bytes: [UInt8](try Data(contentsOf: url))))
        let resolver = LibraryResolver(
            searchPath: LibrarySearchPath(directories: ["/lib/x86_64-linux-gnu"]),
            fileExists: { $0 == "/lib/x86_64-linux-gnu/libc.so.6" },
            loadLibrary: { _ in result?.mapError { $0 } })
        let report = NativeCompatibility(platform: NativePlatform(machine: .x86_64, libc: .glibc), resolver: resolver)
            .judge(addon)
        #expect(report.verdict == .unknown)
        #expect(report.findings.map(\.description) == [message])
        #expect(
            report.notes == [
                "imported symbols were not checked, because not every library /app/a.node needs was read"
            ])
    }

    @Test("a file that is not ELF is passed over, as glibc's loader passes over a linker script")
    func linkerScriptSkipped() throws {
        let url = try ImageFiles.compileSharedObject(SyntheticAddonTests.printfSource, name: "a", extraFlags: ["-O0"])
        let addon = NativeObject(path: "/app/a.node", file: try ELFFile(bytes: [UInt8](try Data(contentsOf: url))))
        let resolver = LibraryResolver(
            searchPath: LibrarySearchPath(directories: ["/usr/lib", "/lib"]),
            fileExists: { $0 == "/usr/lib/libc.so.6" },
            loadLibrary: { _ in .failure(ELFError.notELF) })
        let report = NativeCompatibility(platform: NativePlatform(machine: .x86_64, libc: .glibc), resolver: resolver)
            .judge(addon)
        #expect(report.verdict == .incompatible)
        #expect(
            report.findings.map(\.description) == [
                "libc.so.6, needed by /app/a.node, is not in the image (searched /usr/lib, /lib)"
            ])
    }
}
