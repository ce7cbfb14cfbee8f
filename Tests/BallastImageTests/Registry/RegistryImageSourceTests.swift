import BallastArchive
import BallastCore
import BallastDigest
import BallastImage
import BallastTestSupport
import Foundation
import Testing

@Suite("Registry image source")
struct RegistryImageSourceTests {
    @Test(
        "an anonymous pull resolves the image with the digests the build recorded",
        arguments: RegistryFixture.anonymousImages)
    func anonymousPull(name: String) async throws {
        let registry = try await RegistryFixture.shared.anonymous()
        let expected = try ExpectedImage(name)
        let context = try RegistryTestContext()
        defer { context.remove() }

        let reference = try ImageReference(parsing: "\(registry.host)/\(expected.repoTag)")
        let source = try RegistryImageSource(reference: reference, options: context.options(insecure: [registry.host]))
        let image = try await source.resolve()

        #expect(image.transport == .registry)
        #expect(image.manifestDigest?.description == expected.manifestDigest)
        #expect(image.indexDigest == nil)
        #expect(image.configDigest.description == expected.configDigest)
        #expect(image.platform == .linuxAMD64)
        #expect(image.layers.map(\.descriptor.digest.description) == expected.layerDigests)
        #expect(image.layers.map { $0.diffID?.description ?? "" } == expected.diffIDs)
        #expect(image.layers.allSatisfy { $0.compression == .gzip })
        for layer in image.layers {
            let path = context.cacheDirectory.appendingPathComponent("blobs/sha256/\(layer.descriptor.digest.hex)").path
            #expect(layer.location == FileRange(path: path, length: layer.descriptor.size))
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber
            #expect(size?.int64Value == layer.descriptor.size)
        }
    }
}
