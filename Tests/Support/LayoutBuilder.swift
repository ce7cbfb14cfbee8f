import BallastDigest
import Foundation

/// Builds small OCI image layouts in a temporary folder from layers made with ``TarWriter``.
///
/// Each blob is stored by digest, as the image-layout spec requires; the gzip layers are
/// compressed with the system's `gzip`, so they are real gzip streams.
public struct LayoutBuilder {
    public let root: URL
    public private(set) var layers: [(digest: String, size: Int, diffID: String, mediaType: String)] = []

    public init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-layout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("blobs/sha256"), withIntermediateDirectories: true)
        try Data(#"{"imageLayoutVersion":"1.0.0"}"#.utf8).write(to: root.appendingPathComponent("oci-layout"))
    }

    /// Adds a layer; `gzip: false` stores the plain tar.
    public mutating func addLayer(_ tar: [UInt8], gzip: Bool = true) throws {
        let diffID = SHA256Hasher.hash(tar).description
        let blob = gzip ? try Self.gzip(tar) : tar
        let digest = try writeBlob(blob)
        let type = gzip ? "application/vnd.oci.image.layer.v1.tar+gzip" : "application/vnd.oci.image.layer.v1.tar"
        layers.append((digest, blob.count, diffID, type))
    }

    /// Writes config, manifest and index.json; returns the manifest digest.
    @discardableResult
    public func finish(
        tag: String = "latest", architecture: String = "amd64", config extra: [String: Any] = [:],
        layerMediaType: String? = nil
    ) throws -> String {
        var config: [String: Any] = [
            "architecture": architecture, "os": "linux",
            "rootfs": ["type": "layers", "diff_ids": layers.map(\.diffID)],
            "history": layers.map { _ in ["created_by": "test layer"] },
        ]
        config.merge(extra) { $1 }
        let configBytes = try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys])
        let configDigest = try writeBlob([UInt8](configBytes))
        let manifest: [String: Any] = [
            "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": [
                "mediaType": "application/vnd.oci.image.config.v1+json", "digest": configDigest,
                "size": configBytes.count,
            ],
            "layers": layers.map {
                ["mediaType": layerMediaType ?? $0.mediaType, "digest": $0.digest, "size": $0.size]
            },
        ]
        let manifestBytes = try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
        let manifestDigest = try writeBlob([UInt8](manifestBytes))
        let index: [String: Any] = [
            "schemaVersion": 2,
            "manifests": [
                [
                    "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": manifestDigest,
                    "size": manifestBytes.count, "annotations": ["org.opencontainers.image.ref.name": tag],
                ]
            ],
        ]
        try JSONSerialization.data(withJSONObject: index).write(to: root.appendingPathComponent("index.json"))
        return manifestDigest
    }

    /// The file of a blob, for tests that damage it.
    public func blobURL(_ digest: String) -> URL {
        root.appendingPathComponent("blobs/sha256/" + digest.dropFirst("sha256:".count))
    }

    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    private func writeBlob(_ bytes: [UInt8]) throws -> String {
        let digest = SHA256Hasher.hash(bytes).description
        try Data(bytes).write(to: blobURL(digest))
        return digest
    }

    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", "-n"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(bytes))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }
}
