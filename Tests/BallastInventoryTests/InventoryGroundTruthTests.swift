import BallastImage
import BallastLayers
import BallastTestSupport
import Testing

@testable import BallastInventory

/// The inventory of every test image against its ground truth in `meta/`.
@Suite("Inventory of the real test images")
struct InventoryGroundTruthTests {
    static let images = [
        "slim", "distroless", "app", "whiteout", "official", "official-app", "distroless-node", "distroless-node-dpkg",
        "alpine", "alpine-app",
    ]

    private func inventory(_ name: String) async throws -> Inventory {
        try await InventoryCache.shared.inventory(name)
    }

    @Test("dpkg packages: name, version, architecture and source as dpkg records them", arguments: images)
    func debianPackages(name: String) async throws {
        let inventory = try await inventory(name)
        let meta = try TestImages.shared.meta(name)
        var expected = Set(
            try TestImages.shared.metaTable(name, "dpkg").map {
                "\($0["package"]!) \($0["version"]!) \($0["architecture"]!)"
            })
        if meta["name"] as? String == "distroless-node-dpkg" {
            // The synthetic nodejs record describes the upstream binary and is reported as the runtime.
            expected = expected.filter { !$0.hasPrefix("nodejs ") }
        }
        let actual = Set(inventory.components(of: .deb).map { "\($0.name) \($0.version) \($0.architecture ?? "")" })
        #expect(
            actual == expected,
            "missing \(expected.subtracting(actual).sorted().prefix(5)), extra \(actual.subtracting(expected).sorted().prefix(5))"
        )
        for row in try TestImages.shared.metaTable(name, "dpkg") where !(row["source"] ?? "").isEmpty {
            let component = inventory.components(of: .deb).first { $0.name == row["package"] }
            let source = row["source"]!.split(separator: " ").first.map(String.init)
            #expect(component == nil || component?.sourceName == source, "\(row)")
        }
    }

    @Test("apk packages: name, version, architecture, origin", arguments: images)
    func alpinePackages(name: String) async throws {
        let inventory = try await inventory(name)
        let expected = Set(
            try TestImages.shared.metaTable(name, "apk").map {
                "\($0["package"]!) \($0["version"]!) \($0["architecture"]!) \($0["origin"]!)"
            })
        let actual = Set(
            inventory.components(of: .apk).map {
                "\($0.name) \($0.version) \($0.architecture ?? "") \($0.sourceName ?? "")"
            })
        #expect(actual == expected)
    }

    @Test("npm packages with their kind: the app's, npm's own, corepack, Debian's", arguments: images)
    func npmPackages(name: String) async throws {
        let inventory = try await inventory(name)
        let expected = Set(
            try TestImages.shared.metaTable(name, "npm").map {
                "\($0["kind"]!) \($0["name"]!) \($0["version"]!) \($0["path"]!)"
            })
        let actual = Set(
            inventory.components(of: .npm).map { "\($0.origin ?? "") \($0.name) \($0.version) \($0.paths[0])" })
        #expect(
            actual == expected,
            "missing \(expected.subtracting(actual).sorted().prefix(5)), extra \(actual.subtracting(expected).sorted().prefix(5))"
        )
        if name == "whiteout" {
            // Its lockfiles still name what a later layer removed or replaced, on purpose.
            #expect(
                inventory.warnings.map(\.description) == [
                    "/app/package-lock.json: the lockfile disagrees with node_modules, which is reported: "
                        + "lodash@4.17.20 (not installed), minimist@1.2.5 (installed: 1.2.8)"
                ])
        } else {
            #expect(inventory.warnings.isEmpty, "\(inventory.warnings)")
        }
    }

    @Test("one Node.js runtime, with its version read from the files and where it came from", arguments: images)
    func nodeRuntime(name: String) async throws {
        let inventory = try await inventory(name)
        let meta = try TestImages.shared.meta(name)
        let node = meta["node"] as? [String: Any] ?? [:]
        let runtimes = inventory.components(of: .nodeRuntime)
        #expect(runtimes.count == 1)
        let runtime = try #require(runtimes.first)
        #expect(runtime.version == node["version"] as? String)
        let source = meta["node_source"] as? String ?? ""
        #expect(runtime.origin == (source == "debian" ? "distribution" : "upstream"))
        #expect(runtime.ownerPackage == (source == "debian" ? "nodejs" : nil))
        #expect(runtime.layer != nil)
    }
}

/// Each image's inventory, built once for all the tests that look at it.
actor InventoryCache {
    static let shared = InventoryCache()
    private var built: [String: Task<Inventory, any Error>] = [:]

    func inventory(_ name: String) async throws -> Inventory {
        if let task = built[name] { return try await task.value }
        let task = Task {
            let entry = try TestImages.shared.entry(name)
            let image = try await ImageOpener().open("oci:\(entry.ociDirectory):\(entry.ociRef)")
            let filesystem = try await FilesystemReader(image: image).read(requests: InventoryBuilder.contentRequests)
            return try InventoryBuilder.build(image: image, filesystem: filesystem)
        }
        built[name] = task
        return try await task.value
    }
}

@Suite("Native code in the real test images")
struct NativeCodeInventoryTests {
    @Test(
        "each app addon's verdict is what really happened when node loaded it",
        arguments: ["app", "official-app", "alpine-app"])
    func addonVerdicts(name: String) async throws {
        let inventory = try await InventoryCache.shared.inventory(name)
        let meta = try TestImages.shared.meta(name)
        let load = try #require(meta["native_addon_load"] as? [String: Any])
        let addons = inventory.nativeAddons
        #expect(addons.map(\.path) == (meta["native_addons"] as? [String] ?? []))
        let addon = try #require(addons.first)
        #expect(addon.package == "@testimages/native-hello@1.0.0")
        if load["loads"] as? Bool == true {
            #expect(addon.verdict == "compatible", "\(addon.reasons)")
        } else {
            #expect(addon.verdict == "incompatible")
            #expect(addon.reasons.contains { $0.contains("__sprintf_chk") })
            #expect((load["error"] as? String ?? "").contains("__sprintf_chk"))
        }
    }

    @Test("OS packages are marked linked into node exactly when node or an addon loads their files")
    func linkedPackages() async throws {
        let official = try await InventoryCache.shared.inventory("official")
        let linked = Set(official.components(of: .deb).filter { $0.linkedIntoNode == true }.map(\.name))
        // The upstream node needs libstdc++, libgcc_s, libm and libc, as its DT_NEEDED says.
        let node = (try TestImages.shared.meta("official")["node_binaries"] as? [[String: Any]])?.first
        let needed: [String] = node?["needed"] as? [String] ?? []
        #expect(needed.contains("libstdc++.so.6"))
        #expect(linked == ["libc6", "libgcc-s1", "libstdc++6"])
        #expect(official.components(of: .deb).allSatisfy { $0.linkedIntoNode != nil })

        let debianNode = try await InventoryCache.shared.inventory("slim")
        let debianLinked = Set(debianNode.components(of: .deb).filter { $0.linkedIntoNode == true }.map(\.name))
        #expect(debianLinked.isSuperset(of: ["nodejs", "libnode108", "libuv1", "libssl3", "libc6"]))
        #expect(!debianLinked.contains("bash"))
    }
}
