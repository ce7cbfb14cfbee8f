import BallastImage
import BallastTestSupport
import Testing

@testable import BallastLayers

/// Layers built in the test, so each merge rule is seen in isolation.
@Suite("Layer merge rules")
struct LayerMergeTests {
    private func merged(_ layers: [TarWriter], requests: [ContentRequest] = []) async throws -> MergedFilesystem {
        var builder = try LayoutBuilder()
        defer { builder.remove() }
        for layer in layers {
            try builder.addLayer(layer.finished())
        }
        try builder.finish()
        let image = try await ImageOpener().open("oci:\(builder.root.path)")
        return try await FilesystemReader(image: image).read(requests: requests)
    }

    @Test("a whiteout hides the path and everything under it, but not what its own layer adds")
    func whiteoutHidesLowerLayersOnly() async throws {
        var base = TarWriter()
        base.directory("etc")
        base.file("etc/a", "a")
        base.directory("etc/sub")
        base.file("etc/sub/b", "b")
        var top = TarWriter()
        top.file("etc/.wh.sub", "")
        top.file("etc/sub/new", "n")
        top.file("etc/.wh.a", "")
        let filesystem = try await merged([base, top])
        #expect(filesystem.node("etc/a") == nil)
        #expect(filesystem.node("etc/sub/b") == nil)
        #expect(filesystem.node("etc/sub/new")?.layer == 1)
        #expect(filesystem.node("etc/.wh.a") == nil)
    }

    @Test("an opaque marker empties the folder of lower-layer entries")
    func opaqueDirectory() async throws {
        var base = TarWriter()
        base.file("app/old.js", "old")
        base.file("app/keep/x", "x")
        base.file("other", "o")
        var top = TarWriter()
        top.directory("app")
        top.file("app/.wh..wh..opq", "")
        top.file("app/new.js", "new")
        let filesystem = try await merged([base, top])
        #expect(filesystem.node("app/old.js") == nil)
        #expect(filesystem.node("app/keep/x") == nil)
        #expect(filesystem.node("app/new.js") != nil)
        #expect(filesystem.node("other") != nil)
    }

    @Test("a file replacing a folder removes the folder's contents")
    func fileReplacesDirectory() async throws {
        var base = TarWriter()
        base.directory("data")
        base.file("data/inner", "i")
        var top = TarWriter()
        top.file("data", "now a file")
        let filesystem = try await merged([base, top])
        #expect(filesystem.node("data")?.kind == .file)
        #expect(filesystem.node("data/inner") == nil)
    }

    @Test("links resolve inside the root: absolute, relative, through folders, never above /")
    func symlinkResolution() async throws {
        var layer = TarWriter()
        layer.directory("usr/lib")
        layer.file("usr/lib/os-release", "ID=test\n")
        layer.symlink("etc/os-release", to: "../usr/lib/os-release")
        layer.symlink("lib", to: "usr/lib")
        layer.symlink("escape", to: "../../../../usr/lib/os-release")
        layer.symlink("abs", to: "/lib/os-release")
        layer.hardlink("usr/lib/copy", to: "usr/lib/os-release")
        let filesystem = try await merged([layer], requests: [.capture(["usr/lib/*"])])
        #expect(try filesystem.resolve("etc/os-release") == "usr/lib/os-release")
        #expect(try filesystem.resolve("lib/os-release") == "usr/lib/os-release")
        #expect(try filesystem.resolve("escape") == "usr/lib/os-release")
        #expect(try filesystem.resolve("abs") == "usr/lib/os-release")
        #expect(try filesystem.resolve("etc/os-release", followFinal: false) == "etc/os-release")
        #expect(try filesystem.text(of: "etc/os-release") == "ID=test\n")
        #expect(try filesystem.text(of: "usr/lib/copy") == "ID=test\n")
        #expect(try filesystem.resolve("lib/missing") == nil)
    }

    @Test("a symlink loop is an error, not a hang")
    func symlinkLoop() async throws {
        var layer = TarWriter()
        layer.symlink("a", to: "b")
        layer.symlink("b", to: "a")
        let filesystem = try await merged([layer])
        #expect(throws: LayersError.symlinkLoop(path: "a/x")) { try filesystem.resolve("a/x") }
        #expect(
            LayersError.symlinkLoop(path: "a").description
                == "/a: too many levels of symbolic links (a loop inside the image)")
    }

    @Test("files the first pass did not capture can be extracted afterwards")
    func extractAfterThePass() async throws {
        var layer = TarWriter()
        layer.file("opt/big.txt", String(repeating: "x", count: 5000))
        var builder = try LayoutBuilder()
        defer { builder.remove() }
        try builder.addLayer(layer.finished())
        try builder.finish()
        let image = try await ImageOpener().open("oci:\(builder.root.path)")
        let reader = FilesystemReader(image: image)
        var filesystem = try await reader.read()
        #expect(try filesystem.contents(of: "opt/big.txt") == nil)
        try reader.extract(["opt/big.txt"], limit: 10_000, into: &filesystem)
        #expect(try filesystem.contents(of: "opt/big.txt")?.count == 5000)
    }

    @Test("names longer than 100 bytes survive (pax headers)")
    func longNames() async throws {
        let long = "app/node_modules/" + String(repeating: "deep/", count: 25) + "package.json"
        var layer = TarWriter()
        layer.file(long, "{}")
        let filesystem = try await merged([layer])
        #expect(filesystem.node(long) != nil)
    }
}
