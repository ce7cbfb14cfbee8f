import BallastTestSupport
import Foundation
import Testing

@testable import BallastInventory

@Suite("Native code against the test images")
struct NativeCompatibilityTests {
    static let appImages = ["app", "official-app", "alpine-app"]

    /// The app's addon as parsed from the image, with its meta record.
    static func addon(_ image: String) async throws -> (object: NativeObject, details: [String: Any]) {
        let meta = try TestImages.shared.meta(image)
        let details = try #require((meta["native_addon_details"] as? [[String: Any]])?.first)
        let path = try #require(details["path"] as? String)
        let bytes = try #require(try await ImageFilesystems.filesystem(image).contents(of: path))
        return (NativeObject(path: "/" + path, file: try ELFFile(bytes: bytes)), meta)
    }

    @Test("the addon's verdict is what meta's native_addon_load saw", arguments: appImages)
    func addonVerdict(image: String) async throws {
        let (addon, meta) = try await Self.addon(image)
        let load = try #require(meta["native_addon_load"] as? [String: Any])
        let loads = try #require(load["loads"] as? Bool)
        let report = try await ImageFilesystems.compatibility(image).judge(addon)

        #expect(report.verdict == (loads ? .compatible : .incompatible), "\(report.findings)")
        if loads {
            #expect(report.findings.isEmpty)
            #expect(report.libraries.map(\.name) == addon.file.needed + ["ld-linux-x86-64.so.2"])
            #expect(report.notes.contains { $0.contains("napi_create_function") })
        } else {
            // The loader's message names the symbol: "...: __sprintf_chk: symbol not found".
            let error = try #require(load["error"] as? String)
            let missing = report.findings.filter { $0.kind == .missingSymbol }
            #expect(!missing.isEmpty)
            #expect(missing.allSatisfy { error.contains("\($0.subject): symbol not found") })
            #expect(
                missing.map(\.description) == [
                    "\(addon.path) imports __sprintf_chk@GLIBC_2.3.4, which is not defined by musl's libc "
                        + "(/lib/ld-musl-x86_64.so.1) or any other library it loads, and musl ignores symbol versions"
                ])
            #expect(report.notes.last?.hasPrefix("the object is linked with BIND_NOW") == true)
        }
    }

    @Test("with node as the host, the addon's N-API imports resolve", arguments: appImages)
    func addonWithHost(image: String) async throws {
        let (addon, meta) = try await Self.addon(image)
        let loads = try #require((meta["native_addon_load"] as? [String: Any])?["loads"] as? Bool)
        let host = try await ImageFilesystems.node(image)
        let report = try await ImageFilesystems.compatibility(image).judge(addon, loadedBy: host)

        #expect(report.verdict == (loads ? .compatible : .incompatible), "\(report.findings)")
        #expect(!report.notes.contains { $0.contains("napi_") })
        #expect(report.findings.allSatisfy { $0.subject == "__sprintf_chk" })
    }

    @Test("node binaries load on their own image", arguments: ["official", "alpine", "app"])
    func nodeOnItsImage(image: String) async throws {
        let node = try await ImageFilesystems.node(image)
        let report = try await ImageFilesystems.compatibility(image).judge(node)
        #expect(report.verdict == .compatible, "\(report.findings)")
        let needed = try #require(
            (try TestImages.shared.meta(image)["node_binaries"] as? [[String: Any]])?.first?["needed"] as? [String])
        #expect(Set(needed).isSubset(of: Set(report.libraries.map(\.name))))
    }

    @Test("the glibc node binary cannot start on Alpine: no interpreter, no ld-linux")
    func glibcNodeOnAlpine() async throws {
        let node = try await ImageFilesystems.node("official")
        let report = try await ImageFilesystems.compatibility("alpine").judge(node)
        #expect(report.verdict == .incompatible)
        #expect(report.findings.first?.subject == "/lib64/ld-linux-x86-64.so.2")
        #expect(
            report.findings.first?.description
                == "the program interpreter /lib64/ld-linux-x86-64.so.2 of \(node.path) is not in the image, so it "
                + "cannot start")
        #expect(report.findings.contains { $0.kind == .missingLibrary && $0.subject == "ld-linux-x86-64.so.2" })
    }

    @Test("the musl node's bundled C++ runtime resolves through musl's default path, not its RPATH")
    func muslNodeLibraries() async throws {
        let node = try await ImageFilesystems.node("alpine")
        let report = try await ImageFilesystems.compatibility("alpine").judge(node)
        let unowned = try #require(
            try TestImages.shared.meta("alpine")["unowned_shared_libraries"] as? [[String: Any]])
        for library in unowned {
            let soname = try #require(library["soname"] as? String)
            let path = try #require(library["path"] as? String)
            #expect(report.libraries.contains { $0.name == soname && $0.path == "/" + path })
        }
    }

    @Test("an addon for another machine is incompatible before anything else")
    func otherMachine() async throws {
        var (addon, _) = try await Self.addon("app")
        addon.file.machine = .aarch64
        let report = try await ImageFilesystems.compatibility("app").judge(addon)
        #expect(report.verdict == .incompatible)
        #expect(
            report.findings.map(\.description) == [
                "\(addon.path) is built for aarch64, but the image runs on x86-64"
            ])
    }
}
