import BallastTestSupport
import Foundation
import Testing

/// `ballast inspect` on the real test images, checked against each image's ground truth.
@Suite("ballast inspect")
struct InspectCommandTests {
    private func inspect(_ input: String) throws -> [String: Any] {
        let result = try BallastProcess.run(["inspect", "--quiet", "--format", "json", input])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try #require(object as? [String: Any])
    }

    @Test(
        "the JSON report agrees with meta/<name>.json",
        arguments: ["slim", "distroless", "app", "official", "distroless-node", "alpine"])
    func reportMatchesGroundTruth(name: String) throws {
        let entry = try TestImages.shared.entry(name)
        let meta = try TestImages.shared.meta(name)
        let report = try inspect("oci:\(entry.ociDirectory):\(entry.ociRef)")

        #expect(report["manifestDigest"] as? String == meta["manifest_digest"] as? String)
        #expect(report["configDigest"] as? String == meta["config_digest"] as? String)
        #expect(report["compressedSize"] as? Int == meta["compressed_bytes"] as? Int)
        #expect(report["uncompressedSize"] as? Int == meta["uncompressed_bytes"] as? Int)
        let layers = report["layers"] as? [[String: Any]] ?? []
        let expectedLayers = meta["layers"] as? [[String: Any]] ?? []
        #expect(layers.map { $0["createdBy"] as? String } == expectedLayers.map { $0["created_by"] as? String })
        #expect(
            layers.map { $0["uncompressedSize"] as? Int } == expectedLayers.map { $0["uncompressed_bytes"] as? Int })

        let config = report["config"] as? [String: Any] ?? [:]
        #expect((config["user"] as? String ?? "") == (meta["user"] as? String ?? ""))
        #expect(config["entrypoint"] as? [String] == meta["entrypoint"] as? [String])
        #expect(config["nodeVersion"] as? String == meta["node_version_env"] as? String)

        let system = report["system"] as? [String: Any] ?? [:]
        let os = system["os"] as? [String: Any] ?? [:]
        let distro = meta["distro"] as? [String: Any] ?? [:]
        #expect(os["id"] as? String == distro["id"] as? String)
        #expect(os["versionID"] as? String == distro["version_id"] as? String)
        let libc = system["libc"] as? [String: Any] ?? [:]
        let expectedLibc = meta["libc"] as? [String: Any] ?? [:]
        #expect(libc["family"] as? String == expectedLibc["family"] as? String)
        #expect(libc["version"] as? String == expectedLibc["version"] as? String)
        #expect((system["shell"] != nil) == (meta["has_shell"] as? Bool))
        let managers = system["packageManagers"] as? [String] ?? []
        #expect(managers.contains("dpkg") == (meta["has_dpkg"] as? Bool))
        #expect(managers.contains("apt") == (meta["has_apt"] as? Bool))
        #expect(managers.contains("apk") == (meta["has_apk"] as? Bool))
        let node = meta["node"] as? [String: Any] ?? [:]
        let nodePaths = (system["nodePaths"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(nodePaths.first == "/" + (node["path"] as? String ?? ""))

        let packages = report["packages"] as? [String: Any] ?? [:]
        let byKind = packages["byKind"] as? [String: Int] ?? [:]
        #expect(byKind["deb", default: 0] == meta["dpkg_package_count"] as? Int)
        #expect(byKind["apk", default: 0] == meta["apk_package_count"] as? Int)
        #expect(packages["npmByOrigin"] as? [String: Int] == meta["npm_kind_counts"] as? [String: Int])
        let runtimes = packages["runtimes"] as? [[String: Any]] ?? []
        #expect(runtimes.map { $0["version"] as? String } == [node["version"] as? String])
    }

    @Test("the table names the image's essentials")
    func table() throws {
        let entry = try TestImages.shared.entry("alpine")
        let result = try BallastProcess.run(["inspect", "oci:\(entry.ociDirectory)"], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("libc           musl 1.2.5\n"))
        #expect(result.stdout.contains("OS             Alpine Linux v3.20\n"))
        #expect(result.stdout.contains("node           /usr/local/bin/node\n"))
        #expect(result.stdout.contains("npm binary     /usr/local/bin/npm\n"))
        #expect(!result.stdout.contains("\u{1B}["))
    }
}
