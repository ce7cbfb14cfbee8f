import BallastArchive
import BallastCore
import BallastDigest
import BallastLayers
import BallastTestSupport
import Foundation
import Testing

@testable import BallastImage

/// Every way a local image can be broken gives one clear message naming it.
@Suite("Bad local images")
struct BadInputTests {
    private func layout() throws -> LayoutBuilder {
        var builder = try LayoutBuilder()
        var layer = TarWriter()
        layer.file("etc/os-release", "ID=test\n")
        try builder.addLayer(layer.finished())
        return builder
    }

    private func message(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
            return nil
        } catch let error as any BallastError {
            return error.description
        } catch {
            return "unexpected error: \(error)"
        }
    }

    private func readAll(_ input: String, platform: Platform = .linuxAMD64, explicit: Bool = false) async throws {
        let opener = ImageOpener(options: .init(platform: platform, platformIsExplicit: explicit))
        let image = try await opener.open(input)
        _ = try await FilesystemReader(image: image).read()
    }

    @Test("a missing path")
    func missingPath() async {
        let text = await message { try await readAll("oci:/nonexistent/image") }
        #expect(
            text
                == "/nonexistent/image: no such file or directory; check the path (oci:DIR, oci-archive:FILE, docker-archive:FILE)"
        )
    }

    @Test("a folder that is not a layout")
    func notALayout() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = await message { try await readAll("oci:\(folder.path)") }
        #expect(
            text
                == "\(folder.path) is not an OCI image layout (no oci-layout file); point oci: at a folder holding oci-layout and index.json"
        )
    }

    @Test("a truncated archive")
    func truncatedTar() async throws {
        let entry = try TestImages.shared.entry("distroless-node")
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ballast-trunc-\(UUID().uuidString).tar")
        let data = try Data(contentsOf: URL(fileURLWithPath: entry.dockerArchive))
        try data.prefix(data.count / 2).write(to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let text = await message { try await readAll("docker-archive:\(copy.path)") }
        #expect(text == "\(copy.path) is truncated; the file was cut short, export or download it again")
    }

    @Test("a truncated gzip layer is caught by its size before it is read")
    func truncatedGzip() async throws {
        let builder = try layout()
        defer { builder.remove() }
        try builder.finish()
        let layer = builder.layers[0]
        let blob = builder.blobURL(layer.digest)
        let bytes = try Data(contentsOf: blob)
        try bytes.prefix(bytes.count - 10).write(to: blob)
        let text = await message { try await readAll("oci:\(builder.root.path)") }
        #expect(
            text
                == "\(builder.root.path): layer \(layer.digest) is \(layer.size - 10) bytes, but its descriptor says \(layer.size); the blob is corrupt or truncated"
        )
    }

    @Test("a layer whose bytes differ from its digest")
    func digestMismatch() async throws {
        let builder = try layout()
        defer { builder.remove() }
        try builder.finish()
        let layer = builder.layers[0]
        let blob = builder.blobURL(layer.digest)
        var bytes = [UInt8](try Data(contentsOf: blob))
        bytes[bytes.count - 9] ^= 0xFF  // inside the gzip trailer's CRC: still the same size
        try Data(bytes).write(to: blob)
        let text = await message { try await readAll("oci:\(builder.root.path)") }
        let actual = SHA256Hasher.hash(bytes)
        #expect(
            text
                == "layer \(layer.digest) should have digest \(layer.digest) but has \(actual); the blob is corrupt or was altered"
        )
    }

    @Test("an unknown layer media type")
    func unknownMediaType() async throws {
        let builder = try layout()
        defer { builder.remove() }
        try builder.finish(layerMediaType: "application/vnd.example.weird")
        let text = await message { try await readAll("oci:\(builder.root.path)") }
        #expect(
            text
                == "\(builder.root.path): the layer \(builder.layers[0].digest) has media type 'application/vnd.example.weird', which Ballast cannot read; only OCI and Docker schema 2 images are supported"
        )
    }

    @Test("no image for the requested platform")
    func noMatchingPlatform() async throws {
        let builder = try layout()
        defer { builder.remove() }
        try builder.finish()
        let text = await message {
            try await readAll(
                "oci:\(builder.root.path)", platform: Platform(os: "linux", architecture: "arm64"), explicit: true)
        }
        #expect(
            text
                == "\(builder.root.path) has no image for platform linux/arm64 (available: linux/amd64); choose one with --platform"
        )
    }

    @Test("an unknown tag lists the tags there are")
    func unknownTag() async throws {
        let builder = try layout()
        defer { builder.remove() }
        try builder.finish(tag: "1.0")
        let text = await message { try await readAll("oci:\(builder.root.path):2.0") }
        #expect(text == "\(builder.root.path) has no image tagged '2.0' (available: 1.0)")
    }
}
