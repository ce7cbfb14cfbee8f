import BallastImage
import BallastLayers
import BallastTestSupport
import Testing

@testable import BallastInventory

/// Damaged package metadata is skipped with a counted warning, never a crash and never a
/// silently shorter inventory.
@Suite("Inventory of damaged metadata")
struct InventoryBadInputTests {
    private func inventory(_ layer: TarWriter) async throws -> Inventory {
        var builder = try LayoutBuilder()
        defer { builder.remove() }
        try builder.addLayer(layer.finished())
        try builder.finish()
        let image = try await ImageOpener().open("oci:\(builder.root.path)")
        let filesystem = try await FilesystemReader(image: image).read(requests: InventoryBuilder.contentRequests)
        return try InventoryBuilder.build(image: image, filesystem: filesystem)
    }

    @Test("a garbled status file keeps its good records and counts the rest")
    func garbledStatus() async throws {
        var layer = TarWriter()
        layer.file(
            "var/lib/dpkg/status",
            """
            Package: good
            Status: install ok installed
            Version: 1.0-1
            Architecture: amd64

            this line is not a field
            Package: noversion
            Status: install ok installed

            Package: removed
            Status: deinstall ok config-files
            Version: 2.0

            Version: 3.0

            """)
        let inventory = try await inventory(layer)
        let debs = inventory.components(of: .deb)
        #expect(debs.map(\.name) == ["good", "removed"])
        #expect(debs.first { $0.name == "removed" }?.status == "config-files")
        #expect(
            inventory.warnings.map(\.description) == [
                "/var/lib/dpkg/status: 1 malformed line skipped (first at line 6)",
                "/var/lib/dpkg/status: package noversion has no Version; skipped",
                "/var/lib/dpkg/status: record at line 14 has no Package; skipped",
            ])
    }

    @Test("a distroless control file with no Version is skipped and counted")
    func statusDWithoutVersion() async throws {
        var layer = TarWriter()
        layer.file("var/lib/dpkg/status.d/libc6", "Package: libc6\nVersion: 2.36-9\nArchitecture: amd64\n")
        layer.file("var/lib/dpkg/status.d/broken", "Package: broken\nArchitecture: amd64\n")
        let inventory = try await inventory(layer)
        #expect(inventory.components(of: .deb).map(\.name) == ["libc6"])
        #expect(
            inventory.warnings.map(\.description) == [
                "/var/lib/dpkg/status.d/broken: package broken has no Version; skipped"
            ])
    }

    @Test("package.json that is not JSON, has a numeric version, or is huge")
    func badManifests() async throws {
        var layer = TarWriter()
        layer.file("app/package.json", #"{"name": "app", "version": "1.0.0"}"#)
        layer.file("app/package-lock.json", #"{"lockfileVersion": 3}"#)
        layer.file("app/node_modules/good/package.json", #"{"name": "good", "version": "1.2.3", "license": "MIT"}"#)
        layer.file("app/node_modules/notjson/package.json", "{ this is not json")
        layer.file("app/node_modules/numeric/package.json", #"{"name": "numeric", "version": 1}"#)
        let huge =
            #"{"name": "huge", "version": "1.0.0", "description": ""# + String(repeating: "x", count: 50 << 20) + #""}"#
        layer.file("app/node_modules/huge/package.json", huge)
        let inventory = try await inventory(layer)
        #expect(inventory.components(of: .npm).map(\.name) == ["app", "good"])
        #expect(
            Set(inventory.warnings.map(\.description)) == [
                "/app/node_modules/notjson/package.json: package.json is not a JSON object; package skipped",
                "/app/node_modules/numeric/package.json: package.json has a non-string version; package skipped",
                "/app/node_modules/huge/package.json: package.json of \(huge.utf8.count) bytes is over the 1 MB limit; package skipped",
            ])
    }

    @Test("symlink loops in node_modules neither hang nor hide the real packages")
    func symlinkLoops() async throws {
        var layer = TarWriter()
        layer.file("app/package.json", #"{"name": "app", "version": "1.0.0"}"#)
        layer.file("app/node_modules/real/package.json", #"{"name": "real", "version": "2.0.0"}"#)
        layer.symlink("app/node_modules/loop", to: "loop")
        layer.symlink("app/node_modules/a", to: "b")
        layer.symlink("app/node_modules/b", to: "a")
        layer.symlink("app/node_modules/real/node_modules/self", to: "../..")
        let inventory = try await inventory(layer)
        #expect(inventory.components(of: .npm).map(\.name) == ["app", "real"])
    }
}

@Suite("npm lockfiles")
struct PackageLockTests {
    @Test("versions 2 and 3 list packages by install path, with aliases and dev flags; links are skipped")
    func packagesSection() throws {
        let text = """
            {"lockfileVersion": 3, "packages": {
              "": {"name": "app", "version": "1.0.0"},
              "node_modules/send/node_modules/ms": {"version": "2.1.1"},
              "node_modules/string-width-cjs": {"name": "string-width", "version": "4.2.3", "dev": true},
              "node_modules/@colors/colors": {"version": "1.5.0"},
              "node_modules/local": {"resolved": "packages/local", "link": true}
            }}
            """
        let lock = try #require(PackageLock(Array(text.utf8)))
        #expect(
            lock.entries == [
                .init(
                    path: "node_modules/@colors/colors", name: "@colors/colors", version: "1.5.0", isDevelopment: false),
                .init(path: "node_modules/send/node_modules/ms", name: "ms", version: "2.1.1", isDevelopment: false),
                .init(
                    path: "node_modules/string-width-cjs", name: "string-width", version: "4.2.3", isDevelopment: true),
            ])
    }

    @Test("version 1 nests dependencies by name")
    func dependenciesSection() throws {
        let text = """
            {"lockfileVersion": 1, "dependencies": {
              "express": {"version": "4.17.1", "dependencies": {"ms": {"version": "2.0.0", "dev": true}}},
              "local": {"version": "file:../local"}
            }}
            """
        let lock = try #require(PackageLock(Array(text.utf8)))
        #expect(lock.entries.map(\.path) == ["node_modules/express", "node_modules/express/node_modules/ms"])
        #expect(lock.entries.last?.isDevelopment == true)
    }

    @Test("an app shipped without node_modules is inventoried from its lockfile")
    func lockfileOnlyApp() async throws {
        var layer = TarWriter()
        layer.file("srv/package.json", #"{"name": "srv", "version": "2.0.0"}"#)
        layer.file(
            "srv/package-lock.json",
            #"{"lockfileVersion": 3, "packages": {"node_modules/lodash": {"version": "4.17.20"}}}"#)
        var builder = try LayoutBuilder()
        defer { builder.remove() }
        try builder.addLayer(layer.finished())
        try builder.finish()
        let image = try await ImageOpener().open("oci:\(builder.root.path)")
        let filesystem = try await FilesystemReader(image: image).read(requests: InventoryBuilder.contentRequests)
        let inventory = try InventoryBuilder.build(image: image, filesystem: filesystem)
        let lodash = try #require(inventory.components(of: .npm).first { $0.name == "lodash" })
        #expect(lodash.origin == "lockfile")
        #expect(lodash.paths == ["srv/package-lock.json"])
    }
}
