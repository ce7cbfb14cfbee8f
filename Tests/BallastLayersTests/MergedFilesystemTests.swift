import BallastArchive
import BallastImage
import BallastTestSupport
import Testing

@testable import BallastLayers

@Suite("Merged file system of the real test images")
struct MergedFilesystemTests {
    static let images = [
        "slim", "distroless", "app", "whiteout", "official", "official-app", "distroless-node", "distroless-node-dpkg",
        "alpine", "alpine-app",
    ]

    @Test("every path, type, size and link target equals the image's ground truth", arguments: images)
    func mergedViewMatchesGroundTruth(name: String) async throws {
        let entry = try TestImages.shared.entry(name)
        let image = try await ImageOpener().open("oci:\(entry.ociDirectory):\(entry.ociRef)")
        let filesystem = try await FilesystemReader(image: image).read()
        let expected = try TestImages.shared.groundTruthFiles(name)

        var actual: [String: GroundTruthFile] = [:]
        for node in filesystem.nodes.values {
            let type: String
            switch node.kind {
            case .file, .hardlink: type = "f"
            case .directory: type = "d"
            case .symlink: type = "l"
            default: type = "o"
            }
            let size = node.kind == .hardlink ? (filesystem.nodes[node.linkTarget ?? ""]?.size ?? -1) : node.size
            actual[node.path] = GroundTruthFile(
                path: node.path, type: type, size: type == "f" ? size : 0,
                link: node.kind == .symlink ? node.linkTarget ?? "" : "")
        }
        let missing = expected.keys.filter { actual[$0] == nil }.sorted()
        let extra = actual.keys.filter { expected[$0] == nil }.sorted()
        let different = expected.keys.filter { actual[$0] != nil && actual[$0] != expected[$0] }.sorted()
        #expect(missing.isEmpty, "missing: \(missing.prefix(10))")
        #expect(extra.isEmpty, "extra: \(extra.prefix(10))")
        #expect(
            different.isEmpty,
            "different: \(different.prefix(5).map { "\(actual[$0]!) vs \(expected[$0]!)" })")
    }

    @Test("whiteouts hide tzdata, lodash and the old minimist; the opaque folder keeps the new one")
    func whiteoutImageHidesDeletedFiles() async throws {
        let entry = try TestImages.shared.entry("whiteout")
        let image = try await ImageOpener().open("oci:\(entry.ociDirectory)")
        let filesystem = try await FilesystemReader(image: image).read(requests: [
            .capture(["app/node_modules/*/package.json"], limit: 1 << 16)
        ])
        #expect(filesystem.node("usr/share/zoneinfo") == nil)
        #expect(filesystem.node("app/node_modules/lodash") == nil)
        let minimist = try #require(try filesystem.text(of: "app/node_modules/minimist/package.json"))
        #expect(minimist.contains("\"version\": \"1.2.8\""))
        // The layer that wrote it is the hand-made one, the last.
        #expect(filesystem.node("app/node_modules/minimist/package.json")?.layer == image.layers.count - 1)
    }

    @Test("per-layer uncompressed sizes equal the lengths of the layer tars")
    func layerSizesMatchGroundTruth() async throws {
        for name in ["app", "alpine"] {
            let entry = try TestImages.shared.entry(name)
            let meta = try TestImages.shared.meta(name)
            let expected = (meta["layers"] as? [[String: Any]] ?? []).compactMap { $0["uncompressed_bytes"] as? Int }
            for input in ["oci:\(entry.ociDirectory)", "docker-archive:\(entry.dockerArchive)"] {
                let image = try await ImageOpener().open(input)
                let filesystem = try await FilesystemReader(image: image).read()
                #expect(filesystem.layerSizes.map { Int($0) } == expected, "\(input)")
            }
        }
    }
}
