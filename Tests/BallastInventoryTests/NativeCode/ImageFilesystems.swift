import BallastImage
import BallastLayers
import BallastTestSupport
import Synchronization

@testable import BallastInventory

/// The merged file systems of the test images, read once per test run with the requests the
/// native-code checks need, as the inventory reads them.
enum ImageFilesystems {
    private static let cache = Mutex<[String: Task<MergedFilesystem, any Error>]>([:])

    /// Only what native-code analysis reads; the libc comes from meta here, so these tests
    /// judge against the ground truth rather than against Ballast's own libc detection.
    static let requests: [ContentRequest] =
        LibraryResolver.contentRequests + [
            .capture(["**/*.node"], limit: 1 << 20),
            ELFScanner.request(SystemFacts.nodeCandidates),
        ]

    static func filesystem(_ name: String) async throws -> MergedFilesystem {
        let task = cache.withLock { tasks in
            if let task = tasks[name] { return task }
            let task = Task {
                let entry = try TestImages.shared.entry(name)
                let image = try await ImageOpener().open("oci:\(entry.ociDirectory):\(entry.ociRef)")
                return try await FilesystemReader(image: image).read(requests: requests)
            }
            tasks[name] = task
            return task
        }
        return try await task.value
    }

    /// The platform of image `name`, from its architecture and libc in meta.
    static func platform(_ name: String) throws -> NativePlatform {
        let meta = try TestImages.shared.meta(name)
        let libc = meta["libc"] as? [String: Any] ?? [:]
        guard let machine = ELFMachine(ociArchitecture: meta["architecture"] as? String ?? ""),
            let family = NativePlatform.LibcFamily(rawValue: libc["family"] as? String ?? "")
        else { throw TestSupportError("\(name): meta has no architecture or libc family") }
        return NativePlatform(machine: machine, libc: family, libcVersion: libc["version"] as? String)
    }

    /// The checker for image `name`, over its merged file system.
    static func compatibility(_ name: String) async throws -> NativeCompatibility {
        let platform = try platform(name)
        let resolver = LibraryResolver(filesystem: try await filesystem(name), platform: platform)
        return NativeCompatibility(platform: platform, resolver: resolver)
    }

    /// The image's node executable (meta's `node.path`) as the host that loads addons.
    static func node(_ name: String) async throws -> NativeObject {
        let filesystem = try await filesystem(name)
        let node = try TestImages.shared.meta(name)["node"] as? [String: Any]
        guard let path = node?["path"] as? String, let resolved = try filesystem.resolve(path),
            let scanned = try filesystem.scanResult(for: resolved, as: ELFScanResult.self)
        else { throw TestSupportError("\(name): node was not scanned") }
        return NativeObject(path: "/" + resolved, file: try scanned.get())
    }
}
